"""A change's words stand before its number (同比增长近10%, 年均增长8%以上): the span of a growth, a change in
points, a multiple or a price change (metrics of kind `rate`) ends at its unit and qualifier, not at the clause's
end (同比增长近10%创历史新高 → 同比增长近10%; no reviewed seed or development row runs on past one). A 的 after it
(增长10%的目标) makes it part of a noun, and another number, a bracket or a list after it is other rules' (run_together,
listed_values): the span stays."""

from __future__ import annotations

import re

from ..evidence import holds, occurs_more_than_once, span_start


def _qualifier(doc) -> re.Pattern:
    return doc.reference.pattern(
        "change_span_end.qualifier",
        lambda reference: re.compile(
            rf"\s*(?:{reference.alternation('qualifier', position='after_unit')}"
            rf"|{reference.alternation('qualifier', position='closing_unit')})?"  # 增长2倍多: the 多 is its own
        ),
    )


def at_its_unit(figure, doc, earlier):
    begin = span_start(doc.text, figure)  # None: the span is not around the number (a rule rewrote it)
    if begin is None or figure.unit_end < 0 or doc.reference.metric(figure.metric_code).kind != "rate":
        return figure
    text, norm, span = doc.text, doc.norm, figure.evidence
    own_end = _qualifier(doc).match(norm, figure.unit_end, figure.clause[1]).end()
    tail = norm[own_end : figure.clause[1]]
    if not tail.strip() or tail.lstrip().startswith("的") or any(ch.isdigit() or ch in "、()" for ch in tail):
        return figure
    cut = text.origin[own_end - 1] + 1
    if not figure.number_start < cut < begin + len(span):
        return figure
    own = text.original[begin:cut].strip()
    if holds(figure.value, own) and not occurs_more_than_once(text, own):
        figure.evidence = own
    return figure
