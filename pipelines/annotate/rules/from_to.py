"""由2015年的53位跃升至47位: the year before 的 belongs to the first value only; the value after 至 is of
the year the paragraph is about (2020年,…由2015年的…提升至…), else of the year the document reports on."""

from __future__ import annotations

import re

from ..evidence import occurs_more_than_once, span_start
from ..periods import Period
from .mentions import starting_in

# 企业由2020年的850家增加到2023年的1300家: a level at a date, then the level it changed to, of one noun
FROM_TO_GAP = re.compile(
    r"\s*数?量?\s*(?:由|从)\s*(?:\d{4}\s*年(?:底|末)?\s*)?的?\s*"
    r"(?:[\d.]+\s*[^\d\s,。;]{0,2}?\s*(?:增加|提高|提升|增长|扩大|减少|下降|发展|跃升)?(?:到|至)\s*(?:\d{4}\s*年(?:底|末)?\s*)?的?\s*)?"
)

_FROM_TO = re.compile(r"的\s*[\d.,]+\s*[^\d,。;]{0,6}?(?:至|到)\s*$")


def later_value_keeps_its_year(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or period.start is None or period.inferred:
        return figure
    sentence = figure.sentence
    mentions = [m for m in starting_in(doc.years, sentence[0], figure.at) if m.end <= figure.at and m.relative is None]
    if not mentions or not _FROM_TO.match(doc.norm, mentions[-1].end, figure.at):
        return figure
    base = mentions[-1]
    from ..extract import _within

    paragraph = _within(doc.paragraphs, figure.at)
    before = [
        m
        for m in starting_in(doc.years, paragraph[0], base.start)
        if m.end <= base.start and m.relative is None and m.first > base.last
    ]
    year, why = (
        (before[-1].first, f"year {before[-1].first} from earlier in the paragraph")
        if before
        else (doc.reporting_year, f"the year the document reports on ({doc.reporting_year})")
    )
    figure.period = Period(year, year, True, f"由{base.first}年的…至: {why}")
    figure.notes.append(figure.period.basis)
    return figure


# 由A…至B: a word of change (跃升, 提升) and 至 between the two values, no other number, mark or list
_CHANGE_TO = re.compile(r"\s*[^\d,。;:、]{0,6}?(?:至|到)\s*$")


def _before_in_clause(earlier, clause, at: int):
    """The last earlier figure of the clause before `at`. Earlier figures are in text order: the walk back
    stops at the clause's start (a walk over every earlier figure, per figure, was quadratic)."""
    for f in reversed(earlier):
        if f.at < 0:
            continue  # a table cell: no place in the text's order
        if f.at < clause[0]:
            return None
        if f.clause == clause and f.unit_end <= at:
            return f
    return None


def each_value_its_part(figure, doc, earlier):
    """由2015年的53位跃升至47位 holds two figures: the earlier value's span ends at its unit (由2015年的53位),
    the later one's starts after the earlier value's unit (跃升至47位), as reviewers split them."""
    begin = span_start(doc.text, figure)
    if begin is None:
        return figure  # the span is not around the number (a rule rewrote it)
    norm, text, clause, span = doc.norm, doc.text, figure.clause, figure.evidence
    before = _before_in_clause(earlier, clause, figure.at)
    if before is not None and _from_to(norm, clause, before, figure.at):
        part = text.original[text.origin[before.unit_end] : begin + len(span)].strip()
        if part and not occurs_more_than_once(text, part):
            figure.evidence = part
        return figure
    later = re.match(r"\s*[^\d,。;:、]{0,6}?(?:至|到)\s*\d", norm[figure.unit_end : clause[1]])
    if later and "由" in norm[clause[0] : figure.at]:
        cut = text.origin[figure.unit_end - 1] + 1
        begin = max(begin, _from_start(figure, doc))
        part = text.original[begin:cut].strip()
        if begin + len(span) > cut and not occurs_more_than_once(text, part):
            figure.evidence = part
    return figure


def _from_start(figure, doc) -> int:
    """Where A's span of 由A…至B starts in the original: at its metric's cue word right before 由 (比重由2015年的
    20.3%; 财政收入 whole, with the word that says which income), else at 由 (在全国城市的排位由2015年的53位 →
    由2015年的53位): the words before it are the clause's head, which reviewers leave to the columns."""
    norm = doc.norm
    at = norm.rfind("由", figure.clause[0], figure.at)
    cues = [c for c in doc.reference.metric(figure.metric_code).cues if c and norm.endswith(c, 0, at)]
    start = at - len(max(cues, key=len, default=""))
    if cues:  # a word that names which one the cue is (财政 of 财政收入) stays with it
        guard = next((w for w in doc.reference.words_of("metric_guard") if norm.endswith(w, 0, start)), "")
        start -= len(guard)
    return doc.text.origin[start]


def _from_to(norm: str, clause: tuple[int, int], before, at: int) -> bool:
    """Whether the value at `at` is the B of 由A…至B, A being `before`."""
    return "由" in norm[clause[0] : before.at] and bool(_CHANGE_TO.match(norm[before.unit_end : at]))
