"""An average (年均增长57%) is over years: one year is no span to average over. An actual average rate whose
years the text does not give (one year, inferred: the publication's or the reported year) is over the
five-year plan that year falls in, from the plan's first year to that year: 规上工业总产值年均增长率达57% in a
text of February 2026 about 2025 is of 2021-2025 (“十四五”), inferred (raw/README.md: taken from the text).
A yearly count (每年组织100多项攻关) is left alone: 每年 there says how often, and the annotations keep it
to its one year. Plans are dated as periods.py dates 十四五: plan N begins in 1956 + 5(N−1)."""

from __future__ import annotations

from ..periods import Period
from .action_years import action_pattern

FIRST_PLAN_START = 1956  # 十一五 2006, 十三五 2016, 十四五 2021: five years apart from here
PLAN_YEARS = 5


def plan_start(year: int) -> int:
    """The first year of the five-year plan `year` falls in: 2025 → 2021 (十四五), 2021 → 2021."""
    return year - (year - FIRST_PLAN_START) % PLAN_YEARS


def over_the_plan_so_far(figure, doc, earlier):
    period = figure.period
    if figure.period_kind != "average" or figure.status != "actual" or period.start is None:
        return figure
    if doc.reference.metric(figure.metric_code).kind != "rate":
        return figure
    if not period.inferred or period.start != period.end:
        return figure  # a span of its own (2021年至2023年…年均), or a year stated next to it
    if doc.reference.pattern("action_years", action_pattern).search(doc.norm, figure.sentence[0], figure.at):
        return figure  # an action's years are rules/action_years.py's (继续实施…三年行动: a start not given)
    first = plan_start(period.end)
    if first == period.end:
        return figure  # the plan's first year: still no span
    figure.period = Period(first, period.end, True, f"an average over the five-year plan to {period.end}")
    figure.notes = [n for n in figure.notes if n != period.basis] + [figure.period.basis]
    return figure
