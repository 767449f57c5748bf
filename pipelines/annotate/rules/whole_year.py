"""A whole year's flow cannot be of a year that has barely begun: 平果市地区生产总值212.5亿元 or 产值增长17%
with no year and no months of its own, in a text published in the first quarter, is of the last full year,
not of the publication year (a figure of January and February says 1—2月, which rules/sub_year.py reads).
Later in the year a bare growth is as often the year so far (增长6.1% in September), so the publication
year stays. Only amounts a year adds up (output, revenue, investment, production in yuan, vehicles,
tonnes, units) and their growth, and counts of what the year added (新增规上工业企业12家, 引进项目35个: a
count with no word of a stock before it); a stock (现有, 产能, 累计) keeps the publication date."""

from __future__ import annotations

from ..periods import Period

FLOWS = ("yuan", "vehicle", "tonne", "unit")  # unit measures of amounts a year adds up
KINDS = ("year", "average")
LAST_MONTH = 3  # published by March: no part of the year is reported without its months


def of_the_last_full_year(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or figure.status != "actual" or not period.inferred or figure.start_month is not None:
        return figure
    if not period.basis.startswith("year not stated: publication year") or "(a stock" in period.basis:
        return figure
    if figure.period_kind not in KINDS or period.end != doc.published_year or doc.reporting_year != period.end:
        return figure
    if doc.published_month is None or doc.published_month > LAST_MONTH:
        return figure
    metric = doc.reference.metric(figure.metric_code)
    amount = metric if metric.kind in ("level", "count") else None
    if metric.kind in ("rate", "share", "rank") and figure.rate_of_metric_code:  # 占GDP比重, 居全区第3位 too
        amount = doc.reference.metric(figure.rate_of_metric_code)
    counted = amount is not None and amount.kind == "count"  # a count that is no stock: 新增企业12家, 引进项目35个
    if not counted and (amount is None or amount.kind != "level" or amount.unit_measure not in FLOWS):
        return figure
    year = period.end - 1
    figure.period = Period(
        year, year, True, f"a whole year's amount, published {doc.published_year}-{doc.published_month:02d}: {year}"
    )
    figure.notes = [n for n in figure.notes if not n.startswith("year not stated")] + [figure.period.basis]
    return figure
