"""An amount whose clause names no one doing it, after an amount of a set of enterprises in its sentence:
规上工业企业实现营业收入1200亿元,同比增长8.5%;实现利润总额60亿元 → 60亿元 is the same set's (docs/codes.md,
Subjects: the set of enterprises an amount is of, carried to the next clause that names nothing of its own). The
clause, before the amount's cue, holds only glue (实现, 完成, 共, a period word): no place, no noun. The set
is one a rule before named (set_doing_it.py, subject.py's set counted): a noun ending in 企业. Its bare growth
takes it in turn (scope.py)."""

from __future__ import annotations

from ..places import IMPLIED
from ..script import simplified
from .level_noun import LEVEL
from .set_doing_it import _SET_WORDS
from .subject import _cue_of, _no_noun


def of_the_clause_before(figure, doc, earlier):
    reference = doc.reference
    if figure.subject or figure.enterprise or figure.at < 0 or reference.metric(figure.metric_code).kind != LEVEL:
        return figure
    start = figure.clause[0]
    if start <= figure.sentence[0]:
        return figure  # the sentence's first clause names its own doer or none
    cue = _cue_of(doc, figure.metric_code).search(doc.norm, start, figure.at)
    if cue is None or not _no_noun(doc, doc.norm[start : cue.start()]):
        return figure
    words = doc.norm[start : cue.start()]
    if any(start <= m.start < figure.at for m in doc.places) or any(p in words for p in IMPLIED):
        return figure  # 全市实现利润…: a place's own total, not the set's
    for before in reversed(earlier):
        if before.at < figure.sentence[0]:
            break
        if before.at < 0 or before.at >= start or reference.metric(before.metric_code).kind != LEVEL:
            continue
        if simplified(before.subject).endswith(_SET_WORDS) and not before.enterprise:
            figure.subject = before.subject
            figure.notes.append(f"subject {before.subject}: the set of enterprises of the amount before it")
        break  # only the nearest amount before it
    return figure
