"""Reading a figure's kind from the words around it.

Cue words are data: a metric's in the cue_words column of raw/reference/metrics.csv, and the words
of the contract's own grammar (raw/README.md's figures table) in raw/reference/cue_words.csv: the
words that make a figure a target, qualify its value, or make its period an average, a total or a
stock. What is here is how they are read.
"""

from __future__ import annotations

from dataclasses import dataclass

from .reference import Metric, Reference


@dataclass(frozen=True)
class CueHit:
    metric: Metric
    start: int
    end: int


def qualifier_before(norm: str, start: int, floor: int, reference: Reference) -> tuple[str, int] | None:
    """(qualifier, where its word starts) for a word right before the number (spaces allowed)."""
    at = start
    while at > floor and norm[at - 1] == " ":
        at -= 1
    for cue in reference.words("qualifier", "before_number"):
        begin = at - len(cue.word)
        match = cue.pattern.match(norm, begin) if begin >= floor else None
        if match and match.end() == at:
            return cue.code, begin
    return None


def qualifier_after(norm: str, end: int, reference: Reference) -> tuple[str, int] | None:
    """(qualifier, where its word ends) for a word right after the unit (以上, 左右, 以内, 以下)."""
    for cue in reference.words("qualifier", "after_unit"):
        match = cue.pattern.match(norm, end)
        if match:
            return cue.code, match.end()
    return None


def cue_hits(norm: str, window: tuple[int, int], reference: Reference) -> list[CueHit]:
    """Every cue word of every metric in window of the copy, longest first where they overlap."""
    hits = []
    lo, hi = window
    segment = norm[lo:hi]
    for metric in reference.metrics:
        for cue in metric.cues:
            at = segment.find(cue)
            while at >= 0:
                hits.append(CueHit(metric, lo + at, lo + at + len(cue)))
                at = segment.find(cue, at + 1)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return hits


def choose_metric(
    hits: list[CueHit], at: int, measures: frozenset[str], reference: Reference, kinds: tuple[str, ...] | None = None
) -> tuple[Metric | None, CueHit | None]:
    """The metric of the cue nearest before `at` among metrics of the unit's measure (a longer cue
    wins at the same end); with no cue, the first metric of that measure in catalogue order."""
    fitting = [
        h
        for h in hits
        if h.metric.unit_measure in measures and h.end <= at and (kinds is None or h.metric.kind in kinds)
    ]
    if fitting:
        best = max(fitting, key=lambda h: (h.end, h.end - h.start))
        return best.metric, best
    for metric in reference.metrics:
        if metric.unit_measure in measures and (kinds is None or metric.kind in kinds):
            return metric, None
    return None, None
