"""Mentions (of places, of years) in a stretch of the document, found by bisection: a rule that scanned
every mention of the document for each figure made suggest quadratic on a long document."""

from __future__ import annotations

from bisect import bisect_left


def starting_in(mentions: list, start: int, end: int) -> list:
    """The mentions, sorted by start as the document lists them, that start in [start, end)."""
    return mentions[bisect_left(mentions, start, key=_start) : bisect_left(mentions, end, key=_start)]


def _start(mention) -> int:
    return mention.start


def spans_starting_in(spans: list, start: int, end: int) -> list:
    """The (start, end) spans (sentences, clauses, sorted as the document lists them) that start in [start, end)."""
    return spans[bisect_left(spans, start, key=_span_start) : bisect_left(spans, end, key=_span_start)]


def _span_start(span) -> int:
    return span[0]
