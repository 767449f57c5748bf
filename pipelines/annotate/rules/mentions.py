"""Mentions (of places, of years) in a stretch of the document, found by bisection: a rule that scanned
every mention of the document for each figure made suggest quadratic on a long document."""

from __future__ import annotations

from bisect import bisect_left


def starting_in(mentions: list, start: int, end: int) -> list:
    """The mentions, sorted by start as the document lists them, that start in [start, end)."""
    return mentions[bisect_left(mentions, start, key=_start) : bisect_left(mentions, end, key=_start)]


def _start(mention) -> int:
    return mention.start


_NAMES: dict[int, tuple[object, tuple[str, ...], str]] = {}


def place_names(doc) -> tuple[tuple[str, ...], str]:
    """(the names the document's place mentions use, longest first; their regex alternation), worked out
    once per document: per figure it cost every mention of the document again (quadratic)."""
    kept = _NAMES.get(id(doc))
    if kept is None or kept[0] is not doc:
        import re

        names = tuple(sorted({m.name for m in doc.places}, key=len, reverse=True))
        _NAMES.clear()  # one document at a time
        kept = _NAMES[id(doc)] = (doc, names, "|".join(map(re.escape, names)) or "(?!)")
    return kept[1], kept[2]
