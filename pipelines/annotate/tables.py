"""Tables flattened into text, as statistics releases are copied: one cell per line ending in ' |'
(`地区 |` / `1-6月 |` / `增长(%) |` then `南宁 |` / `5.1 |` …), or space-separated columns (a header line
`地区 1-6月 增长(%)` then rows `南宁 5.1 3.2`), either with a column of units (`指标 计量单位 1-6月`, rows
`汽车 万辆 85.2`), or rows of several cells on one line (`地区 | 1-6月 | 增长(%)` then `南宁 | 512.3 | 5.1`,
with or without the outer rules of a markdown table and its `|---|` line, under one or several header rows).
A blank cell (—, -, …, or nothing between two rules) is no figure and keeps the columns in step; a line
before the table saying `单位:亿元` gives the unit of every cell whose header and row name none.
Each number cell is a figure: its unit, period and metric come from its column's header, its place or
industry from its row's label. A table of places side by side (`指标 | 平果 | 靖西`, rows
`地区生产总值(亿元) | 212.5 | 172.6`) has them the other way round: the row label gives the unit and metric,
the column's header the place."""

from __future__ import annotations

import bisect
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

# 1,250.3: a statistics table writes thousands with commas (numerals.py reads them so)
_NUMBER = re.compile(r"[-−－]?(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?")
_DIGIT = re.compile(r"\d")
_UNIT_IN_HEADER = re.compile(r"[((]\s*([^()()]{1,6})\s*[))]|(%)")
MIN_COLUMNS = 2
SHORT_CELL = 16
_SENTENCE = re.compile(r"[。,;:!?]|\s{2,}")
_YEAR = re.compile(r"(?:19|20)\d{2}(?:年|年度)?")  # a header may be a year (2020, 2020年: 年 is also a unit)
# a cell with no figure (a statistics table's — or …): punctuation, not words
_BLANK = re.compile(r"[-—–…/*×xX.·]{1,6}")
_RULE_LINE = re.compile(r"\|?(?:\s*:?-{2,}:?\s*\|)+\s*:?-{0,}:?\s*")  # |---|:--:| of a markdown table
# 单位:亿元 / (单位:万吨) / 单位:万吨,% on the line before a table: the units of its cells
_TABLE_UNIT = re.compile(r"单位\s*[::]\s*([^\s,;:()()、]{1,6}(?:\s*[,、]\s*[^\s,;:()()、]{1,6})*)")
_UNIT_SEPARATOR = re.compile(r"\s*[,、]\s*")  # not /: 元/吨 is one unit
_CAPTION_UNIT = re.compile(r"[((]\s*([^\s,;:()()、\d]{1,6})\s*[))]\s*$")


@dataclass(frozen=True)
class Cell:
    start: int  # of the number's digits in the copy (after a minus sign)
    end: int
    header: str  # the column's header, as in the copy
    label: str  # the row's label
    unit: str  # from the header: (%) -> %, (亿元) -> 亿元; the table's 单位:; empty when none names one
    caption: str = ""  # the line before the table (分行业增加值): what its figures are, when a header does not say
    is_unit: bool = False  # a cell of a unit column (计量单位: 万吨): no figure of its own
    section: str = ""  # the heading of the section the table stands in (三、居民消费价格), when one is near
    attributes: tuple[str, ...] = ()  # text cells between the row's label and its numbers (所在地: 柳州)


# A column of units (指标 | 计量单位 | 1-6月 | 增长(%)): each row's numbers are in its row's unit unless
# their column's header names one.
_UNIT_COLUMN = re.compile(r"^(?:计量)?单位$")


def _unit_column(header: list[str]) -> int | None:
    # 单 位, 计量 单位: a table's header cells are often spaced out to the column's width
    return next((k for k, h in enumerate(header) if k and _UNIT_COLUMN.match("".join(h.split()))), None)


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


