"""An evidence within the contract's limit as written (40 characters, raw/figures' evidence column): spans are
chosen by their length as read (evidence.py), so a text with pinyin notes (產業(yè)) drafts the span its Simplified
twin does; where the notes make that span longer than the limit as written, it is cut back, from the side
farther from the number, to the number and its unit at least."""

from __future__ import annotations

from bisect import bisect_left

from ..evidence import LIMIT, written_length


def within_the_contract(figure, doc, earlier):
    span = figure.evidence
    if len(span) <= LIMIT or figure.at < 0:
        return figure
    text = doc.text
    begin = text.original.rfind(span, 0, figure.number_start + len(span))
    if begin < 0 or begin + len(span) <= figure.number_start:
        return figure  # the span is not around the number (a rule rewrote it): leave it
    start = bisect_left(text.origin, begin)
    end = bisect_left(text.origin, begin + len(span))
    keep_start, keep_end = figure.at, max(figure.unit_end, figure.at + 1)
    while written_length(text, start, end) > LIMIT and (start < keep_start or end > keep_end):
        if start < keep_start and (keep_start - start >= end - keep_end or end <= keep_end):
            start += 1
        else:
            end -= 1
    figure.evidence = text.exact(start, end).strip()
    return figure
