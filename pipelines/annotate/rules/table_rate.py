"""A rate in a table's row is a rate of the row's amount: in 指标 | 1-6月 | 同比增长(%) with a row
地区生产总值 | 1200.5 | 5.5, the 5.5 is a growth of gdp, as 钢材 | 万吨 | 300.2 | 4.2 is of production_tonnes.
Written one cell per line each number is a sentence of its own, so extract's "the level figure before it in its
sentence" finds none and the rate was left with no rate_of (tables written with spaces found it). The amount is
the last level cell before it in its row (same label, same caption, no other row between), else the level cue
of the row's label (地区生产总值 → gdp)."""

from __future__ import annotations

from .. import cues
from ..script import simplified

KINDS = ("rate", "share")
LEVELS = ("level", "count")


def of_its_row(figure, doc, earlier):
    cell = doc.cells.get(figure.at)
    if cell is None or figure.rate_of_metric_code:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind not in KINDS:
        return figure
    for before in reversed(earlier):
        other = doc.cells.get(before.at)
        if other is None or other.label != cell.label or other.caption != cell.caption:
            break  # another row, or no longer the table
        if reference.metric(before.metric_code).kind in LEVELS:
            figure.rate_of_metric_code = before.metric_code
            figure.notes.append(f"a rate of its row's amount ({before.value}{before.unit}): {before.metric_code}")
            return figure
    label = simplified(cell.label)
    hits = [h for h in cues.cue_hits(label, (0, len(label)), reference) if h.metric.kind in LEVELS]
    if hits:
        best = max(hits, key=lambda h: (h.end, h.end - h.start))
        figure.rate_of_metric_code = best.metric.code
        figure.notes.append(f"a rate of its row {cell.label}: {best.metric.code}")
    return figure