def _number_cells(units, qualifiers: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())) -> Callable[[str], bool]:
    """A test of a value cell: a number, or a number and a unit of the reference written in the cell
    (512.3亿元, 5.1%): the unit is then read from the cell as from any text. A qualifier word may stand before
    the number or after it (约260, 200左右, 超1.5万: qualifiers, the words of cue_words.csv qualifier before_number
    and after_unit): extract reads it from the text around the number as anywhere else."""
    before, after = qualifiers

    def is_number(text: str) -> bool:
        text = text.strip()
        text = next((text[len(w) :].lstrip() for w in before if text.startswith(w)), text)
        text = next((text[: -len(w)].rstrip() for w in after if text.endswith(w)), text)
        match = _NUMBER.match(text)
        return bool(match) and (match.end() == len(text) or text[match.end() :].strip() in units)

    return is_number


def _digits_at(text: str) -> int:
    """Where a value cell's digits start: after its sign or its qualifier word (-0.5, 约260)."""
    found = _DIGIT.search(text)
    return found.start() if found else 0


def _is_blank(text: str) -> bool:
    """A cell with no figure: empty, or a dash or an ellipsis standing for one."""
    text = text.strip()
    return not text or bool(_BLANK.fullmatch(text))


def _marked_blank(text: str) -> bool:
    """A blank written as a mark (—): no header is one, so it tells where the rows begin as a number does."""
    return bool(text.strip()) and _is_blank(text)


@dataclass(frozen=True)
class TableUnits:
    """The units a line before a table states for the cells whose header and row name none. One (单位:亿元)
    is every such cell's. An amount's unit and % (单位:万吨,%) make a table of amounts beside their changes:
    a column headed by a change word (增长, 比上年: cue kind change) is in %, the others in the amount's."""

    units: tuple[str, ...] = ()
    changes: tuple[str, ...] = ()

    def of(self, header: str) -> str:
        amounts = [unit for unit in self.units if unit != "%"]
        if "%" in self.units and (not amounts or any(word in header for word in self.changes)):
            return "%"
        return amounts[0] if amounts else ""


def table_unit(lines: list[tuple[int, str]], before: int, changes=()) -> TableUnits:
    """The units a line just before the table states for all of it (单位:亿元, 单位:万吨,%), else none."""
    for back in range(before - 1, max(-1, before - 3), -1):
        match = _TABLE_UNIT.search(lines[back][1])
        if match:
            return TableUnits(tuple(_UNIT_SEPARATOR.split(match.group(1))), tuple(changes))
    # 各市地区生产总值(亿元): a caption that ends in a unit in brackets
    caption = _CAPTION_UNIT.search(lines[before - 1][1]) if before > 0 else None
    return TableUnits((caption.group(1),) if caption else ())


def caption_before(lines: list[tuple[int, str]], before: int) -> str:
    """The line before the table, past a line that only states its unit (表2 居民消费价格涨跌幅度 / 单位:%)."""
    back = before - 1
    if back > 0 and _TABLE_UNIT.fullmatch(lines[back][1].strip()):
        back -= 1
    return lines[back][1].strip() if back >= 0 else ""


# a section's heading line: 三、价格 / (二)居民消费价格
_HEADING = re.compile(r"\s*(?:[一二三四五六七八九十]{1,3}、|[((][一二三四五六七八九十]{1,3}[))])")


def _with_sections(lines, found: dict[int, Cell]) -> dict[int, Cell]:
    """Each cell with the heading of the section it stands in (三、价格: the last heading line above it), so a
    table under a heading that says what its figures are is read as that, though its caption does not say."""
    if not found:
        return found
    starts = [at for at, _ in lines]
    heading, last = [], ""
    for _, line in lines:  # one pass: the section each line stands in
        if _HEADING.match(line):  # a long line is a heading and its prose: no name of the section alone
            last = line.strip() if len(line.strip()) <= SHORT_CELL + 4 else ""
        heading.append(last)
    return {
        start: replace(cell, section=heading[bisect.bisect_right(starts, start) - 1]) for start, cell in found.items()
    }


