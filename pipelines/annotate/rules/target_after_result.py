"""A target after a result its sentence dates in a year that has ended takes no year from it: 2021年全县规上
工业总产值增长15%,我们力争把铝产业打造成百亿元产业 (said in 2022) dates the 15%, and the goal after it states
no deadline (raw/README.md: a target's year is what the document says, or nothing). Both years empty, not
inferred. A year that frames the whole sentence (2020年,全市计划新增企业20家) is the goal's: no result stands
between it and the goal."""

from __future__ import annotations

from bisect import bisect_left

from ..periods import Period
from .restatus import target_of_a_past_year

NOTE = "a target after a result of {}: the year is the result's, no deadline"


def _start(mention) -> int:
    return mention.start


def no_deadline_of_its_own(figure, doc, earlier):
    if not target_of_a_past_year(figure, doc):
        return figure
    period = figure.period
    index = bisect_left(doc.years, figure.at, key=_start) - 1  # the year it took: the last before it
    if index < 0:
        return figure
    mention = doc.years[index]
    if mention.start < figure.sentence[0] or mention.end > figure.clause[0] or mention.last != period.end:
        return figure  # the year is in the goal's own clause
    if not earlier:
        return figure
    result = earlier[-1]
    if result.status != "actual" or not (mention.end <= result.at < figure.clause[0]):
        return figure  # no result between the year and the goal: the year frames the goal too
    if doc.reference.cue("goal", "goal").match(doc.norm, mention.end):
        return figure  # 2020年目标: a goal of that year
    figure.notes = [n for n in figure.notes if n != period.basis] + [NOTE.format(period.end)]
    figure.period = Period(None, None, False, "target year not stated: left empty")
    return figure
