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
