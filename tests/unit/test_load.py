"""The loader against each way a raw CSV can be wrong (or merely unusual): every violation is one line
`file:line: column: problem` at the row's true physical line; accepted variants load the same rows.

Cases edit a copy of the real raw/ tree; rows are found by position, so the tests hold as annotations grow.
"""

from __future__ import annotations

import csv
import hashlib
from pathlib import Path

import duckdb
import pytest

from pipelines.errors import ContractError
from pipelines.load.clean_load import scan_file
from pipelines.load.contracts import CONTRACTS, FIGURES
from pipelines.load.loader import Loader, load
from pipelines.synth import synthesize

from helpers import read_rows, write_rows

DATA_COLUMNS = "* exclude (source_file_sha256)"


def figure_files(project: Path) -> list[Path]:
    return sorted((project / "raw" / "figures").glob("*.csv"))


def big_figure_file(project: Path) -> Path:
    """A figures file with enough rows to corrupt one in the middle."""
    return next(p for p in figure_files(project) if len(read_rows(p)[1]) >= 12)


def rel(project: Path, path: Path) -> str:
    return str(path.relative_to(project))


def violations(project: Path) -> list[str]:
    """Every violation the loader reports, as printed; [] when the load succeeds."""
    con = duckdb.connect()
    try:
        load(con, project)
    except ContractError as error:
        assert len(error.one_line().splitlines()) == 1
        return [str(v) for v in error.violations]
    finally:
        con.close()
    return []


def loaded(project: Path, sql: str) -> list[tuple]:
    con = duckdb.connect()
    try:
        load(con, project)
        return con.execute(sql).fetchall()
    finally:
        con.close()


def edit_row(path: Path, index: int, **changes: str) -> tuple[dict, int]:
    """Change fields of the index-th data row of a file without newlines in fields; returns the row as it
    was and its physical line."""
    header, rows = read_rows(path)
    before = dict(rows[index])
    rows[index].update(changes)
    write_rows(path, header, rows)
    return before, index + 2


# --- rejected: each case and the one violation it must produce -------------------------------------------

ROW = 5  # the data row corrupted: physical line 7

VALUE_CASES = {
    # value as written: the hint the violation must give
    "５７％": "value: '５７％' has full-width characters: write 57 in ASCII digits and put '%' in column unit",
    "1,700": "value: '1,700' has a thousands separator: write 1700",
    "57%": "value: '57%' holds a unit: write 57 and put '%' in column unit",
    "abc": "value: 'abc' is not a valid value (write ASCII digits with '.' for decimals, no unit, thousands "
    "separator or full-width digit)",
    "十二": "value: '十二' is written in Chinese numerals: write it in ASCII digits",
}


@pytest.mark.parametrize("written", list(VALUE_CASES))
def test_a_value_written_as_the_document_writes_it_is_rejected_with_a_hint(project, written):
    path = big_figure_file(project)
    _, line = edit_row(path, ROW, value=written)
    found = violations(project)
    assert len(found) == 1, found
    assert found[0].startswith(f"{rel(project, path)}:{line}: {VALUE_CASES[written]}"), found


