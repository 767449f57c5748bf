"""A cell of a flattened table (tables.py): its place or industry is its row's label, its period and
metric come from its column's header (1-6月 → January-June; 上年同期 → the year before; 增长(%) → a
growth rate). When the columns are places (指标 | 平果 | 靖西), the place is its column's and what is
measured its row's label (地区生产总值(亿元))."""

from __future__ import annotations

import re

from .. import cues
from ..periods import Period
from ..script import simplified
from ..tables import after_a_part_lead
from . import sub_year

_YEAR = re.compile(r"((?:19|20)\d{2})")
_BASE = ("上年同期", "去年同期", "上年")
# 比上年增长(%): this year's growth over the year before, not a column of the year before's values
_COMPARED = re.compile(r"(?:比|较|与|同)\s*(?:上年|去年)")


LABEL_REACH = 400  # a row's label stands on its cell's line or a few lines above it (one cell per line)


def _written(doc, label: str, before: int) -> str:
    """The row's label as the document writes it (廣西投資集團有限公司, 南寧: tables.py reads the copy, in
    Simplified script): the last time the copy holds it before the cell, looked for only a few lines back."""
    at = doc.norm.rfind(label, max(0, before - LABEL_REACH), before) if label else -1
    return doc.text.name(at, at + len(label)) if at >= 0 else label


def _written_unit(doc, cell) -> str:
    """The column's unit as its header writes it ((億元), not the copy's 亿元): looked up once a header."""

    def find(d) -> str:
        at = d.norm.find(cell.header)
        within = d.norm.find(cell.unit, at, at + len(cell.header)) if at >= 0 else -1
        return d.text.name(within, within + len(cell.unit)) if within >= 0 else cell.unit

    return doc.once(("table_cell.unit", cell.header, cell.unit), find)


def _a_company(doc, label: str) -> bool:
    """1 | 广西投资集团有限公司 | 1050.8: a row label ending as a company's name does (cue_kind company, name_end)
    is the enterprise the row is about, not what it counts."""
    return any(label.endswith(word) for word in doc.reference.words_of("company", "name_end"))


# a unit in brackets closing a row's label (工业增加值(%), 产值(億元)): the column's unit, no part of the row's noun
_UNIT_AT_END = re.compile(r"\s*[(（]\s*([^()（）]{1,6}?)\s*[)）]\s*$")


def row_noun(label: str, reference) -> str:
    """The noun a row is about, as written: 其中:城市 → 城市 (a lead word and its colon: "of which", no part of
    the noun), 工业增加值(%) → 工业增加值 (the unit its cells are in)."""
    words = label.strip()
    words = words[after_a_part_lead(simplified(words), reference.words_of("subject", "lead")) :] or words
    unit = _UNIT_AT_END.search(words)
    if unit and unit.start() > 0 and simplified(unit.group(1)) in reference.units:
        words = words[: unit.start()]
    return words


def _names_a_metric(label: str, reference) -> bool:
    """发电量, 地区生产总值: a row label that is a metric's cue word (its rate's row too: 增长 | -3.1). A price's
    name (CPI, PPI: price_change's cue words) is no such row: a price change's subject is which price (price_named)."""
    return any(label in metric.cues for metric in reference.metrics if metric.code != "price_change")


