"""N years up to now (三年来, 五年多来, 4年来) opening a figure's sentence after a dated event: 2018年5月,…视察广西。
三年来,全市工业总产值增长45% is not of 2018, the year the paragraph stated before, but of the N years up
to publication, read as 近三年来 is (periods.py: published minus N to publication; in a text that looks
back on the year before, the N years ending in it, as rules/reviewed_years.py reads 五年来). A flow over
those years is a total over them (cumulative); an average or a stock keeps its kind. 经过三年 (the years
passed after the event) is rules/years_passed.py's; 近年来 (no number) rules/frame_of_its_own.py's."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..periods import Period

# 三年来, 3年来, 五年多来, 近三年来 (a 近 the mention already read would have dated the figure itself)
_UP_TO_NOW = re.compile(r"(?<![经历过去的第])近?\s*([2-9]|1\d|[两三四五六七八九十])\s*年\s*多?\s*来")
_WORDS = "一两三四五六七八九十"
TAKEN = "earlier in the paragraph"  # the basis of a year taken from an earlier sentence
REACH = 120  # characters before the number the words are looked for in: no sentence read whole


def _years(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS.index(word) + 1


def span_to_publication(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or figure.status != "actual" or not period.inferred or not period.basis.endswith(TAKEN):
        return figure
    at = bisect_left(doc.years, figure.at, key=lambda m: m.start)  # the year it took: the last before it
    last = doc.years[at - 1] if at else None
    start = max(figure.sentence[0], figure.at - REACH, 0 if last is None else last.end)
    found = _UP_TO_NOW.search(doc.norm, start, figure.at)
    if found is None:
        return figure
    span = _years(found.group(1))
    if doc.reporting_year and doc.reporting_year < doc.published_year:  # a look back: the N years ending in it
        end, first = doc.reporting_year, doc.reporting_year - span + 1
    else:
        end, first = doc.published_year, doc.published_year - span
    if last is not None and first < last.first:
        first = last.first  # no earlier than the event the years are counted from
    basis = f"{found.group()} up to publication: {first}-{end}, not the year of the event before"
    figure.notes = [n for n in figure.notes if n != period.basis] + [basis]
    figure.period = Period(first, end, True, basis)
    if figure.period_kind == "year":
        figure.period_kind = "cumulative"
    return figure
