"""An amount said as a running total (累计) that passed a mark (突破, 超: qualifier more_than) over no span is a
level reached, held at a date: 新能源汽车累计产量突破300万辆, 已累计销售超1万台 (seed 003-017, 003-026: as_of),
while 累计完成投资199.4亿元 (an exact amount done, development 028) stays a total. A span of years (2021年以来,
三年来) keeps its total (total_since.py); a count is total_to_date's."""

from __future__ import annotations

NOTE = "a running total past a mark (累计…{}) over no span: a level reached, as_of"


def reached_past_a_mark(figure, doc, earlier):
    period = figure.period
    if figure.period_kind != "cumulative" or figure.status != "actual" or figure.qualifier != "more_than":
        return figure
    if period.start is None or period.start != period.end:
        return figure  # a total over a span of years
    if doc.reference.metric(figure.metric_code).kind != "level":
        return figure
    if not doc.reference.cue("period", "cumulative").search(doc.norm, figure.clause[0], figure.at):
        return figure  # 上市200天销量突破20万辆: a total over the days, no running total said
    figure.period_kind = "as_of"
    figure.notes.append(NOTE.format(figure.qualifier))
    return figure
