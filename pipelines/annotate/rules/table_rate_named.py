"""A percent cell of a table whose caption or row names a rate of its own is that rate, not the header's
plain growth: in 居民消费价格涨跌幅度 | 类别 | 比上年增长(%) | 食品烟酒 | 8.1 the 8.1 is a price change (涨跌,
消费价格: metrics.csv price_change's cue words), though 增长 in the header reads as a growth rate. Only a rate
other than growth_rate, of the percent measure, named in the row's label or, failing that, the caption."""

from __future__ import annotations

from .. import cues
from ..script import simplified

PLAIN = ("growth_rate", "share")


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
    return figure
