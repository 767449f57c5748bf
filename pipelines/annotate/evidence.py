"""The evidence of a figure: the shortest verbatim span of the document, of at most 40 characters,
that holds the number as written with its unit and the words that say what it is (its cue word and
qualifier, where they fit)."""

from __future__ import annotations

from ..numbers import value_in_evidence
from .script import Text

LIMIT = 40


def evidence(text: Text, number_start: int, end: int, context_starts: list[int], line: tuple[int, int]) -> str:
    """From the earliest of context_starts that keeps the span within LIMIT original characters (and
    on the number's line), to `end`; the number and its unit alone when none fits."""
    start = number_start
    for candidate in sorted(s for s in context_starts if line[0] <= s < number_start):
        if text.origin[end - 1] + 1 - text.origin[candidate] <= LIMIT:
            start = candidate
            break
    while end > number_start + 1 and text.origin[end - 1] + 1 - text.origin[start] > LIMIT:
        end -= 1  # a cue after the number that does not fit: keep the number and what fits
    span = text.span(start, end)
    return span.strip()


def holds(value, span: str) -> bool:
    return value_in_evidence(value, span)