def cells(norm: str, units=frozenset(), leads=(), qualifiers=((), ()), changes=()) -> dict[int, Cell]:
    """Number cells by where their number starts in the copy; units: those a cell may hold after its
    number (the reference's); leads: words that open a part's row before a colon (其中:); qualifiers: the words
    a cell may hold before and after its number (约260, 200左右); changes: words of a column of changes (增长,
    比上年), in % where the table states an amount's unit and %."""
    found: dict[int, Cell] = {}
    lines = _lines(norm)
    is_number = _number_cells(units, qualifiers)
    _pipe_rows(lines, found, is_number, changes)
    _one_per_line(lines, found, is_number, changes)
    _columns(lines, found, is_number, changes)
    return _with_sections(lines, _parts_in_the_unit_above(_continued(found), leads))


_LEAD_COLON = re.compile(r"\s*[:：]\s*")


def after_a_part_lead(label: str, leads) -> int:
    """Where a part's row label's noun starts past its lead word and colon (其中:城市 → 3), 0 when none opens it."""
    for lead in leads:
        colon = _LEAD_COLON.match(label, len(lead)) if label.startswith(lead) else None
        if colon:
            return colon.end()
    return 0


def _parts_in_the_unit_above(found: dict[int, Cell], leads) -> dict[int, Cell]:
    """居民消费价格(%) | 0.3 then 其中:城市 | 0.4: a part's row (a lead word and its colon) names no unit of its own,
    it is in the unit its whole's label, the row right above, names."""
    above_label, above_unit, above_caption, part_label = "", "", None, None
    for start in sorted(found):  # once over the cells, in the copy's order: linear in the document
        cell = found[start]
        if cell.is_unit:
            continue
        if cell.label != above_label and cell.label != part_label:
            part = after_a_part_lead(cell.label, leads) > 0
            if part and above_unit and cell.caption == above_caption:  # the row above, in the same table
                part_label = cell.label
            else:
                above_label, above_unit, part_label = cell.label, header_unit(cell.label), None
                above_caption = cell.caption
        if cell.label == part_label and not cell.unit:
            found[start] = replace(cell, unit=above_unit)
    return found


# what stands above a table continued on a new page instead of a caption: a page number (- 5 -, 第5页), 续表
_NO_CAPTION = re.compile(r"[\s\d\-—–·/()()第页共续表]*")


def _continued(found: dict[int, Cell]) -> dict[int, Cell]:
    """A table continued after a page break repeats its header (类别 | 比上年) but not its caption or 单位:% line:
    a cell of no unit with no caption above its table but a page number or 续表, under a header an earlier cell
    had with a unit, takes that cell's unit and caption."""
    seen: dict[str, Cell] = {}
    out = {}
    for start in sorted(found):
        cell = found[start]
        if cell.unit or cell.is_unit:
            seen[cell.header] = cell
        elif cell.header in seen and _NO_CAPTION.fullmatch(cell.caption):
            earlier = seen[cell.header]
            cell = replace(cell, unit=earlier.unit, caption=earlier.caption)
        out[start] = cell
    return out


def _is_cell(line: str) -> bool:
    """A line that is one cell: ending in ' |', or short with no sentence punctuation (a copied table
    without its rules)."""
    if _ends_a_cell(line):
        return len(_row_cells(line)) < MIN_COLUMNS  # 南宁 | is one cell; 南宁 | 512.3 | 5.1 is a row
    text = line.strip()
    if _NUMBER.fullmatch(text):
        return True  # 1,250.3: a number's comma is no sentence's
    spaced = "".join(text.split())  # 指  标, 单  位: a header spaced to its column's width
    return len(text) > 0 and len(spaced) <= SHORT_CELL and not _SENTENCE.search(spaced)


