"""A count said as a total (累计) over no span is the number reached so far: 累计培育国家技术创新示范企业7家,
累计2家企业获评国家5G工厂 with no year or since before them are as of publication (period_kind as_of, a stock at a
date), as the brief of issue 22 has it: a count 累计 with no start. With a span (2021年以来,累计…212家; 三年来,
累计新增526家) it stays a total over the span (total_since.py). An amount said 累计 (累计完成投资199.4亿元) is
left as it is: the gold reads some as totals, some as stocks."""

from __future__ import annotations

NOTE = "a count 累计 over no span: the number reached, as of publication"


def reached_so_far(figure, doc, earlier):
    period = figure.period
    if figure.period_kind != "cumulative" or figure.status != "actual":
        return figure
    if period.start is None or period.start != period.end or not period.inferred:
        return figure
    if doc.reference.metric(figure.metric_code).kind != "count":
        return figure
    figure.period_kind = "as_of"
    figure.notes.append(NOTE)
    return figure
