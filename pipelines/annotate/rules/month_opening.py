"""A month opening its sentence with no 份 (10月,全市规上工业增加值同比增长6%; 今年10月,…; 2023年10月,…) is the
month the sentence's rates and flows are of (period_kind months), as 10月份 is (rules/sub_year.py, which
reads a bare N月 only with 份: 10月20日, 10月底 are dates). Only the month that opens the sentence, right
before its comma, and only a result that is no stock: 2018年5月,…考察,…形成了六大…集群 dates an event, and a
stock held after it is rules/event_date.py's."""

from __future__ import annotations

import re

from ..periods import Period

# (a year or 今年 / 去年 first) N月 then a comma: the sentence's month; not 10月20日, 10月底, 1—10月 (sub_year's)
_OPENING = re.compile(
    r"\s*(?:(?:19|20)\d{2}\s*年\s*|今年\s*|去年\s*|本年\s*)?(1[0-2]|[1-9]|十[一二]?|[一二三四五六七八九])\s*月\s*[,，]"
)
_CHINESE = "一二三四五六七八九十"
KINDS = ("year",)
FLOWS = ("rate", "level", "share")


def _month(written: str) -> int:
    """10, 十, 十二, 五 as a month's number."""
    if written.isdigit():
        return int(written)
    if written.startswith("十"):
        return 10 + (_CHINESE.index(written[1]) + 1 if len(written) == 2 else 0)
    return _CHINESE.index(written) + 1


def of_the_opening_month(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or figure.start_month is not None or figure.period_kind not in KINDS:
        return figure
    if figure.status != "actual" or period.start is None or period.start != period.end:
        return figure
    if doc.reference.metric(figure.metric_code).kind not in FLOWS:
        return figure  # a count is as often a stock held after a dated event
    found = _OPENING.match(doc.norm, figure.sentence[0])
    if found is None or found.end() > figure.at:
        return figure
    month = _month(found.group(1))
    figure.start_month = figure.end_month = month
    figure.period_kind = "months"
    figure.notes.append(f"{found.group().strip(' ,，')} opens the sentence: the month {month}")
    if period.inferred and period.basis.startswith("year not stated") and month > (doc.published_month or 12):
        year = period.end - 1  # 12月份 in a text of January: the December before
        figure.period = Period(year, year, True, f"{month}月 had not come by publication: {year}")
    return figure
