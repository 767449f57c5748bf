"""An amount whose clause says nothing but its cue word and the amount (产值544亿元 after a comma: what it is
of stands in a clause before it). Reviewers keep such a clause with the clause it leans on, as they do a
bare growth (rules/growth_clause.py): on through the bare growth right after it (产值544亿元,同比增长33.7%),
else from the cue word of the amount in the clause right before it (产量28万台,产值73.5亿元)."""

from __future__ import annotations

import re

from ..evidence import LIMIT, occurs_more_than_once, read_length
from .growth_clause import _GLUE, OF_A_LEVEL

_STOP = ",;:。!?\n"


def _words(words) -> str:
    return "(?:" + "|".join(map(re.escape, sorted(set(words), key=len, reverse=True))) + ")+"


def _bare_growth(reference) -> re.Pattern:
    """A clause of nothing but a growth: its cue and glue words, a percent (同比增长33.7%, 下降2.1%)."""
    cues = set(reference.metric("growth_rate").cues) | set(reference.words_of("direction", "decrease"))
    return re.compile(_words(cues | set(_GLUE)) + r"\s*[\d.]+\s*%")


def bare_level(figure, doc) -> bool:
    """Whether the amount's clause, after a comma, holds only the metric's cue and glue words before it."""
    if figure.at < 0 or doc.reference.metric(figure.metric_code).kind not in OF_A_LEVEL:
        return False
    cues = doc.reference.metric(figure.metric_code).cues
    start, norm = figure.clause[0], doc.norm
    if not cues or start == 0 or norm[start - 1] not in ",,":
        return False
    return bool(re.fullmatch(_words(cues) + "(?:" + _words(_GLUE) + ")?", norm[start : figure.at].strip()))


def _growth_after(figure, doc) -> int:
    """Where the bare growth clause right after the amount's ends; -1 if none follows."""
    norm, end = doc.norm, figure.clause[1]
    if norm[figure.unit_end : end].strip() or end >= len(norm) or norm[end] not in ",,":
        return -1
    found = doc.reference.pattern("level_clause.bare_growth", _bare_growth).match(norm, end + 1)
    if found is None or (found.end() < len(norm) and norm[found.end()] not in _STOP):
        return -1
    return found.end()


def _level_before(figure, doc, earlier):
    """The amount or count in the clause right before; None if there is none. Earlier figures are in
    document order: the walk back stops at the first one of an earlier clause (drafting stays linear)."""
    for before in reversed(earlier):
        if before.at < 0:
            continue
        if before.clause[1] < figure.clause[0] - 1:
            return None
        if before.clause[1] == figure.clause[0] - 1:
            return before if doc.reference.metric(before.metric_code).kind in OF_A_LEVEL else None
    return None


def _cue_before(before, doc) -> int:
    """Where the cue word of the amount before stands in its clause (产量28万台); -1 if it has none."""
    norm, lo = doc.norm, before.clause[0]
    return max((norm.rfind(cue, lo, before.at) for cue in doc.reference.metric(before.metric_code).cues), default=-1)


def with_the_clause_it_leans_on(figure, doc, earlier):
    if not bare_level(figure, doc):
        return figure
    begin, end = figure.clause[0], _growth_after(figure, doc)
    if end < 0:
        before = _level_before(figure, doc, earlier)
        begin = _cue_before(before, doc) if before is not None else -1
        end = figure.unit_end
        if begin < 0:
            return figure
    span = doc.text.exact(begin, end).strip()
    if read_length(doc.text, span) > LIMIT or occurs_more_than_once(doc.text, span):
        return figure
    figure.evidence = span
    return figure
