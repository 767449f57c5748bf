"""A growth compared with a year more than one before its own is a growth over the years between:
2020年地区生产总值比2015年增长37.8% is the growth of 2016-2020 (cumulative, from the year after the base),
not of 2020 alone; 与2015年相比,…增长50% is the same growth. A growth over the year before (比2019年增长) stays the year's.
A yearly average after such a base in its sentence with no span of its own (…比2015年增长50%,年均增长8.4%) is
the average over the same years, 2016-2020, not of 2020 alone."""

from __future__ import annotations

import re

from ..periods import Period

_BASE = re.compile(
    r"(?:(?:比|较|相比|相较)\s*((?:19|20)\d{2})\s*年(?:同期)?"
    r"|(?:与|同|和)\s*((?:19|20)\d{2})\s*年(?:同期)?\s*(?:相比|比较|相较))"
)  # 比2015年, 较2015年同期, 与2015年相比
RATES = ("rate",)  # growth rates: what the base is the start of
KINDS = ("year", "average")  # a year's growth becomes a total over the years; an average stays one


def over_the_years_since_the_base(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or period.end is None or period.start != period.end:
        return figure
    if figure.period_kind not in KINDS or doc.reference.metric(figure.metric_code).kind not in RATES:
        return figure
    bases = list(_BASE.finditer(doc.norm, figure.sentence[0], figure.at))
    if not bases:
        return figure
    base = int(bases[-1].group(1) or bases[-1].group(2))
    if base >= period.end - 1:
        return figure
    figure.period = Period(base + 1, period.end, period.inferred, f"growth over {base}: {base + 1}-{period.end}")
    if figure.period_kind == "year":
        figure.period_kind = "cumulative"
    figure.notes.append(figure.period.basis)
    return figure