def _one_per_line(lines, found, is_number, changes) -> None:
    """A run of one-cell lines: the header cells, then rows of a label and numbers. The first number
    cell tells where the header ends (the cell before it is the first row's label); every row must
    then be a label and numbers, or the run is no table."""
    i = 0
    while i < len(lines):
        run, where = [], []  # the run's lines and their numbers among all lines
        while i < len(lines) and (
            _is_cell(lines[i][1]) or _row_label_within(lines, i, run, is_number) or _blank_between_cells(lines, i, run)
        ):
            if lines[i][1].strip():
                run.append(lines[i])
                where.append(i)
            i += 1
        if not run:
            i += 1
            continue
        texts = [_cell_text(line) for _, line in run]
        first = _first_value(texts, is_number)
        if first is None:
            continue
        origin = list(range(len(run)))  # each cell's line in the run, once wrapped headers are joined
        texts, run, origin, first = _join_wrapped_headers(texts, run, origin, first)
        if first < MIN_COLUMNS + 1:
            continue
        last = max(k for k, t in enumerate(texts) if is_number(t))
        header, texts_before, rows = None, 1, []
        # the longest header first (the fewest caption lines before it): a one-row table with a unit column
        # (产品名称 | 计量单位 | 产量 | 增长(%) | 水泥 | 万吨 | 850.2 | -3.5) also fits a shorter header
        for skip in range(0, max(0, first - 1 - MIN_COLUMNS + 1)):  # lines before the header (a caption)
            # a label, or a label and its unit or attributes (所在地), before a row's first number
            for texts_before in range(1, 2 + MAX_ATTRIBUTES):
                rows = texts[first - texts_before : last + 1]  # short lines after the last number are no part of it
                candidate = texts[skip : first - texts_before]
                if len(candidate) <= texts_before:
                    continue
                unit_at = _unit_column(candidate) if texts_before == 2 else None
                if len(candidate) < MIN_COLUMNS or (unit_at is not None and unit_at != 1):
                    continue
                if len(rows) >= len(candidate) and all(
                    _fits_before_the_numbers(t, k % len(candidate), texts_before, unit_at, is_number)
                    for k, t in enumerate(rows)
                ):
                    header = candidate
                    break
            if header is not None:
                break
        if header is None:
            # 表1 … rows, then 表2's caption and header in the same run of short lines: the first table ends
            # where its rows stop fitting, and the lines after it are read again as a run of their own
            header, texts_before, count = _leading_table(texts, first, is_number)
            if header is None:
                continue  # not a label and numbers per row: no table
            last = first - texts_before + count * len(header) - 1
            rows = texts[first - texts_before : last + 1]
            i = where[origin[last + 1]]
        unit_at = _unit_column(header)
        # the text cells after the label that are no unit: the row's attributes (所在地: 南宁)
        attributes_at = range(1 + (unit_at == 1), texts_before)
        start_line = where[origin[first - texts_before - len(header)]]
        caption = caption_before(lines, start_line)
        whole = table_unit(lines, start_line, changes)
        column, label, row_unit, attributes = 0, "", "", []
        for (at, line), text in zip(run[first - texts_before : last + 1], rows):
            if column == 0:
                label, attributes = text, []
            elif column in attributes_at:
                attributes.append(text)
            elif column == unit_at:
                row_unit = text
                start = at + line.index(text) if text else at
                found[start] = Cell(start, start + len(text), header[column], label, text, caption, is_unit=True)
            elif is_number(text):
                start = at + line.index(text) + _digits_at(text)  # where the digits start
                # the column's unit (增长(%)), the row's unit column, else the row label's (地区生产总值(亿元))
                unit = (
                    header_unit(header[column])
                    or (row_unit if unit_at is not None else "")
                    or header_unit(label)
                    or whole.of(header[column])
                )
                found[start] = Cell(
                    start, start + len(text), header[column], label, unit, caption, attributes=tuple(attributes)
                )
            column = (column + 1) % len(header)


def _fits_before_the_numbers(text: str, column: int, texts_before: int, unit_at, is_number) -> bool:
    """A cell of a one-cell-a-line row: a number or blank after the texts before a row's first number; a unit, and
    a label with no attributes after it, as _fits has them; a label before attributes and the attributes (所在地:
    南宁) text, no number in any unit (5.1% is none)."""
    if column >= texts_before or column == unit_at:
        return _fits(text, column >= texts_before, is_number)
    if column == 0 and texts_before - (unit_at == 1) == 1:
        return _fits(text, False, is_number)  # a label alone before the numbers, as it always was read
    return not is_number(text) and not _is_blank(text)


