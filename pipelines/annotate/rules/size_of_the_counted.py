"""The size of projects counted as the period's flow is of that period: 2023年,全市新签约项目120个,总投资560亿元
and 全年新开工项目85个,总投资320亿元 are the year's signing and starts (period_kind year, like the count), though
总投资 alone (这个总投资1.19亿元的项目, 计划总投资382亿元) is a project's size held as of a date (as_of: cue_words period
stock). So an amount of money read as a stock that follows, in its sentence within REACH characters and with no
other number between, a count the period added (新签约, 新开工, 引进: year, year_to_date or months) takes the
count's kind and months. A count held (在建项目320个,总投资1800亿元) leaves the amount a stock."""

from __future__ import annotations

import re

from ..script import simplified

FLOWS = ("year", "year_to_date", "months")
MONEY = "yuan"
REACH = 30
NOTE = "the sum of what the count before it added ({}{}): {}, like the count"
_NUMBER = re.compile(r"\d")


def like_the_count(figure, doc, earlier):
    if figure.at < 0 or figure.period_kind != "as_of" or figure.status != "actual" or not earlier:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind != "level":
        return figure
    if MONEY not in reference.units.get(simplified(figure.unit), set()):
        return figure
    count = earlier[-1]
    if count.at < max(figure.sentence[0], figure.at - REACH) or count.status != "actual":
        return figure
    if reference.metric(count.metric_code).kind != "count" or count.period_kind not in FLOWS:
        return figure
    if _NUMBER.search(doc.norm, count.unit_end, figure.at):
        return figure
    if reference.cue("period", "cumulative").search(doc.norm, count.unit_end, figure.at):
        return figure  # 新签约项目120个,累计总投资…: a total to date
    figure.period_kind = count.period_kind
    figure.period = count.period
    figure.start_month, figure.end_month = count.start_month, count.end_month
    figure.notes.append(NOTE.format(count.value, count.unit, count.period_kind))
    return figure
