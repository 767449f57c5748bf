"""A target verb that takes an object (打造, 培育, 建成: the status words that 了 turns into what was done,
cue_words.csv not_followed_by 了) states the goal of its own clause's object, not of a later clause with a
subject and verb of its own: 港北区大力培育新兴产业,全区规上工业企业达到56家 reports 56 enterprises, an
actual. The words of intent (力争, 确保, 计划, 将, 到2025年) govern the clauses after them and keep their
target (力争到2025年,全区工业总产值达到1000亿元), and so does a size tier (打造千亿元产业,…: extract.py).
A figure whose own clause holds a target word or a goal's word (2023年任务为…) keeps it."""

from __future__ import annotations

import re

from .restatus import restate

NOTE = "{} is a goal of its own clause, not of this one: an actual"
REACH = 120  # characters before the figure's clause its sentence's target words are read in: no sentence read whole
NEAR = 20  # characters before the number its period words stand in (extract._period_words_from)
_AFTER = "后"
DONE = "了"  # the aspect a verb of doing takes (打造了): a target word cancelled by it is a verb with an object


def _verbs(reference) -> re.Pattern:
    words = [
        c.regex for c in reference.cue_words if c.kind == "status" and c.code == "target" and DONE in c.not_followed_by
    ]
    return re.compile("|".join(words) or "(?!)")


def of_its_own_clause(figure, doc, earlier):
    if figure.status != "target" or figure.at < 0 or figure.unit.endswith("级"):
        return figure
    reference, norm = doc.reference, doc.norm
    clause = figure.clause[0]
    start = max(figure.sentence[0], clause - REACH)
    if clause <= figure.sentence[0] or reference.cue("status", "target").search(norm, clause, figure.at):
        return figure  # the target word is in the figure's own clause
    if reference.cue("goal", "goal").search(norm, clause, figure.at):
        return figure  # 着力培育新动能,2023年任务为…增长8%: a goal's word of its own (cue_kind goal)
    # 建成后, 投产后: an event the figure comes after (an outlook, outlook.py), no goal a verb sets for its object
    targets = [t for t in reference.cue("status", "target").finditer(norm, start, clause) if norm[t.end()] != _AFTER]
    if not targets:
        return figure
    verbs = reference.pattern("status target verbs", _verbs)
    if not all(verbs.fullmatch(norm, t.start(), t.end()) for t in targets):
        return figure  # 力争…, 确保…: a word of intent governs the clauses after it
    from ..extract import _period_kind  # extract imports the rules: read here, not at import

    restate(figure, doc, "actual", NOTE.format(targets[-1].group()), figure.period_kind == "as_of")
    near = norm[max(start, figure.at - NEAR) : figure.at]  # the words extract reads a period kind from
    figure.period_kind = _period_kind(near, reference.metric(figure.metric_code), figure.period, reference)
    return figure
