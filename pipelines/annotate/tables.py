"""Tables flattened into text, as statistics releases are copied: one cell per line ending in ' |'
(`地区 |` / `1-6月 |` / `增长(%) |` then `南宁 |` / `5.1 |` …), or space-separated columns (a header line
`地区 1-6月 增长(%)` then rows `南宁 5.1 3.2`), either with a column of units (`指标 计量单位 1-6月`, rows
`汽车 万辆 85.2`). Each number cell is a figure: its unit, period and metric
come from its column's header, its place or industry from its row's label. A table of places side by side
(`指标 | 平果 | 靖西`, rows `地区生产总值(亿元) | 212.5 | 172.6`) has them the other way round: the row
label gives the unit and metric, the column's header the place."""

from __future__ import annotations

import re
from dataclasses import dataclass

_NUMBER = re.compile(r"[-−－]?\d+(?:\.\d+)?")
_UNIT_IN_HEADER = re.compile(r"[((]\s*([^()()]{1,6})\s*[))]|(%)")
MIN_COLUMNS = 2
SHORT_CELL = 16
_SENTENCE = re.compile(r"[。,;:!?]|\s{2,}")
_YEAR = re.compile(r"(?:19|20)\d{2}")  # a header may be a year


@dataclass(frozen=True)
class Cell:
    start: int  # of the number's digits in the copy (after a minus sign)
    end: int
    header: str  # the column's header, as in the copy
    label: str  # the row's label
    unit: str  # from the header: (%) -> %, (亿元) -> 亿元; empty when the header names none
    caption: str = ""  # the line before the table (分行业增加值): what its figures are, when a header does not say
    is_unit: bool = False  # a cell of a unit column (计量单位: 万吨): no figure of its own


# A column of units (指标 | 计量单位 | 1-6月 | 增长(%)): each row's numbers are in its row's unit unless
# their column's header names one.
_UNIT_COLUMN = re.compile(r"^(?:计量)?单位$")


def _unit_column(header: list[str]) -> int | None:
    return next((k for k, h in enumerate(header) if k and _UNIT_COLUMN.match(h.strip())), None)


def header_unit(header: str) -> str:
    match = _UNIT_IN_HEADER.search(header)
    return (match.group(1) or match.group(2) or "").strip() if match else ""


def _lines(norm: str) -> list[tuple[int, str]]:
    out, at = [], 0
    for line in norm.split("\n"):
        out.append((at, line))
        at += len(line) + 1
    return out


def _ends_a_cell(line: str) -> bool:
    # not a regex: `\s*\|\s*$` searched on a line of 50,000 spaces retries every start (quadratic)
    return line.rstrip().endswith("|")


def _cell_text(line: str) -> str:
    text = line.rstrip()
    return (text[:-1] if text.endswith("|") else text).strip()


def _is_number(text: str) -> bool:
    return bool(_NUMBER.fullmatch(text.strip()))


def cells(norm: str) -> dict[int, Cell]:
    """Number cells by where their number starts in the copy."""
    found: dict[int, Cell] = {}
    lines = _lines(norm)
    _one_per_line(lines, found)
    _columns(lines, found)
    return found


def _is_cell(line: str) -> bool:
    """A line that is one cell: ending in ' |', or short with no sentence punctuation (a copied table
    without its rules)."""
    if _ends_a_cell(line):
        return True
    text = line.strip()
    return 0 < len(text) <= SHORT_CELL and not _SENTENCE.search(text)


def _one_per_line(lines, found) -> None:
    """A run of one-cell lines: the header cells, then rows of a label and numbers. The first number
    cell tells where the header ends (the cell before it is the first row's label); every row must
    then be a label and numbers, or the run is no table."""
    i = 0
    while i < len(lines):
        run = []
        while i < len(lines) and _is_cell(lines[i][1]):
            run.append(lines[i])
            i += 1
        if not run:
            i += 1
            continue
        texts = [_cell_text(line) for _, line in run]
        first = next((k for k, t in enumerate(texts) if _is_number(t)), None)
        if first is None or first < MIN_COLUMNS + 1:
            continue
        last = max(k for k, t in enumerate(texts) if _is_number(t))
        header, texts_before, rows = None, 1, []
        # the longest header first (the fewest caption lines before it): a one-row table with a unit column
        # (产品名称 | 计量单位 | 产量 | 增长(%) | 水泥 | 万吨 | 850.2 | -3.5) also fits a shorter header
        for skip in range(0, max(0, first - 1 - MIN_COLUMNS + 1)):  # lines before the header (a caption)
            for texts_before in (1, 2):  # a label, or a label and its unit, before a row's first number
                rows = texts[first - texts_before : last + 1]  # short lines after the last number are no part of it
                candidate = texts[skip : first - texts_before]
                unit_at = _unit_column(candidate) if texts_before == 2 else None
                if len(candidate) < MIN_COLUMNS or (texts_before == 2 and unit_at != 1):
                    continue
                if len(rows) >= len(candidate) and all(
                    _is_number(t) == (k % len(candidate) not in (0, unit_at)) for k, t in enumerate(rows)
                ):
                    header = candidate
                    break
            if header is not None:
                break
        if header is None:
            continue  # not a label and numbers per row: no table
        unit_at = _unit_column(header)
        start_line = i - len(run) + (first - texts_before - len(header))
        caption = lines[start_line - 1][1].strip() if start_line > 0 else ""
        column, label, row_unit = 0, "", ""
        for (at, line), text in zip(run[first - texts_before : last + 1], rows):
            if column == 0:
                label = text
            elif column == unit_at:
                row_unit = text
                start = at + line.index(text) if text else at
                found[start] = Cell(start, start + len(text), header[column], label, text, caption, is_unit=True)
            elif _is_number(text):
                start = at + line.index(text) + (not text[0].isdigit())  # where the digits start
                # the column's unit (增长(%)), the row's unit column, else the row label's (地区生产总值(亿元))
                unit = header_unit(header[column]) or (row_unit if unit_at is not None else "") or header_unit(label)
                found[start] = Cell(start, start + len(text), header[column], label, unit, caption)
            column = (column + 1) % len(header)


def _columns(lines, found) -> None:
    for index in range(1, len(lines)):
        at, line = lines[index]
        tokens = line.split()
        if len(tokens) < MIN_COLUMNS + 1 or _is_number(tokens[0]):
            continue
        unit_text = len(tokens) > MIN_COLUMNS + 1 and not _is_number(tokens[1])  # 汽车 万辆 85.2 -3.1
        if not all(map(_is_number, tokens[1 + unit_text :])):
            continue
        header, caption = None, ""
        for back in range(index - 1, max(-1, index - 30), -1):
            candidate = lines[back][1].split()
            if len(candidate) == len(tokens) and not any(_is_number(t) and not _YEAR.fullmatch(t) for t in candidate):
                header = candidate
                caption = lines[back - 1][1].strip() if back > 0 else ""
                break
        if header is None or (unit_text and _unit_column(header) != 1):
            continue
        position = 0
        for column, token in enumerate(tokens):
            position = line.index(token, position)
            start = at + position + (not token[0].isdigit())
            if column == 1 and unit_text:
                found[at + position] = Cell(
                    at + position, at + position + len(token), header[1], tokens[0], token, caption, is_unit=True
                )
            elif column and start not in found:
                unit = header_unit(header[column]) or (tokens[1] if unit_text else "") or header_unit(tokens[0])
                found[start] = Cell(start, at + position + len(token), header[column], tokens[0], unit, caption)
            position += len(token)
