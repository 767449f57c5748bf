"""A semicolon joins clauses of one sentence: a year that opens the sentence is stated for every figure in
it (2022年,全区规上工业总产值357.65亿元,同比增长13.5%;规模以上工业增加值102.83亿元: 2022, stated, not
inferred). Only a full stop, ! or ? or a line end ends the sentence a stated year reaches."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..periods import Period

_FULL_STOP = re.compile(r"[。!?\n]")


def stated_before_the_semicolon(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or not period.inferred or not period.basis.startswith("year from "):
        return figure
    before = doc.years[: bisect_left(doc.years, figure.at, key=lambda m: m.start)]  # sorted by start
    last = next((m for m in reversed(before) if m.end <= figure.at), None)
    if last is None or last.relative is not None:
        return figure
    if (last.first, last.last) != (period.start, period.end):
        return figure
    if _FULL_STOP.search(doc.norm, last.end, figure.at):
        return figure  # the year is an earlier sentence's: taken from the text (inferred)
    figure.period = Period(period.start, period.end, False, "year stated earlier in its sentence (a ; joins)")
    figure.notes = [n for n in figure.notes if not n.startswith("year from ")] + [figure.period.basis]
    return figure


LEFT_EMPTY = "target year not stated: left empty"


def goal_year_across_the_semicolon(figure, doc, earlier):
    """今年,全县将抓好三件事:一是…;二是…全年计划实施重点项目120个: a year of now or to come that opens a
    sentence is said of every goal a ; joins to it, as a stated year is of every figure (raw/README.md,
    period: a target's year is what the document says). A past year (去年完成…;力争…) is no goal's."""
    if figure.status != "target" or figure.at < 0 or figure.period.basis != LEFT_EMPTY:
        return figure
    before = doc.years[: bisect_left(doc.years, figure.at, key=lambda m: m.start)]
    last = next((m for m in reversed(before) if m.end <= figure.at), None)
    if last is None or last.start < _sentence_start(doc, figure) or last.first < doc.published_year:
        return figure
    inferred = last.relative is not None
    figure.period = Period(
        last.first, last.last, inferred, f"year said earlier in its sentence (a ; joins): {last.first}"
    )
    figure.notes = [n for n in figure.notes if n != LEFT_EMPTY] + [figure.period.basis]
    return figure


def _sentence_start(doc, figure) -> int:
    """Where the sentence a ; does not end starts: after the last full stop or line end before the figure
    (looked for back from the figure's own ;-sentence, a bounded reach)."""
    reach = max(0, figure.sentence[0] - 400)
    stops = list(_FULL_STOP.finditer(doc.norm, reach, figure.sentence[0]))
    return stops[-1].end() if stops else reach