def _leading_table(texts: list[str], first: int, is_number) -> tuple[list[str] | None, int, int]:
    """(header, cells before a row's first number, rows) of a table that ends before the run does: the
    longest header whose rows fit, whole, from the first one up to a row that does not fit, at least two of
    them and something after them (else the whole run was a table and the strict reading applies)."""
    for skip in range(0, max(0, first - 1 - MIN_COLUMNS + 1)):
        for texts_before in (1, 2):
            candidate = texts[skip : first - texts_before]
            unit_at = _unit_column(candidate) if texts_before == 2 else None
            width = len(candidate)
            if width < MIN_COLUMNS or (texts_before == 2 and unit_at != 1):
                continue
            start, count = first - texts_before, 0
            while start + (count + 1) * width <= len(texts) and all(
                _fits(t, k not in (0, unit_at), is_number)
                for k, t in enumerate(texts[start + count * width : start + (count + 1) * width])
            ):
                count += 1
            if count >= MIN_COLUMNS and start + count * width < len(texts):
                return candidate, texts_before, count
    return None, 1, 0


def _blank_between_cells(lines, i: int, run: list) -> bool:
    """An empty line between two cells (地区 / (empty) / 1-6月 / (empty) / …: a table copied with a blank line
    after every cell): passed over, no cell. Where blank lines stand for empty cells the rows then do not
    fit and the run is no table, as before."""
    return (
        bool(run)
        and not lines[i][1].strip()
        and i + 1 < len(lines)
        and bool(lines[i + 1][1].strip())
        and _is_cell(lines[i + 1][1])
    )


def _row_label_within(lines, i: int, run: list, is_number) -> bool:
    """A row's label too long or punctuated to pass for a cell (其中:柳江区、鹿寨县) inside a run: a number
    cell on each side of it. Without it the table would end there and lose its later rows."""
    text = lines[i][1].strip()
    return (
        bool(run)
        and 0 < len(text) <= 2 * SHORT_CELL
        and not text.endswith("。")
        and is_number(_cell_text(run[-1][1]))
        and i + 1 < len(lines)
        and is_number(_cell_text(lines[i + 1][1]))
    )


def _first_value(texts: list[str], is_number) -> int | None:
    """Where the rows' values begin: the first number or blank mark, past years side by side as column
    headers (指标 | 2021 | 2022 | then a row's label)."""
    k = 0
    while k < len(texts):
        if is_number(texts[k]) or _marked_blank(texts[k]):
            years = k
            while years < len(texts) and _YEAR.fullmatch(texts[years].strip()):
                years += 1
            # one bare year may be a row's value (企业数 | 2021 |); one year in 年 (2020年 |) is a header
            single = years - k < 2 and not texts[k].strip().endswith("年")
            if single or years == k or years == len(texts) or is_number(texts[years]) or _is_blank(texts[years]):
                return k
            k = years
        k += 1
    return None


def _join_wrapped_headers(texts, run, origin, first):
    """A header cell copied over two lines (比上年增长 / (%)): a line before the first row that is only a
    unit in brackets ends the cell before it."""
    keep = [k for k in range(len(texts)) if not (0 < k < first and _UNIT_IN_HEADER.fullmatch(texts[k].strip()))]
    if len(keep) == len(texts):
        return texts, run, origin, first
    joined = list(texts)
    for k in range(1, first):
        if k not in keep:
            previous = max(j for j in keep if j < k)
            joined[previous] = joined[previous] + texts[k].strip()
    return [joined[k] for k in keep], [run[k] for k in keep], [origin[k] for k in keep], keep.index(first)


def _fits(text: str, is_value_column: bool, is_number) -> bool:
    """A row's cell in its place: a number or a blank in a value column, no number in the label's."""
    return (is_number(text) or _is_blank(text)) if is_value_column else not _is_number(text)


def _row_cells(line: str) -> list[tuple[int, str]]:
    """The cells of a line of several `|`-separated cells (with or without outer rules), each with
    where its text starts in the line; one cell for a line that is not a row."""
    text = line.rstrip()
    begin = len(text) - len(text.lstrip())
    end = len(text)
    if text[begin : begin + 1] == "|":
        begin += 1
    if end > begin and text[end - 1] == "|":
        end -= 1
    out, at = [], begin
    for part in text[begin:end].split("|"):
        lead = len(part) - len(part.lstrip())
        out.append((at + lead, part.strip()))
        at += len(part) + 1
    return out