@pytest.mark.parametrize(
    "changes, column, problem",
    [
        (
            dict(metric_code="no_such_metric"),
            "metric_code",
            "unknown metric_code 'no_such_metric': add it to raw/reference/metrics.csv or correct it",
        ),
        (dict(unit="斤"), "unit", "unit '斤' is not a unit of "),
        (
            dict(place="火星"),
            "place",
            "place '火星' resolves to no place: another name of a place in raw/reference/places.csv is a row of "
            "raw/reference/place_aliases.csv: 火星,<place_key>,; a new place is a row of raw/reference/places.csv",
        ),
        (
            dict(period_start_year="2024", period_end_year="2020"),
            "period_end_year",
            "period ends (2020) before it starts (2024)",
        ),
        (dict(period_start_year="2020", period_end_year="2051"), "period_end_year", "2051 is outside 1990..2050"),
        (dict(period_start_year="1850", period_end_year="2020"), "period_start_year", "1850 is outside 1990..2050"),
        (
            dict(period_start_year="２０２０", period_end_year="2020"),
            "period_start_year",
            "'２０２０' is not an integer",
        ),
        (dict(status="planned"), "status", "'planned' is not one of: actual, target"),
        (
            dict(qualifier="roughly"),
            "qualifier",
            "'roughly' is not one of: exact, more_than, at_least, nearly, about, at_most, less_than",
        ),
        (dict(value="987654.321"), "evidence", "value 987654.321 does not occur in evidence"),
        (dict(status=""), "status", "required, but empty"),
    ],
)
def test_a_bad_field_is_reported_at_its_row_and_column(project, changes, column, problem):
    path = big_figure_file(project)
    _, line = edit_row(path, ROW, **changes)
    found = violations(project)
    assert len(found) == 1, found
    assert found[0].startswith(f"{rel(project, path)}:{line}: {column}: {problem}"), found


def test_an_unknown_document_is_reported(project):
    path = big_figure_file(project)
    header, rows = read_rows(path)
    unknown = rows[ROW]["document_id"][:3] + "_not_in_documents"  # same prefix: only this rule fails
    _, line = edit_row(path, ROW, document_id=unknown)
    assert violations(project) == [
        f"{rel(project, path)}:{line}: document_id: unknown document_id '{unknown}': add it to raw/documents.csv "
        "or correct it"
    ]


def test_a_duplicate_figure_id_within_one_file_names_both_lines(project):
    path = big_figure_file(project)
    header, rows = read_rows(path)
    first_id = rows[ROW - 1]["figure_id"]
    _, line = edit_row(path, ROW, figure_id=first_id)
    assert violations(project) == [
        f"{rel(project, path)}:{line}: figure_id: duplicate key '{first_id}' (first at {rel(project, path)}:{line - 1})"
    ]


def test_a_duplicate_figure_id_across_files_names_both_files(project):
    first, second = figure_files(project)[:2]
    original = read_rows(first)[1][3]
    _, line = edit_row(second, 0, figure_id=original["figure_id"], document_id=original["document_id"])
    assert violations(project) == [
        f"{rel(project, second)}:{line}: figure_id: duplicate key '{original['figure_id']}' "
        f"(first at {rel(project, first)}:5)"
    ]


def test_a_missing_column_is_named_once_and_hides_no_other_file(project):
    path = big_figure_file(project)
    header, rows = read_rows(path)
    header.remove("note")
    write_rows(path, header, [{k: v for k, v in r.items() if k != "note"} for r in rows])
    assert violations(project) == [f"{rel(project, path)}:1: note: missing column: the header must name it"]


def test_an_extra_column_is_named(project):
    path = big_figure_file(project)
    header, rows = read_rows(path)
    write_rows(path, header + ["comment"], rows)
    found = violations(project)
    assert found == [f"{rel(project, path)}:1: comment: unknown column: the contract has {', '.join(header)}"]


def test_a_column_named_twice_is_named(project):
    path = big_figure_file(project)
    text = path.read_text(encoding="utf-8").splitlines()
    text[0] = text[0].replace("enterprise", "note")
    path.write_text("\n".join(text) + "\n", encoding="utf-8")
    found = violations(project)
    assert f"{rel(project, path)}:1: note: column named twice in the header: keep one" in found
    assert f"{rel(project, path)}:1: enterprise: missing column: the header must name it" in found


def test_an_empty_file_is_reported_at_line_1(project):
    path = big_figure_file(project)
    path.write_bytes(b"")
    assert violations(project) == [f"{rel(project, path)}:1: empty file: the first line must be the header"]


