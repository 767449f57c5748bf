"""A table's row that names nothing of its own under a price's row is a part of that price: in 主要经济指标 |
居民消费价格(%) | 0.3 then 其中:城市 | 0.2, 农村 | 0.5, or 居民消费价格总指数 | 0.3 then 食品烟酒 | -1.2, 衣着 | 1.1, the
parts' percents are price changes, though the table's header (比上年增长) reads as growth and a bare percent as
a share. The row above decides, as drafted (so a run of parts follows its price row down the table); a row
naming an amount of its own (社会消费品零售总额) or a price of its own is read by its own words."""

from __future__ import annotations

from .. import cues
from ..script import simplified
from ..tables import after_a_part_lead
from .price_named import names_a_price
from .table_rate_named import PLAIN

ROW_WIDTH = 12  # earlier figures looked back over: the cells of this row, to the row above's last


def of_the_row_above(figure, doc, earlier):
    cell = doc.cells.get(figure.at)
    if cell is None or figure.metric_code not in PLAIN or figure.unit != "%":
        return figure
    label = simplified(cell.label)
    if names_a_price(label) or any(
        h.metric.kind != "rate" for h in cues.cue_hits(label, (0, len(label)), doc.reference)
    ):
        return figure
    for before in reversed(earlier[-ROW_WIDTH:]):
        above = doc.cells.get(before.at)
        if above is None or above.caption != cell.caption:
            return figure  # no table row right above: prose, or another table
        if above.label != cell.label:
            if before.metric_code == "price_change" and before.unit == "%":
                figure.notes.append(f"a part of the price in the row above ({above.label}): price_change")
                figure.metric_code, figure.rate_of_metric_code = "price_change", ""
            return figure
    return figure


def _a_part(label: str, reference) -> bool:
    """其中:轻工业: a lead word and its colon open the row, a part of the whole in the row above."""
    return after_a_part_lead(label, reference.words_of("subject", "lead")) > 0


def of_its_whole(figure, doc, earlier):
    """工业增加值(亿元) | 30.2 | 5.1 then 其中:轻工业 | 10.4 | 3.2: a part's row whose label names no metric of its own
    is of its whole's metric, column by column (10.4 is added_value, 3.2 a growth of it), not the unit's guess."""
    cell = doc.cells.get(figure.at)
    if cell is None:
        return figure
    label = simplified(cell.label)
    if not _a_part(label, doc.reference) or cues.cue_hits(label, (0, len(label)), doc.reference):
        return figure
    above_label = None
    for before in reversed(earlier[-ROW_WIDTH:]):
        above = doc.cells.get(before.at)
        if above is None or above.caption != cell.caption:
            return figure  # no table row right above: prose, or another table
        if above.label == cell.label:
            continue
        if above_label is not None and above.label != above_label:
            return figure  # past the row above: no cell of its in this column
        above_label = above.label
        if above.header == cell.header and before.unit == figure.unit:
            if (before.metric_code, before.rate_of_metric_code) != (figure.metric_code, figure.rate_of_metric_code):
                figure.notes.append(f"a part of the row above ({above.label}): {before.metric_code}")
                figure.metric_code, figure.rate_of_metric_code = before.metric_code, before.rate_of_metric_code
            return figure
    return figure
