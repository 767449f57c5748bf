"""N个X中的M个 holds two figures, a whole and its part (工业门类涉及41个大类中的34个). Reviewers give each its
own span: the whole's ends before 中的 (工业门类涉及41个大类), the part's starts at the whole's number
(41个大类中的34个), so each span says which figure it is."""

from __future__ import annotations

import re

from ..evidence import holds, occurs_more_than_once, span_start

_OF = re.compile(r"[^\d,。;:、]{0,8}?中的?\s*$")  # between the whole's unit and the part's number: 大类中的


def _before_in_clause(figure, earlier):
    """The figure right before in the same clause; None if there is none. The walk back stops at the first
    figure of an earlier clause (earlier is in document order: drafting stays linear)."""
    for before in reversed(earlier):
        if before.at < 0:
            continue
        return before if before.clause == figure.clause else None
    return None


def each_its_span(figure, doc, earlier):
    begin = span_start(doc.text, figure)  # None: the span is not around the number (a rule rewrote it)
    if begin is None or figure.unit_end < 0:
        return figure
    text, norm, span = doc.text, doc.norm, figure.evidence
    whole = _before_in_clause(figure, earlier)
    if whole is not None and whole.unit_end <= figure.at and _OF.search(norm, whole.unit_end, figure.at):
        part = text.original[whole.number_start : begin + len(span)].strip()  # 41个大类中的34个
        if holds(figure.value, part) and not occurs_more_than_once(text, part):
            figure.evidence = part
        return figure
    after = re.match(r"[^\d,。;:、]{0,8}?(?=中的?\s*\d)", norm[figure.unit_end : figure.clause[1]])
    if after is None:
        return figure
    cut = text.origin[figure.unit_end + after.end() - 1] + 1  # 工业门类涉及41个大类
    whole_span = text.original[begin:cut].strip()
    if begin + len(span) > cut and not occurs_more_than_once(text, whole_span):
        figure.evidence = whole_span
    return figure
