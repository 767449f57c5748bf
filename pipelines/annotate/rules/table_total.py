"""A table's totals row (合计, 总计, 全市: cue_kind table, code total of cue_words.csv): its figures are the
whole table's, so of the document's own place, and count no subject; 合计 names the row, it does not make
its cells running totals, so their months are the column's or the document's (1-6月) as any row's."""

from __future__ import annotations

from ..script import simplified
from . import sub_year, table_cell


def whole_table(figure, doc, earlier):
    cell = doc.cells.get(figure.at)
    if cell is None or simplified(cell.label) not in doc.reference.words_of("table", "total"):
        return figure
    own = any(n.startswith("place from ") and cell.label in n for n in figure.notes)  # 全市 read as the city
    if not own and doc.subject is not None:
        figure.place, figure.place_key = doc.subject
        figure.notes = [n for n in figure.notes if not n.startswith(("place ", "no place"))]
        figure.notes.append(f"a totals row ({cell.label}): the document's subject place")
    figure.subject = ""
    if figure.period_kind == "cumulative":  # read from 合计 before the number: the row's name
        figure.period_kind = "year"  # extract's kind with no period word
        figure = sub_year.months(figure, doc, earlier)
        table_cell.header_months(figure, cell)
    return figure
