"""The year after the one the text stated before (次年, 翌年, 第二年: cue_words time_base following), between
that year and the figure: 该项目2019年建成投产,次年实现产值12亿元 is of 2020, not of 2019 (nor of the year after
publication: the word counts from the text's year, not from the day it was written). Inferred: the year
is taken from the text, not stated beside the number. A year stated after the word (次年…,2021年达到5亿元) is
the figure's own and the word is not between them."""

from __future__ import annotations

from bisect import bisect_left

from ..periods import Period

REACH = 120  # characters before the number the word is looked for in: no sentence read whole


def year_after_the_one_before(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or period.start is None or period.start != period.end:
        return figure
    index = bisect_left(doc.years, figure.at, key=lambda m: m.start) - 1  # the year it took: the last before it
    if index < 0:
        return figure
    mention = doc.years[index]
    if (mention.first, mention.last) != (period.start, period.end):
        return figure
    found = doc.reference.cue("time_base", "following").search(doc.norm, max(mention.end, figure.at - REACH), figure.at)
    if found is None:
        return figure
    year = period.end + 1
    figure.notes = [n for n in figure.notes if n != period.basis]
    figure.period = Period(year, year, True, f"{found.group()}: the year after {period.end}, stated before")
    figure.notes.append(figure.period.basis)
    return figure
