"""An amount a goal's noun follows is the goal's (cue_words goal, position after_unit): 向100亿元目标冲刺,
朝着千亿元铝产业的目标迈进 state a target, though no target word stands before the number. Its years are a
deadline its sentence states, or none (raw/README.md: a target's year is what the document says, or nothing):
a year inferred from the publication date or the paragraph is dropped."""

from __future__ import annotations

import re

from ..periods import Period

NEAR = 8  # characters after the unit the goal's noun may stand at (千亿元铝产业的目标: a cluster's name between)


def _goal_after(reference):
    words = reference.alternation("goal", "goal", "after_unit")
    return re.compile(rf"[^,，;；。、\d]{{0,{NEAR}}}?的?(?:{words})")


def of_the_goal_after_it(figure, doc, earlier):
    if figure.status != "actual" or figure.at < 0 or figure.unit_end < 0:
        return figure
    pattern = doc.reference.pattern("goal_after_amount", _goal_after)
    if not pattern.match(doc.norm, figure.unit_end):
        return figure
    if doc.reference.cue("status", "actual").search(doc.norm, figure.clause[0], figure.at):
        return figure  # 已完成了…目标: a goal reached, an actual
    figure.status = "target"
    figure.notes.append("a goal's noun after the amount: a target")
    if figure.period.inferred:
        figure.notes = [n for n in figure.notes if n != figure.period.basis]
        figure.period = Period(None, None, False, "target year not stated: left empty")
        figure.notes.append(figure.period.basis)
        if figure.period_kind == "as_of":
            figure.period_kind = "year"
    return figure
