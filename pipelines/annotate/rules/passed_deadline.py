"""A deadline that had passed when the document came out, with no other word of intention, reports a result:
到2019年底,全区规上工业企业增加到58家 in a text of 2020 says what was reached, not a goal (到{year}年 is the
only target word before the number). 力争到2019年…, 计划到2019年… in that text are goals still (an old plan
quoted), and a deadline of the publication year or later is one."""

from __future__ import annotations

from ..reference import YEAR
from .restatus import target_of_a_past_year

NOTE = "{} had passed by publication and no word of intention goes with it: a result, an actual"


def reached_by_then(figure, doc, earlier):
    if not target_of_a_past_year(figure, doc):
        return figure
    period = figure.period
    reference = doc.reference
    found = list(reference.cue("status", "target").finditer(doc.norm, figure.sentence[0], figure.at))
    if not found:
        return figure
    deadlines = {c.word for c in reference.words("status", "before_number") if c.code == "target" and YEAR in c.word}
    patterns = [c.pattern for c in reference.cue_words if c.kind == "status" and c.word in deadlines]
    if not all(any(p.fullmatch(m.group()) for p in patterns) for m in found):
        return figure  # 力争, 计划, 将 with it: a goal
    if not any(f"{period.end}" in m.group() for m in found):
        return figure  # the deadline is of another year than the figure's
    figure.status = "actual"
    figure.notes.append(NOTE.format(found[-1].group().strip()))
    return figure
