"""A dated event, then the years that passed after it: 2018年5月,…大会吹响了号角。经过近三年攻坚,我区…产量进入全国
前五. The figure is not of the event's year but of the end of the years that passed (inferred, raw/README.md:
taken from the text): N years counted from the event's year, that year included (近三年 from 2018: 2018-2020,
as a 三年行动 of 2021—2023 counts), never after the publication year."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..periods import Period

# 经过近三年攻坚, 历经五年多的培育, 经过3年努力: a span of whole years passed (not 近三年来, periods.py's)
_PASSED = re.compile(r"(?:经过|历经)\s*近?\s*([1-9]|[两三四五六七八九十])\s*年(?!来)")
_WORDS = "一两三四五六七八九十"


def _years(word: str) -> int:
    return int(word) if word.isdigit() else _WORDS.index(word) + 1


def end_of_the_years_passed(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or figure.status != "actual" or not period.inferred or not period.basis.startswith("year from "):
        return figure
    at = bisect_left(doc.years, figure.at, key=lambda m: m.start)  # sorted by start: no walk over them all
    last = next((doc.years[i] for i in range(at - 1, max(-1, at - 4), -1) if doc.years[i].end <= figure.at), None)
    if last is None or last.relative is not None or (last.first, last.last) != (period.start, period.end):
        return figure
    passed = _PASSED.search(doc.norm, max(last.end, figure.sentence[0]), figure.at)
    if passed is None:
        return figure
    year = min(last.last + _years(passed.group(1)) - 1, doc.published_year)
    if year <= last.last:
        return figure
    figure.period = Period(year, year, True, f"{passed.group()} after {last.last}: the years passed end in {year}")
    figure.notes = [n for n in figure.notes if not n.startswith("year from ")] + [figure.period.basis]
    return figure
