"""Some metrics are stocks whatever words stand before their number: a capacity or a mineral reserve is held at
a date (年产200万吨氧化铝的生产能力, 锰矿储量1.2亿吨: period_kind as_of), not produced over a year. Which metrics:
those one of whose cue words (metrics.csv) is a stock word of cue_words.csv (period stock: 产能, 储量), read from
the reference, no metric named in code. The period word search of extract looks only before the number, so a
capacity named after its unit (cue_after.py) or a reserve with no stock word near kept the year. A flow or
total word near (新增产能, 累计) or a span (2013年至2015年…淘汰了239.8万吨) keeps its kind."""

from __future__ import annotations

NEAR = 20  # characters before the number a period word is looked for in (extract's _period_kind)
NOTE = "a metric held at a date ({}): as_of"


def _is_a_stock(reference, code: str) -> bool:
    return bool(set(reference.words_of("period", "stock")) & set(reference.metric(code).cues))


def held_at_a_date(figure, doc, earlier):
    if figure.at < 0 or figure.period_kind != "year" or figure.status != "actual":
        return figure
    if figure.period.start is not None and figure.period.start != figure.period.end:
        return figure
    reference = doc.reference
    if not _is_a_stock(reference, figure.metric_code):
        return figure
    near = doc.norm[max(figure.sentence[0], figure.at - NEAR) : figure.at]
    for code in ("flow", "cumulative", "average"):
        if reference.cue("period", code).search(near):
            return figure
    figure.period_kind = "as_of"
    figure.notes.append(NOTE.format(figure.metric_code))
    return figure
