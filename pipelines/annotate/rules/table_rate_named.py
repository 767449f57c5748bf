"""A percent cell of a table whose caption or row names a rate of its own is that rate, not the header's
plain growth: in 居民消费价格涨跌幅度 | 类别 | 比上年增长(%) | 食品烟酒 | 8.1 the 8.1 is a price change (涨跌,
消费价格: metrics.csv price_change's cue words), though 增长 in the header reads as a growth rate. Only a rate
other than growth_rate, of the percent measure, named in the row's label or, failing that, the caption.

With no such cue word, a row or caption that names a price (价格, 价格指数) still makes the cell a price change:
the words a bulletin puts beside a price (涨跌, 涨幅) are its own, while a price's noun is every price's. The
caption counts only when the row names or holds no amount of its own (钢材产量 in a table of 产量及价格 is a
growth); the heading of the section the table stands in (三、居民消费价格) counts as well when its caption names no
amount either: a bulletin's section of prices holds tables of the 八大类 whose caption says only 涨跌情况."""

from __future__ import annotations

import re

from .. import cues
from ..script import simplified
from .price_named import names_a_price

PLAIN = ("growth_rate", "share")
_PRICE_MOVE = re.compile(r"涨(?:跌|幅)")


def from_caption(figure, doc, earlier):
    cell = doc.cells.get(figure.at)
    if cell is None or figure.metric_code not in PLAIN:
        return figure
    reference = doc.reference
    measures = reference.units.get(simplified(figure.unit), set())
    for words in (cell.label, cell.caption):
        text = simplified(words)
        named = [
            h
            for h in cues.cue_hits(text, (0, len(text)), reference)
            if h.metric.kind == "rate" and h.metric.code not in PLAIN and h.metric.unit_measure in measures
        ]
        if named:
            best = max(named, key=lambda h: (h.end - h.start, h.end))
            figure.notes.append(f"a table of {best.metric.code} ({text[best.start : best.end]} in {words})")
            figure.metric_code = best.metric.code
            return figure
    return _a_price(figure, doc, cell, measures)


def _names_its_own(caption: str, reference) -> bool:
    """A caption naming an amount of its own (主要工业产品产量): its table is that, whatever section it is in."""
    text = simplified(caption)
    # a count cue (八大类: 类) is no amount the table is of
    return any(h.metric.kind not in ("rate", "count") for h in cues.cue_hits(text, (0, len(text)), reference))


def _a_price(figure, doc, cell, measures):
    reference = doc.reference
    try:
        if reference.metric("price_change").unit_measure not in measures:
            return figure
    except KeyError:  # a catalogue without price changes
        return figure
    label = simplified(cell.label)
    row_names_an_amount = any(h.metric.kind != "rate" for h in cues.cue_hits(label, (0, len(label)), reference))
    # a rate of its row's amount (南宁 | 512.3 | -0.5 in any caption) is a growth of that amount
    alone = not row_names_an_amount and not figure.rate_of_metric_code
    for words, counts in (
        (cell.label, True),
        (cell.caption, alone),
        # 三、价格 over 类别 | 比上年(%) | 食品烟酒 | -0.5: the section's heading says what the table is of
        (cell.section, alone and not _names_its_own(cell.caption, reference)),
    ):
        if counts and names_a_price(simplified(words)):
            figure.notes.append(f"a table of price_change (a price named in {words})")
            figure.metric_code, figure.rate_of_metric_code = "price_change", ""
            return figure
    # 同比涨幅(%), 涨跌(%): 涨, a price's verb (an amount 增长), in the column's header or the caption
    for words in (cell.header, cell.caption):
        if alone and _PRICE_MOVE.search(simplified(words)):
            figure.notes.append(f"a table of price_change (a price's rise or fall in {words})")
            figure.metric_code, figure.rate_of_metric_code = "price_change", ""
            return figure
    return figure
