"""A year inside a title (《工业振兴三年行动方案(2021—2023年)》) dates the plan, not the figure: a figure that
takes it (推动工业投资年均增长20%) has its years from the text, not stated next to it (is_year_inferred,
raw/README.md: a plan's 2021—2023 named earlier)."""

from __future__ import annotations

from bisect import bisect_left

from ..periods import Period


def taken_from_a_title(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or period.inferred or period.start is None:
        return figure
    start = bisect_left(doc.years, figure.sentence[0], key=lambda m: m.start)
    before = doc.years[start : bisect_left(doc.years, figure.at, key=lambda m: m.start)]
    chosen = next((m for m in reversed(before) if m.end <= figure.at), None)
    if chosen is None or (chosen.first, chosen.last) != (period.start, period.end):
        return figure
    norm = doc.norm
    opened = norm.rfind("《", figure.sentence[0], chosen.start)
    if opened < 0 or norm.rfind("》", opened, chosen.start) >= 0:
        return figure
    if norm.find("》", chosen.end, figure.at) < 0:
        return figure
    figure.period = Period(period.start, period.end, True, "years of a title named earlier (《…》): the plan's")
    figure.notes.append(figure.period.basis)
    return figure
