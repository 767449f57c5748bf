"""A work report's look back over several years (一、过去五年工作回顾, 五年来): a figure in that section with
no year of its own is of the years reviewed, the five (or N) years before publication, not of the
publication year (实现4个贫困县全部摘帽 in a report of October 2021: 2016-2020)."""

from __future__ import annotations

import re

from ..periods import Period

_LOOK_BACK = re.compile(r"过去的?([两三四五六七八九十2-9])年|([两三四五六七八九十2-9])年来")
_SECTION = re.compile(r"(?:^|\n)\s*[一二三四五六七八九十]+、")  # 一、 二、: a report's sections
_NUMBER = {"两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10}
REACH = 6000  # how far back a look back is looked for


def years_reviewed(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or figure.status != "actual" or not period.inferred:
        return figure
    if not period.basis.startswith("year not stated"):
        return figure
    norm = doc.norm
    lo = max(0, figure.at - REACH)
    sections = [m.end() for m in _SECTION.finditer(norm, lo, figure.at)]
    start = sections[-1] if sections else lo
    # the section's heading or its opening words say so (一、过去五年工作回顾 / 五年来,…)
    found = _LOOK_BACK.search(norm, max(0, start - 12), min(figure.at, start + 200))
    if not found:
        return figure
    word = found.group(1) or found.group(2)
    span = int(word) if word.isdigit() else _NUMBER[word]
    end = doc.published_year - 1
    first = end - span + 1
    figure.period = Period(first, end, True, f"in a look back over {span} years ({found.group()}): {first}-{end}")
    figure.notes = [n for n in figure.notes if not n.startswith("year not stated")] + [figure.period.basis]
    if figure.period_kind == "as_of":
        figure.period_kind = "cumulative"
    return figure