def test_a_file_saved_as_gbk_is_one_violation_at_its_first_chinese_line(project):
    path = big_figure_file(project)
    text = path.read_text(encoding="utf-8")
    first_chinese = next(n for n, line in enumerate(text.splitlines(), 1) if any(ord(ch) > 127 for ch in line))
    path.write_bytes(text.encode("gbk", errors="replace"))
    found = violations(project)
    assert len(found) == 1, found
    assert found[0].startswith(f"{rel(project, path)}:{first_chinese}: not UTF-8 (this line and ")
    assert found[0].endswith("more; was it saved as GBK?): re-save the file as UTF-8")


def test_a_broken_reference_file_is_reported_once_not_on_every_row_that_uses_it(project):
    units = project / "raw" / "reference" / "units.csv"
    units.write_bytes(units.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    found = violations(project)
    assert len(found) == 1 and found[0].startswith("raw/reference/units.csv:"), found


def test_an_unterminated_quote_is_a_violation_not_a_crash(project):
    path = big_figure_file(project)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[ROW + 1] = lines[ROW + 1].replace(",actual,", ',"actual,').replace(",target,", ',"target,')
    path.write_text("\n".join(lines), encoding="utf-8")
    found = violations(project)
    assert len(found) == 1, found
    assert found[0].startswith(f"{rel(project, path)}:{ROW + 2}: status: a quote that does not close"), found


def test_a_row_with_too_many_fields_after_a_multi_line_row_is_reported_at_its_true_line(project):
    path = big_figure_file(project)
    header, rows = read_rows(path)
    rows[1]["note"] = "first line\nsecond line\nthird line"
    write_rows(path, header, rows)
    lines = path.read_text(encoding="utf-8").split("\n")
    bad_line = ROW + 2 + 2  # two newlines inside row 1's note push the row down two lines
    assert lines[bad_line - 1].startswith(rows[ROW]["figure_id"] + ",")
    lines[bad_line - 1] += ",an extra field"
    path.write_text("\n".join(lines), encoding="utf-8")
    assert violations(project) == [
        f"{rel(project, path)}:{bad_line}: {len(header) + 1} fields where the header has {len(header)}: "
        'quote fields that hold commas ("a, b")'
    ]


def test_a_short_row_is_one_violation_not_one_per_missing_field(project):
    path = big_figure_file(project)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines[ROW + 1] = ",".join(lines[ROW + 1].split(",")[:5])
    path.write_text("\n".join(lines), encoding="utf-8")
    found = violations(project)
    assert found == [
        f"{rel(project, path)}:{ROW + 2}: fewer fields than the header's {len(FIGURES.column_names)}: give every row all "
        "the header's columns"
    ]


# --- line numbers stay true: quoted newlines, CRLF, blank lines -----------------------------------------


def physical_line_holding(path: Path, marker: str) -> int:
    """The physical line of the text holding `marker`, counted independently of the loader."""
    raw = path.read_bytes().decode("utf-8-sig")
    return raw[: raw.index(marker)].count("\n") + 1


def test_evidence_with_commas_quotes_and_newlines_loads_and_later_rows_keep_their_true_lines(project):
    path = big_figure_file(project)
    header, rows = read_rows(path)
    value = rows[1]["value"]
    evidence = f'甲, "乙"\n{value}'
    rows[1]["evidence"] = evidence
    rows[2]["note"] = 'one, "two"\nthree\r\nfour'
    write_rows(path, header, rows)
    got = dict(
        loaded(project, f"select figure_id, evidence from raw.figures where source_file = '{rel(project, path)}'")
    )
    assert got[rows[1]["figure_id"]] == evidence
    lines = dict(
        loaded(project, f"select figure_id, source_line from raw.figures where source_file = '{rel(project, path)}'")
    )
    for row in rows[3:]:
        assert lines[row["figure_id"]] == physical_line_holding(path, row["figure_id"] + ",")
    # and a bad row after them is reported at its true physical line
    rows[ROW]["status"] = "bogus_status"
    write_rows(path, header, rows)
    true_line = physical_line_holding(path, ",bogus_status,")
    assert true_line == ROW + 2 + 3  # three newlines inside rows 1 and 2
    assert violations(project) == [
        f"{rel(project, path)}:{true_line}: status: 'bogus_status' is not one of: actual, target"
    ]


def test_blank_lines_do_not_shift_the_reported_line(project):
    path = big_figure_file(project)
    header, rows = read_rows(path)
    rows[ROW]["status"] = "bogus_status"
    write_rows(path, header, rows)
    lines = path.read_text(encoding="utf-8").split("\n")
    lines.insert(3, "")  # a blank line before the bad row; DuckDB skips it
    path.write_text("\n".join(lines) + "\n\n", encoding="utf-8")
    true_line = physical_line_holding(path, ",bogus_status,")
    assert violations(project) == [
        f"{rel(project, path)}:{true_line}: status: 'bogus_status' is not one of: actual, target"
    ]


# --- accepted variants load exactly the rows of the original ---------------------------------------------


def baseline(project: Path) -> list[tuple]:
    return loaded(project, f"select {DATA_COLUMNS} from raw.figures order by figure_id")


def test_columns_in_another_order_are_matched_by_name(project):
    before = baseline(project)
    path = big_figure_file(project)
    header, rows = read_rows(path)
    write_rows(path, list(reversed(header)), rows)
    assert baseline(project) == before


def test_a_utf8_bom_and_crlf_line_ends_are_accepted(project):
    before = baseline(project)
    for path in figure_files(project)[:2]:
        path.write_bytes(b"\xef\xbb\xbf" + path.read_bytes().replace(b"\n", b"\r\n"))
    assert baseline(project) == before


def test_a_header_only_file_loads_zero_rows(project):
    path = big_figure_file(project)
    header, rows = read_rows(path)
    before = len(baseline(project))
    write_rows(path, header, [])
    con = duckdb.connect()
    try:
        results = {r.table: r for r in load(con, project)}
        assert results["figures"].rows == before - len(rows)
        assert con.execute(
            f"select count(*) from raw.figures where source_file = '{rel(project, path)}'"
        ).fetchall() == [(0,)]
    finally:
        con.close()


def test_every_violation_of_every_file_is_listed_not_just_the_first(project):
    first, second = figure_files(project)[:2]
    edit_row(first, 0, status="bogus_status")
    edit_row(second, 1, qualifier="roughly", value="1,700")
    found = violations(project)
    assert len(found) == 3, found
    assert [f.split(": ")[0] for f in found] == [
        f"{rel(project, first)}:2",
        f"{rel(project, second)}:3",
        f"{rel(project, second)}:3",
    ]


def test_every_figures_file_parses_with_pythons_csv_module_too(project):
    """Guard on the fixture itself: the cases above assume rows without newlines in the real files."""
    for path in figure_files(project):
        with path.open(encoding="utf-8", newline="") as handle:
            records = list(csv.reader(handle))
        assert len(records) == len(path.read_text(encoding="utf-8").splitlines())


# --- the clean path (one scan of all files) and the careful path accept and load the same ------------------


def raw_tables(project: Path) -> dict[str, list[tuple]]:
    con = duckdb.connect()
    try:
        load(con, project)
        return {
            c.table: con.execute(f"select * from raw.{c.table} order by source_file, source_line").fetchall()
            for c in CONTRACTS
        }
    finally:
        con.close()


def test_the_clean_path_loads_exactly_what_the_careful_path_loads(project, monkeypatch):
    clean = raw_tables(project)
    monkeypatch.setattr("pipelines.load.loader.insert_clean", lambda con, contract, candidates: {})
    careful = raw_tables(project)
    assert clean == careful
    assert all(clean[c.table] for c in CONTRACTS if not c.optional)


def lines_by_figure(path: Path, project: Path) -> dict[str, int]:
    """Each figure's physical line, read by Python's csv module (files without newlines in fields)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return {
            f"{rel(project, path)}:{record[0]}": line
            for line, record in enumerate(csv.reader(handle), start=1)
            if line > 1
        }


@pytest.mark.slow
def test_a_file_parsed_in_parallel_keeps_every_rows_true_line(tmp_path):
    """A 34 MB file spans two of DuckDB's 32 MB CSV buffers, read side by side, and a second file is
    read beside it in the same INSERT; the clean path numbers rows by their order in the table, so
    DuckDB must insert them file by file, in file order."""
    project = synthesize(
        Path(__file__).resolve().parents[2], tmp_path / "synth", 230_000, rows_per_file=200_000
    ).project_dir
    got = dict(loaded(project, "select source_file || ':' || figure_id, source_line from raw.figures"))
    expected = {}
    for path in figure_files(project):
        expected |= lines_by_figure(path, project)
    assert len(expected) == 230_000
    assert got == expected


def test_a_broken_file_read_with_clean_ones_leaves_their_lines_true(project):
    """One INSERT reads every figures file; the broken one's rows are taken out again and it is read
    the careful way, after the others: the clean files keep their lines, the broken one its own."""
    files = figure_files(project)
    broken = files[len(files) // 2]
    edit_row(broken, 1, status="bogus_status")
    con = duckdb.connect()
    try:
        with pytest.raises(ContractError) as raised:
            Loader(con, project).load_all()
        got = dict(con.execute("select source_file || ':' || figure_id, source_line from raw.figures").fetchall())
    finally:
        con.close()
    assert [str(v) for v in raised.value.violations] == [
        f"{rel(project, broken)}:3: status: 'bogus_status' is not one of: actual, target"
    ]
    expected = {}
    for path in files:
        expected |= lines_by_figure(path, project)
    assert got == expected


@pytest.mark.parametrize(
    "data",
    [
        b"",
        b"a,b",
        b"a,b\n",
        b"a,b\n1,2",
        b"a,b\n1,2\n",
        b"a,b\r\n1,2\r\n\r\n",
        b'\xef\xbb\xbfa,b\n1,"x\ny"\n',
        b"long_header_" * 10 + b"\n1\n",
    ],
)
def test_a_file_scan_counts_and_hashes_as_a_whole_file_read_would(tmp_path, monkeypatch, data):
    monkeypatch.setattr("pipelines.load.clean_load._CHUNK", 7)  # lines and the header across chunk edges
    path = tmp_path / "f.csv"
    path.write_bytes(data)
    scan = scan_file(path)
    assert scan.sha256 == hashlib.sha256(data).hexdigest()
    assert scan.lines == data.count(b"\n") + (0 if data.endswith(b"\n") else 1)
    assert scan.first_line == data.split(b"\n")[0]


class InterruptedAtFirstInsert:
    """The load's real connection, but its first INSERT into raw/ raises what DuckDB raises when Ctrl-C or
    SIGTERM (faults/signals.py) interrupts a query."""

    def __init__(self, con: duckdb.DuckDBPyConnection):
        self._con, self.inserts = con, 0

    def execute(self, sql: str, *args):
        if sql.lstrip().lower().startswith("insert into raw."):
            self.inserts += 1
            raise duckdb.InterruptException("INTERRUPT Error: Interrupted!")
        return self._con.execute(sql, *args)

    def __getattr__(self, name: str):
        return getattr(self._con, name)


def test_an_interrupted_load_stops_and_reads_no_file_again(project):
    """An interrupt is not a file DuckDB cannot parse: the load stops at once (a run under SIGTERM exits
    143) instead of reading each file again the careful way and going on into the build."""
    con = duckdb.connect()
    interrupted = InterruptedAtFirstInsert(con)
    try:
        with pytest.raises(duckdb.InterruptException):
            load(interrupted, project)
    finally:
        con.close()
    assert interrupted.inserts == 1
