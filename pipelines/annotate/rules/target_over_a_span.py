"""A goal over a span of years with no word of a total (累计, 共计: cue_words period cumulative) is a goal for
each year or for the span's end, not a total: “十四五”期间,将力争实现年产3万台无人机表演机 (seed 002-015: kind
year, 2021-2025), as every target of the annotated documents is year, average or part of a year, never a
total or a stock."""

from __future__ import annotations

NEAR = 20  # characters before the number its period words stand in (extract's _period_kind)


def kind_year(figure, doc, earlier):
    period = figure.period
    if figure.status != "target" or figure.at < 0 or figure.period_kind != "cumulative" or period.start is None:
        return figure
    near = doc.norm[max(figure.sentence[0], figure.at - NEAR) : figure.at]
    if doc.reference.cue("period", "cumulative").search(near):
        return figure  # 累计完成投资1000亿元: a total, said so
    figure.period_kind = "year"
    figure.notes.append(f"a goal over {period.start}-{period.end} with no word of a total: kind year")
    return figure