def _is_header_row(texts: list[str], is_number) -> bool:
    """A row of headers: no number but a year (2022 | 2023 are columns, not figures)."""
    return not any(is_number(t) and not _YEAR.fullmatch(t) for t in texts)


def _header(rows: list[list[str]], width: int) -> list[str] | None:
    """One header from one or several header rows: a blank upper cell spans from its left (1-6月 over
    绝对值 and 增长(%)), and a column's header is its cells' words top to bottom."""
    if not rows:
        return None
    header = [""] * width
    for number, row in enumerate(rows):
        if len(row) == width - 1 and number < len(rows) - 1:
            row = [*row, ""]  # an upper row's last rule closed an empty cell (| 上年同期 | over two columns)
        elif len(row) == width - 1:
            row = ["", *row]  # no corner cell (地区) above the labels
        if len(row) != width:
            return None
        carried = ""
        for k, text in enumerate(row):
            if k and not text and carried and number < len(rows) - 1:
                text = carried  # a spanning cell of an upper row
            carried = text or carried
            if text:
                header[k] = f"{header[k]} {text}".strip()
    return header if sum(bool(h) for h in header[1:]) >= MIN_COLUMNS - 1 else None


def _pipe_rows(lines, found, is_number, changes) -> None:
    """Runs of rows written several `|` cells to a line: header rows (no number but years), then rows
    of a label and numbers or blanks, each in its column's header. A markdown table's `|---|` line is
    passed over; a row of another width (a 其中: sub-heading) carries no figures."""
    index = 0
    while index < len(lines):
        run = []
        while index < len(lines) and (
            _RULE_LINE.fullmatch(lines[index][1].strip()) or len(_row_cells(lines[index][1])) >= MIN_COLUMNS
        ):
            if not _RULE_LINE.fullmatch(lines[index][1].strip()):
                run.append(index)
            index += 1
        if not run:
            index += 1
            continue
        rows = [[text for _, text in _row_cells(lines[k][1])] for k in run]
        heads = 0
        while heads < len(rows) and _is_header_row(rows[heads], is_number):
            heads += 1
        body = [(k, row) for k, row in zip(run[heads:], rows[heads:])]
        width = max((len(row) for _, row in body), default=0)
        header = _header(rows[:heads], width)
        if header is None:
            continue
        unit_at = _unit_column(header)
        first = run[0]
        caption = caption_before(lines, first)
        whole = table_unit(lines, first, changes)
        label_at, attributes_at = _row_roles([row for _, row in body if len(row) == width], width, unit_at, is_number)
        values_at = set(range(label_at + 1, width)) - {unit_at, *attributes_at}
        for k, row in body:
            if len(row) != width or not all(
                c < label_at or _fits(t, c in values_at, is_number) for c, t in enumerate(row)
            ):
                continue
            at, line = lines[k]
            cells = _row_cells(line)
            label, row_unit = row[label_at], row[unit_at] if unit_at is not None else ""
            attributes = tuple(row[c] for c in attributes_at)
            for column, (offset, text) in enumerate(cells):
                start = at + offset
                if column == unit_at and text:
                    found[start] = Cell(start, start + len(text), header[column], label, text, caption, is_unit=True)
                elif column in values_at and is_number(text):
                    digits = start + _digits_at(text)  # where the digits start
                    unit = header_unit(header[column]) or row_unit or header_unit(label) or whole.of(header[column])
                    found[digits] = Cell(
                        digits, start + len(text), header[column], label, unit, caption, attributes=attributes
                    )


def _row_roles(rows: list[list[str]], width: int, unit_at, is_number) -> tuple[int, tuple[int, ...]]:
    """(the label's column, the attribute columns) of a table's rows: a first column of row numbers (1, 2, 3 of a
    ranking) before a column of text is passed over; columns of text right after the label (所在地, 行业) hold
    the row's attributes, at most MAX_ATTRIBUTES, no figures."""

    def text(column: int) -> bool:
        return bool(rows) and all(not is_number(r[column]) and not _is_blank(r[column]) for r in rows)

    numbered = width > MIN_COLUMNS and bool(rows) and all(_ROW_NUMBER.fullmatch(r[0].strip()) for r in rows)
    label_at = 1 if numbered and text(1) else 0
    attributes, column = [], label_at + 1
    while column < width - 1 and column != unit_at and text(column) and len(attributes) < MAX_ATTRIBUTES:
        attributes.append(column)
        column += 1
    return label_at, tuple(attributes)


