"""Two rates written one after the other in one clause, no punctuation between them (工业投资增长11.4%技改投资增长
19.7%增速均居全区前列; 工业投资年均增长20%工业增加值年均增长8%以上): reviewers give each its own span. A rate's
words stand before its number, so the first's span ends after its unit and qualifier (以上, 左右) and the second's
starts there and ends after its own (what follows, 增速均居…, is said of both).

No boundary where the first is no rate (after a count, the amount is of what it counts: 等2个产业产值超2000亿元;
有42项总投资为68.5亿元), where the rate is said of the noun after it (7.14%的企业…), nor at a number in brackets
or a list's values (、 or a joiner alone between them: listed_values.py). Two figures joined by 和 (制定了9项国家标准
和4项行业标准) stay one span: reviewers part them on one seed document and keep them on held-out ones."""

from __future__ import annotations

import re

from ..evidence import holds, occurs_more_than_once, span_start
from ..script import simplified
from .listed_values import _separator
from .part_of_whole import _before_in_clause

_RATES = {"percent", "percentage_point", "per_mille"}
# the next number of the clause, not a date's (2021年, 5月, 18日)
_NUMBER = re.compile(r"(?<![\d.])\d+(?:\.\d+)?(?!\s*[\d.年月日号])")


def _qualifier(doc) -> re.Pattern:
    return doc.reference.pattern(
        "run_together.qualifier",
        lambda reference: re.compile(rf"\s*(?:{reference.alternation('listed_value', 'qualifier', 'after_unit')})?"),
    )


def _boundary(doc, first_end: int, second_at: int) -> int | None:
    """Where the first rate's words end and the second's begin, between the first's unit end and the second's
    number: after the first's qualifier; None when the two are a list's values or the first is said of a noun."""
    norm = doc.norm
    between = norm[first_end:second_at]
    if (
        not between.strip()
        or any(mark in between for mark in "、()")
        or _separator(doc.reference).fullmatch(norm, first_end, second_at)
    ):
        return None
    cut = _qualifier(doc).match(norm, first_end, second_at).end()
    return None if norm.startswith("的", cut) else cut


def _rate_at(doc, at: int) -> bool:
    """Whether a rate's unit (%, 个百分点) follows the number that ends at `at`: 增长20%工业增加值增长8%, not
    仅有20%进入…100强 (the next number is within what the rate is said of)."""
    rest = doc.norm[at : at + 6].lstrip()
    return any(rest.startswith(unit) for unit, measures in doc.reference.units.items() if measures & _RATES)


def _is_rate(doc, figure) -> bool:
    return bool(doc.reference.units.get(simplified(figure.unit), set()) & _RATES)


def each_its_own(figure, doc, earlier):
    begin = span_start(doc.text, figure)  # None: the span is not around the number (a rule rewrote it)
    if begin is None or figure.unit_end < 0 or not _is_rate(doc, figure):
        return figure
    text, norm, span = doc.text, doc.norm, figure.evidence
    start, end = begin, begin + len(span)
    own_end = _qualifier(doc).match(norm, figure.unit_end, figure.clause[1]).end()
    before = _before_in_clause(figure, earlier)
    if before is not None and 0 <= before.unit_end <= figure.at and _is_rate(doc, before):
        cut = _boundary(doc, before.unit_end, figure.at)
        if cut is not None and begin < text.origin[cut] <= figure.number_start:
            start = text.origin[cut]  # the second's span starts after the first
            end = min(end, text.origin[own_end - 1] + 1)  # and ends after its own unit: what follows is said of both
    following = _NUMBER.search(norm, figure.unit_end, figure.clause[1])
    if following is not None and _rate_at(doc, following.end()):
        cut = _boundary(doc, figure.unit_end, following.start())
        if cut is not None and figure.number_start < text.origin[cut - 1] + 1 < end:
            end = text.origin[cut - 1] + 1  # the first's span ends after its unit
    if (start, end) == (begin, begin + len(span)):
        return figure
    own = text.original[start:end].strip()
    if holds(figure.value, own) and not occurs_more_than_once(text, own):
        figure.evidence = own
    return figure