def fields(figure, doc, earlier):
    cell = doc.cells.get(figure.at)
    if cell is None:
        return figure
    reference = doc.reference
    notes = [f"a table cell: row {cell.label}, column {cell.header}"]
    label = _written(doc, cell.label, cell.start)
    if cell.unit and figure.unit == cell.unit:
        figure.unit = _written_unit(doc, cell)
    key = reference.places.get(simplified(cell.label))
    column_place = reference.places.get(simplified(cell.header.strip()))
    if key is not None:
        figure.place, figure.place_key = label, key
        figure.notes = [n for n in figure.notes if not n.startswith(("place ", "no place"))]
    elif column_place is not None:  # 指标 | 平果 | 靖西: places side by side, the row label is what is measured
        figure.place, figure.place_key = cell.header.strip(), column_place
        figure.notes = [n for n in figure.notes if not n.startswith(("place ", "no place"))]
    elif placed := next((a for a in cell.attributes if reference.places.get(simplified(a))), None):
        # 1 某公司 柳州 1050.8 under 排名 企业名称 所在地 营收: the row's place column
        figure.place, figure.place_key = _written(doc, placed, cell.start), reference.places[simplified(placed)]
        figure.notes = [n for n in figure.notes if not n.startswith(("place ", "no place"))]
    if key is None and cell.label:
        if _a_company(doc, simplified(cell.label)):
            figure.enterprise = label
        elif simplified(row_noun(label, reference)) not in reference.clusters:
            figure.subject = row_noun(label, reference)
        elif figure.cluster == "":  # 农林牧渔业 | 5.2: the row is an industry, its cluster and no subject
            figure.cluster = row_noun(label, reference)
    measures = frozenset(reference.units.get(simplified(figure.unit), set()))
    metric = cue = None
    # the column's own words first, then the row's label (工业增加值 | 亿元 | 512.3), then the table's caption
    for words in ("" if column_place is not None else cell.header, "" if key is not None else cell.label, cell.caption):
        hits = cues.cue_hits(simplified(words), (0, len(words)), reference)
        metric, cue = cues.choose_metric(hits, len(words), measures, reference)
        if cue is not None:
            break
    if metric is not None and cue is not None:
        figure.metric_code = metric.code
        figure.notes = [n for n in figure.notes if not n.startswith("no cue word")]
    if figure.subject and _names_a_metric(simplified(figure.subject), reference):
        figure.subject = ""  # 发电量 | 亿千瓦时 | 85.6: the row names the metric, no subject (never its own words)
    year = figure.period.end
    stated = _YEAR.search(cell.header)
    if stated:
        year = int(stated.group(1))
        figure.period = Period(year, year, False, "")
        figure.notes = [n for n in figure.notes if not n.startswith("year not stated")]
    elif any(word in cell.header for word in _BASE) and not _COMPARED.search(cell.header):
        year = doc.reporting_year - 1
        figure.period = Period(year, year, True, f"上年同期 column: the year before {doc.reporting_year}")
        notes.append(figure.period.basis)
    header_months(figure, cell)
    figure.notes.extend(notes)
    return figure


# a column of one month: 11月 (a header is no date of a day, so no 份 is needed as in prose), or 本月 / 当月 under a
# caption that names the month (2023年11月居民消费价格…)
_HEADER_MONTH = re.compile(r"^(?:\d{4}年)?(\d{1,2})月(?![\d份])")
_THIS_MONTH = re.compile(r"^(?:本月|当月)")
_CAPTION_MONTH = re.compile(r"\d{4}年(\d{1,2})月(?!份?[\d\-—–~至到])")


def _one_month(cell) -> list[tuple[int, int, int, int]]:
    header = simplified(cell.header).strip()
    found = _HEADER_MONTH.match(header)
    if found is None and _THIS_MONTH.match(header):
        found = _CAPTION_MONTH.search(simplified(cell.caption))
    month = int(found.group(1)) if found else 0
    return [(0, 0, month, month)] if 1 <= month <= 12 else []


def header_months(figure, cell) -> None:
    """1-6月 in the column's header: the cell's months (not over a total's or an average's kind)."""
    months = sub_year.spans(simplified(cell.header), 0, len(cell.header)) or _one_month(cell)
    if months and figure.period_kind not in sub_year.WHOLE_YEAR_KINDS:
        _, _, first, last = months[0]
        if (first, last) != (1, 12):
            figure.start_month, figure.end_month = first, last
            figure.period_kind = "year_to_date" if first == 1 else "months"
