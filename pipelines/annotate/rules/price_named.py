"""Which price a price change is of (docs/codes.md, Subjects: what the figure is where the metric alone does not
say): price_change is any price index's change, so 居民消费价格上涨1.5% and 工业生产者出厂价格下降2.1% differ only
in the price named. The subject is that price, as written: the noun ending in 价格 (or 价格指数) that opens the
figure's clause, past its place, date and lead words, right before the change word (上涨, 下降, 同比…)."""

from __future__ import annotations

import re

from . import sub_year
from .subject import after_the_lead

# a price's change read as a growth (同比上涨0.3%: growth_rate) is still that price's
PRICE_CHANGES = ("price_change", "growth_rate")
# the price's noun, then the glue and change words between it and the number (同比上涨, 比上年下降, 持平)
_PRICE = re.compile(
    r"([\u4e00-\u9fff]{0,12}价格(?:总?指数)?)(?:\([A-Za-z]+\))?(?:同比|比上年|比上月|环比|累计)?"
    r"(?:上涨|下降|上升|下跌|涨|降|持平|增长|回落)(?:了)?(?:约|近)?\s*$"
)


def _past_the_months(doc, start: int, end: int) -> int:
    """上半年, 1-6月, 前三季度 opening the clause: the figure's months, no part of the price's name."""
    norm = doc.norm
    for pattern in (sub_year._SPAN, sub_year._NAMED_RE, sub_year._ONE_MONTH):
        found = pattern.match(norm, start, end)
        if found:
            return after_the_lead(doc, found.end(), end)
    return start


def the_price_changed(figure, doc, earlier):
    if figure.subject or figure.at < 0 or figure.metric_code not in PRICE_CHANGES:
        return figure
    start = _past_the_months(doc, after_the_lead(doc, figure.clause[0], figure.at), figure.at)
    named = _PRICE.fullmatch(doc.norm, start, figure.at)
    if named and len(named.group(1)) > len("价格"):  # 价格上涨3%: the metric's words alone, no price named
        figure.subject = doc.text.span(*named.span(1))
    return figure