# a row's number before its label (1 广西柳州钢铁集团 1234567: a ranking's place, not a figure of the row)
_ROW_NUMBER = re.compile(r"\d{1,4}")
MAX_ATTRIBUTES = 2  # text cells a row may hold between its label and its numbers (所在地, 行业)


def _columns(lines, found, is_number, changes) -> None:
    """Rows written with spaces (or tabs) between cells: a label, perhaps a unit, then numbers or blanks, under a
    header line of as many words a few lines above. A two-cell row (兴宁区 5.2) needs a header naming its unit
    (地区 增速(%)); a ranking's row number before the label (1 某公司 123) is passed over."""
    for index in range(1, len(lines)):
        at, line = lines[index]
        tokens = line.split()
        label_at = 1 if len(tokens) >= 3 and _ROW_NUMBER.fullmatch(tokens[0]) and not _is_number(tokens[1]) else 0
        if len(tokens) - label_at < MIN_COLUMNS or _is_number(tokens[label_at]):
            continue
        first_value = label_at + 1
        while first_value < len(tokens) and not (is_number(tokens[first_value]) or _is_blank(tokens[first_value])):
            first_value += 1
        # 汽车 万辆 85.2 -3.1: a unit column; 1 某公司 柳州 1050.8: a column of the row's attributes (所在地)
        texts = tokens[label_at + 1 : first_value]
        values = tokens[first_value:]
        if len(texts) > MAX_ATTRIBUTES or any(len(t) > SHORT_CELL for t in texts):
            continue
        if not all(is_number(t) or _is_blank(t) for t in values) or not any(map(is_number, values)):
            continue  # a row is numbers, or a blank (—) among them
        header, caption, whole = None, "", TableUnits()
        for back in range(index - 1, max(-1, index - 30), -1):
            candidate = lines[back][1].split()
            # 2019年 2020年 over 地区生产总值 700.2 753.9, or short words over the values only (全市 城市 农村: its
            # corner cell left empty, the tab before them lost in the copy): a header of one word fewer than the row
            cornerless = len(candidate) >= MIN_COLUMNS and all(
                len(t) <= SHORT_CELL // 2 and not _SENTENCE.search(t) and not _NUMBER.fullmatch(t) for t in candidate
            )
            if len(candidate) == len(tokens) - 1 and (cornerless or all(_YEAR.fullmatch(t) for t in candidate)):
                candidate = [
                    "",
                    *candidate,
                ]
            if len(candidate) == len(tokens) and not any(is_number(t) and not _YEAR.fullmatch(t) for t in candidate):
                header = candidate
                caption = caption_before(lines, back)
                whole = table_unit(lines, back, changes)
                break
        if header is None:
            continue
        unit_text = len(texts) == 1 and _unit_column(header) == label_at + 1
        attributes = () if unit_text else tuple(texts)
        if len(tokens) - label_at == MIN_COLUMNS and not (header_unit(header[-1]) or whole.of(header[-1])):
            continue  # two words on a line (南宁 2023) are no table without a unit over the number
        label = tokens[label_at]
        position = 0
        for column, token in enumerate(tokens):
            position = line.index(token, position)
            start = at + position + _digits_at(token)
            if column == label_at + 1 and unit_text:
                found[at + position] = Cell(
                    at + position, at + position + len(token), header[column], label, token, caption, is_unit=True
                )
            elif column > label_at and start not in found and is_number(token):
                unit = (
                    header_unit(header[column])
                    or (tokens[label_at + 1] if unit_text else "")
                    or header_unit(label)
                    or whole.of(header[column])
                )
                found[start] = Cell(
                    start, at + position + len(token), header[column], label, unit, caption, attributes=attributes
                )
            position += len(token)
