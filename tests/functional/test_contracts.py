"""Raw input that breaks its contract, and other bad input, through the command line: each is one located
`Error:` line naming file:line: column, a non-zero exit code (3 for a contract violation), never an
internal error, and the published warehouse byte-identical, no build left behind.

- bad fields, rows, columns and files of raw/, bad models and --db paths, after a good run (a copy of
  the session's published run per case: a copy is far cheaper than a run);
- hostile shapes (issue 14): CSV shapes DuckDB or Python's csv module reject, entries of raw/ that are
  not CSV files, hostile model .yml files, a damaged published warehouse;
- types (issue 25): an integer is an integer as written (DuckDB's cast rounds 2020.5 and reads 0x7E5
  and 2_021), an invisible character inside a number is an error naming file, line and column (in raw/
  and in a document given to suggest), and a correction that breaks a figure's contract fails at load
  naming raw/corrections.csv's line.
"""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from faults import error_lines, run_process
from helpers import digest, edit_figure, invoke, line_of, read_rows, write_rows

CONTRACT, MODEL, PATH_REFUSED = 3, 4, 6


def refused(built_project: Path, cli, exit_code: int, *options: str) -> str:
    """Run, expecting a refusal; return the one `Error:` line after checking nothing was published."""
    db = built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    result = cli(built_project, *options, "run", "--no-docs")
    assert result.exit_code == exit_code, result.output
    errors = [line for line in result.stderr.splitlines() if line.startswith("Error: ")]
    assert len(errors) == 1, result.stderr
    assert digest(db) == before, "the published warehouse must be untouched"
    assert not list(db.parent.glob("*.building-*")), "a failed run leaves no build behind"
    return errors[0]


def figures(built_project: Path) -> list[Path]:
    return sorted((built_project / "raw" / "figures").glob("*.csv"))


def big_figures(built_project: Path) -> Path:
    """A figures file of 12 rows or more whose ROW-th row is a dated actual, as the cases expect."""
    return next(
        p
        for p in figures(built_project)
        if len(rows := read_rows(p)[1]) >= 12 and rows[ROW]["status"] == "actual" and rows[ROW]["period_end_year"]
    )


ROW = 5  # the data row corrupted; physical line ROW + 2


def edit_row(built_project: Path, **changes: str) -> str:
    """Edit the ROW-th row of a big figures file; return `file:line` of that row."""
    path = big_figures(built_project)
    header, rows = read_rows(path)
    rows[ROW].update(changes)
    write_rows(path, header, rows)
    return f"{path.relative_to(built_project)}:{ROW + 2}"


# --- raw CSVs: ContractError, exit 3 --------------------------------------------------------------------

ROW_CASES = {
    # case: (changes to one row, column named, text the Error line must hold)
    "full-width digits": (
        dict(value="５７％"),
        "value",
        "'５７％' has full-width characters: write 57 in ASCII digits",
    ),
    "thousands separator": (dict(value="1,700"), "value", "'1,700' has a thousands separator: write 1700"),
    "unit in the value": (dict(value="57%"), "value", "'57%' holds a unit: write 57 and put '%' in column unit"),
    "non-numeric value": (dict(value="abc"), "value", "'abc' is not a valid value (write ASCII digits"),
    "unknown metric": (dict(metric_code="no_such_metric"), "metric_code", "unknown metric_code 'no_such_metric'"),
    "unknown unit": (dict(unit="斤"), "unit", "unit '斤' is not a unit of "),
    "unknown place": (dict(place="火星"), "place", "place '火星' resolves to no place"),
    "period end before start": (
        dict(period_start_year="2024", period_end_year="2020"),
        "period_end_year",
        "period ends (2020) before it starts (2024)",
    ),
    "year out of range": (dict(period_start_year="1850"), "period_start_year", "1850 is outside 1990..2050"),
    "status outside its set": (dict(status="planned"), "status", "'planned' is not one of: actual, target"),
    "qualifier outside its set": (dict(qualifier="roughly"), "qualifier", "'roughly' is not one of: exact, "),
    "evidence without the value": (dict(value="987654.321"), "evidence", "value 987654.321 does not occur in"),
    "evidence over 40 characters": (
        dict(value="1700", evidence="钢" * 37 + "1700"),
        "evidence",
        "41 characters, at most 40 allowed",
    ),
    "an actual without years": (
        dict(status="actual", period_start_year="", period_end_year=""),
        "period_start_year",
        "missing for an actual figure: an actual needs period_start_year",
    ),
    "a target with one year of two": (
        dict(status="target", period_start_year="", period_end_year="2025"),
        "period_end_year",
        "a target gives both period years or neither",
    ),
    "an open-ended target with an inferred year": (
        dict(status="target", period_start_year="", period_end_year="", is_year_inferred="true"),
        "is_year_inferred",
        "the period has no year to infer: write false for an open-ended target",
    ),
    "one month of two": (
        dict(period_start_month="1", period_end_month=""),
        "period_end_month",
        "a period gives both months or neither",
    ),
    "month out of range": (
        dict(
            period_kind="year_to_date",
            period_start_year="2020",
            period_end_year="2020",
            period_start_month="1",
            period_end_month="13",
        ),
        "period_end_month",
        "13 is outside 1..12",
    ),
    "a part of a year without its months": (
        dict(period_kind="year_to_date", period_start_year="2020", period_end_year="2020"),
        "period_kind",
        "year_to_date is part of a year: write period_start_month and period_end_month",
    ),
    "a part of a year across years": (
        dict(
            period_kind="months",
            period_start_year="2019",
            period_end_year="2020",
            period_start_month="4",
            period_end_month="6",
        ),
        "period_kind",
        "months is part of one year",
    ),
    "year to date not from January": (
        dict(
            period_kind="year_to_date",
            period_start_year="2020",
            period_end_year="2020",
            period_start_month="3",
            period_end_month="5",
        ),
        "period_start_month",
        "year_to_date starts in January",
    ),
    "months ending before they start": (
        dict(
            period_kind="months",
            period_start_year="2020",
            period_end_year="2020",
            period_start_month="6",
            period_end_month="3",
        ),
        "period_end_month",
        "period ends in month 3 before it starts (month 6)",
    ),
    "a whole-year kind with months": (
        dict(
            period_kind="year",
            period_start_year="2020",
            period_end_year="2020",
            period_start_month="1",
            period_end_month="5",
        ),
        "period_kind",
        "year covers whole years: leave the months empty",
    ),
}


@pytest.mark.parametrize("case", list(ROW_CASES))
def test_a_bad_field_stops_the_run_naming_file_line_and_column(built_project, cli, case):
    changes, column, text = ROW_CASES[case]
    where = edit_row(built_project, **changes)
    error = refused(built_project, cli, CONTRACT)
    assert error.startswith("Error: 1 contract violation(s) in raw input: "), error
    assert text in error and f" — {where}: {column} — " in error, error


def test_an_unknown_document_is_named(built_project, cli):
    document_id = read_rows(big_figures(built_project))[1][ROW]["document_id"][:3] + "_not_listed"
    where = edit_row(built_project, document_id=document_id)
    error = refused(built_project, cli, CONTRACT)
    assert f"unknown document_id '{document_id}'" in error and f" — {where}: document_id — " in error, error


def test_a_duplicate_figure_id_within_a_file_is_named(built_project, cli):
    path = big_figures(built_project)
    first = read_rows(path)[1][ROW - 1]["figure_id"]
    where = edit_row(built_project, figure_id=first)
    error = refused(built_project, cli, CONTRACT)
    assert f"duplicate key '{first}' (first at {path.relative_to(built_project)}:{ROW + 1})" in error, error
    assert f" — {where}: figure_id — " in error, error


def test_a_duplicate_figure_id_across_files_is_named(built_project, cli):
    first, second = figures(built_project)[:2]
    original = read_rows(first)[1][0]
    header, rows = read_rows(second)
    rows[0].update(figure_id=original["figure_id"], document_id=original["document_id"])
    write_rows(second, header, rows)
    error = refused(built_project, cli, CONTRACT)
    assert f"duplicate key '{original['figure_id']}' (first at {first.relative_to(built_project)}:2)" in error, error
    assert f" — {second.relative_to(built_project)}:2: figure_id — " in error, error


def test_a_missing_column_is_named(built_project, cli):
    path = big_figures(built_project)
    header, rows = read_rows(path)
    write_rows(path, [h for h in header if h != "note"], [{k: v for k, v in r.items() if k != "note"} for r in rows])
    error = refused(built_project, cli, CONTRACT)
    assert error.startswith(
        "Error: 1 contract violation(s) in raw input: missing column: the header must name it"
        f" — {path.relative_to(built_project)}:1: note — "
    ), error


def test_an_extra_column_is_named(built_project, cli):
    path = big_figures(built_project)
    header, rows = read_rows(path)
    write_rows(path, header + ["comment"], rows)
    error = refused(built_project, cli, CONTRACT)
    assert "unknown column: the contract has figure_id, " in error, error
    assert f" — {path.relative_to(built_project)}:1: comment — " in error, error


def test_an_empty_file_is_named(built_project, cli):
    path = big_figures(built_project)
    path.write_bytes(b"")
    error = refused(built_project, cli, CONTRACT)
    assert f"empty file: the first line must be the header — {path.relative_to(built_project)}:1 — " in error, error


def test_a_file_saved_as_gbk_is_one_clear_error(built_project, cli):
    path = big_figures(built_project)
    path.write_bytes(path.read_text(encoding="utf-8").encode("gbk", errors="replace"))
    error = refused(built_project, cli, CONTRACT)
    assert error.startswith("Error: 1 contract violation(s) in raw input: not UTF-8 (this line and "), error
    assert f"was it saved as GBK?): re-save the file as UTF-8 — {path.relative_to(built_project)}:2 — " in error, error


def test_a_bad_row_after_a_quoted_newline_is_named_at_its_physical_line(built_project, cli):
    path = big_figures(built_project)
    header, rows = read_rows(path)
    rows[1]["note"] = 'a note, "quoted",\nover two lines'
    rows[ROW]["status"] = "planned"
    write_rows(path, header, rows)
    error = refused(built_project, cli, CONTRACT)
    assert f" — {path.relative_to(built_project)}:{ROW + 3}: status — " in error, error  # one newline above it


# --- accepted variants: the run publishes the same rows ---------------------------------------------------


def test_reordered_columns_bom_crlf_header_only_and_quoted_newlines_are_accepted(fast_built_project, cli):
    db = fast_built_project / "target" / "warehouse.duckdb"
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute("select figure_id, evidence, value from raw.figures order by figure_id").fetchall()
    first, second, third = figures(fast_built_project)[:3]
    header, rows = read_rows(first)
    write_rows(first, list(reversed(header)), rows)  # columns matched by name
    second.write_bytes(b"\xef\xbb\xbf" + second.read_bytes().replace(b"\n", b"\r\n"))  # BOM and CRLF
    header, rows = read_rows(third)
    write_rows(third, header, [])  # header only: zero rows
    dropped = {r["figure_id"] for r in rows}
    big = big_figures(fast_built_project)
    header, rows = read_rows(big)
    rows[1]["evidence"] = f'引用, "原文"\n{rows[1]["value"]}'
    write_rows(big, header, rows)
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == 0, result.output
    with duckdb.connect(str(db), read_only=True) as con:
        after = con.execute("select figure_id, evidence, value from raw.figures order by figure_id").fetchall()
    expected = [
        (f, rows[1]["evidence"] if f == rows[1]["figure_id"] else e, v) for f, e, v in before if f not in dropped
    ]
    assert after == expected


# --- models: ModelError, exit 4 -------------------------------------------------------------------------

MODEL_CASES = {
    # case: (model files to add, where the Error line must point, text it must hold)
    "SQL that does not parse": (
        {"zz_broken": "select\n    a,\n    from where (\n"},
        "zz_broken.sql:3:10",
        "SQL does not parse: Expected table name but got 'where'",
    ),
    "unknown table": (
        {"zz_unknown": "select * from marts.no_such_table\n"},
        "zz_unknown.sql",
        "model zz_unknown reads unknown table(s): marts.no_such_table",
    ),
    "cycle": (
        {"zz_a": "select * from marts.zz_b\n", "zz_b": "select * from marts.zz_a\n"},
        "zz_a.sql",
        "models form a cycle: marts.zz_a -> marts.zz_b -> marts.zz_a",
    ),
    "cast error": (
        {"zz_cast": "select\n    1 as a,\n    cast('x' as integer) as b\n"},
        "zz_cast.sql:3:5",
        "model zz_cast failed in DuckDB: Conversion Error: Could not convert string 'x' to INT32",
    ),
    "error()": (
        {"zz_raise": "select error('a model raised') as b\nfrom range(3)\n"},
        "zz_raise.sql",
        "model zz_raise failed in DuckDB: Invalid Input Error: a model raised",
    ),
    "integer division by zero": (
        {"zz_div": "select\n    unit,\n    1 // (count(*) - count(*)) as b\nfrom raw.units\ngroup by unit\n"},
        "zz_div.sql",
        "model zz_div failed in DuckDB: Invalid Input Error: Division by zero",
    ),
    "unknown column": (
        {"zz_column": "select\n    unit,\n    no_such_column\nfrom raw.units\n"},
        "zz_column.sql:3:5",
        "model zz_column failed in DuckDB: Binder Error: Referenced column",
    ),
}


@pytest.mark.parametrize("case", list(MODEL_CASES))
def test_a_bad_model_stops_the_run_naming_its_file(built_project, cli, case):
    files, where, text = MODEL_CASES[case]
    for name, sql in files.items():
        (built_project / "marts" / f"{name}.sql").write_text(sql, encoding="utf-8")
    error = refused(built_project, cli, MODEL)
    assert error.startswith(f"Error: {text}"), error
    assert f" — {built_project / 'marts' / where} — " in error, error


# --- paths: --db never overwrites what clusterdw did not write, exit 6 -----------------------------------


def test_db_refuses_to_overwrite_a_file_that_is_not_a_warehouse(built_project, cli, tmp_path):
    notes = tmp_path / "notes.duckdb"
    notes.write_text("my notes, not a database\n", encoding="utf-8")
    error = refused(built_project, cli, PATH_REFUSED, "--db", str(notes))
    assert error == (
        f"Error: refusing to overwrite a file that is not a DuckDB warehouse — {notes} — "
        "choose another --db path, or move that file away"
    )
    assert notes.read_text(encoding="utf-8") == "my notes, not a database\n"


def test_db_refuses_to_overwrite_a_duckdb_database_clusterdw_did_not_build(built_project, cli, tmp_path):
    theirs = tmp_path / "analytics.duckdb"
    with duckdb.connect(str(theirs)) as con:
        con.execute("create table sales as select 42 as amount")
    before = digest(theirs)
    error = refused(built_project, cli, PATH_REFUSED, "--db", str(theirs))
    assert error.startswith("Error: refusing to overwrite a DuckDB database that clusterdw did not build"), error
    assert digest(theirs) == before


def test_db_refuses_a_directory(built_project, cli, tmp_path):
    error = refused(built_project, cli, PATH_REFUSED, "--db", str(tmp_path))
    assert error == f"Error: the --db path is a directory — {tmp_path} — give the path of a .duckdb file"


# --- hostile input (issue 14) -----------------------------------------------------------------------

FIGURES = "raw/figures/002_f8316eb84ec5ff3b.csv"
CR = (
    "a carriage return (CR) not followed by a line feed, the line end of old Macs and Excel for Mac's "
    '"CSV": save the file with LF (or CRLF) line ends, as "CSV UTF-8"'
)
TAIL = " — fix the rows listed (raw/README.md gives each file's contract), then run again"


def run(built_project: Path, *args: str, own_process: bool = False) -> tuple[int, str]:
    """clusterdw in-process (what is tested is the message, not the process), or in a process of its own
    where a FIFO or a device could make a careless read hang (a hang then fails, by timeout):
    (exit code, stderr)."""
    if own_process:
        done = run_process(built_project, *args, timeout=120)
        return done.returncode, done.stderr
    result = invoke(built_project, *args)
    return result.exit_code, result.stderr


def refused_listing(
    built_project: Path, exit_code: int, *args: str, own_process: bool = False
) -> tuple[str, list[str]]:
    """The Error: line of a refused run and the lines above it."""
    db = built_project / "target" / "warehouse.duckdb"
    before = digest(db)
    code, stderr = run(built_project, *(args or ("run", "--no-docs")), own_process=own_process)
    assert code == exit_code, stderr
    [error] = error_lines(stderr)
    assert "internal error" not in error
    assert digest(db) == before, "the published warehouse must be untouched"
    assert not list(db.parent.glob("*.building-*")), "a failed run leaves no build behind"
    return error, [line for line in stderr.splitlines() if line.startswith("raw/")]


# --- CSV shapes ---------------------------------------------------------------------------------------


@pytest.mark.parametrize("file", [FIGURES, "raw/documents.csv"])
def test_bare_cr_line_ends_are_a_violation_with_line_and_column(built_project, file):
    path = built_project / file
    last = read_rows(path)[0][-1]
    path.write_bytes(path.read_bytes().replace(b"\n", b"\r"))
    error, listed = refused_listing(built_project, CONTRACT)
    assert listed == [f"{file}:1: {last}: {CR}"]
    assert error == f"Error: 1 contract violation(s) in raw input: {CR} — {file}:1: {last}{TAIL}"


def test_one_bare_cr_inside_a_file_is_named_at_its_line(built_project):
    path = built_project / FIGURES
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b",", b"\r,", 1)  # a CR at the end of line 4's first field
    path.write_bytes(b"\n".join(lines))
    _, listed = refused_listing(built_project, CONTRACT)
    assert listed == [f"{FIGURES}:4: figure_id: {CR}"]


@pytest.mark.parametrize("blank_line", [False, True])  # the clean path, and the careful one
def test_a_field_over_128_kib_loads_as_it_is(fast_built_project, blank_line):
    path = fast_built_project / FIGURES
    header, rows = read_rows(path)
    rows[2]["note"] = "长" * 140_000  # over the 131,072 characters Python's csv module takes in a field
    write_rows(path, header, rows)
    if blank_line:
        path.write_bytes(path.read_bytes().replace(b"\n", b"\n\n", 1))
    code, stderr = run(fast_built_project, "run", "--no-docs")
    assert code == 0, stderr
    with duckdb.connect(str(fast_built_project / "target" / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute(
            "select length(note), source_line from raw.figures where length(note) > 1000"
        ).fetchall() == [(140_000, 5 if blank_line else 4)]


def test_a_line_over_duckdbs_limit_names_its_longest_field(built_project):
    path = built_project / FIGURES
    header, rows = read_rows(path)
    rows[2]["evidence"] = "x" * 2_100_000
    write_rows(path, header, rows)
    _, listed = refused_listing(built_project, CONTRACT)
    assert len(listed) == 1 and listed[0].startswith(f"{FIGURES}:4: evidence: a line of "), listed
    assert listed[0].endswith(
        " bytes, over the 2,000,000 DuckDB reads in a line: shorten this field (2,100,000 bytes)"
    ), listed


@pytest.mark.parametrize("position", ["first", "last"])
def test_a_header_column_without_a_name_is_named_by_its_number(built_project, position):
    path = built_project / FIGURES
    header, rows = read_rows(path)
    header = ([""] + header) if position == "first" else header + [""]
    text = path.read_text(encoding="utf-8").split("\n")
    text = [",".join(header)] + [
        ("," + line if position == "first" else line + ",") if line else line for line in text[1:]
    ]
    path.write_text("\n".join(text), encoding="utf-8")
    number = 1 if position == "first" else len(header)
    _, listed = refused_listing(built_project, CONTRACT)
    assert listed == [
        f"{FIGURES}:1: column {number}: the header gives column {number} no name: name it "
        f"(the contract has {', '.join(h for h in header if h)}), or remove the column"
    ]


def test_a_column_named_twice_in_a_complete_header(built_project):
    path = built_project / FIGURES
    text = path.read_text(encoding="utf-8").split("\n")
    text = [text[0] + ",note"] + [line + "," if line else line for line in text[1:]]
    path.write_text("\n".join(text), encoding="utf-8")
    _, listed = refused_listing(built_project, CONTRACT)
    assert listed == [f"{FIGURES}:1: note: column named twice in the header: keep one"]


# --- the project tree ---------------------------------------------------------------------------------

FIX = "put the CSV itself there, or remove it"


def test_entries_of_raw_that_are_not_csv_files_are_refused_with_their_paths(built_project, tmp_path):
    figures = built_project / "raw" / "figures"
    (figures / "x.csv").mkdir()
    os.mkfifo(figures / "fifo.csv")  # read, it would block forever
    (figures / "zero.csv").symlink_to("/dev/zero")  # read, it never ends
    (figures / "gone.csv").symlink_to(tmp_path / "gone.csv")
    outside = tmp_path / "outside.csv"
    outside.write_bytes((figures / "000_35157f1fbdb36fec.csv").read_bytes())
    (figures / "000_35157f1fbdb36fec.csv").unlink()
    (figures / "000_35157f1fbdb36fec.csv").symlink_to(outside)
    (figures / "002_f8316eb84ec5ff3b.csv").rename(figures / "002_f8316eb84ec5ff3b.CSV")
    error, listed = refused_listing(built_project, CONTRACT, own_process=True)
    assert listed == [
        f"raw/figures/000_35157f1fbdb36fec.csv: a symlink out of the project (to {outside}): copy the file into "
        "raw/, or remove the link",
        "raw/figures/002_f8316eb84ec5ff3b.CSV: not loaded: its name must end in .csv (lower case): rename it",
        f"raw/figures/fifo.csv: not a regular file (a FIFO): {FIX}",
        f"raw/figures/gone.csv: a symlink to {tmp_path / 'gone.csv'}, which does not exist: {FIX}",
        f"raw/figures/x.csv: not a regular file (a folder): {FIX}",
        "raw/figures/zero.csv: a symlink out of the project (to /dev/zero): copy the file into raw/, or remove the link",
    ]
    assert error.startswith("Error: 6 contract violation(s) in raw input: a symlink out of the project")


def test_a_symlink_inside_the_project_is_loaded(fast_built_project):
    figures = fast_built_project / "raw" / "figures"
    shared = fast_built_project / "shared"
    shared.mkdir()
    (figures / "000_35157f1fbdb36fec.csv").rename(shared / "000.csv")
    (figures / "000_35157f1fbdb36fec.csv").symlink_to("../../shared/000.csv")
    code, stderr = run(fast_built_project, "run", "--no-docs")
    assert code == 0, stderr
    _, rows = read_rows(shared / "000.csv")
    with duckdb.connect(str(fast_built_project / "target" / "warehouse.duckdb"), read_only=True) as con:
        loaded = con.execute(
            "select figure_id from raw.figures where source_file like '%000_35157f1fbdb36fec.csv'"
        ).fetchall()
    assert sorted(figure_id for (figure_id,) in loaded) == sorted(row["figure_id"] for row in rows) != []


def test_a_device_in_place_of_a_reference_file_is_refused(built_project):
    path = built_project / "raw" / "reference" / "units.csv"
    path.unlink()
    os.mkfifo(path)
    _, listed = refused_listing(built_project, CONTRACT, own_process=True)
    assert listed == [f"raw/reference/units.csv: not a regular file (a FIFO): {FIX}"]


BOMB = (
    "a: &a [x, x, x, x, x, x, x, x, x]\n"
    + "".join(f"{n}: &{n} [{', '.join(['*' + p] * 9)}]\n" for p, n in zip("abcdefgh", "bcdefghi"))
    + "description: *i\n"
)
YML_CASES = {
    # the anchors sit under keys the .yml schema does not know: the first is named before anything is expanded
    "alias bomb": (
        BOMB,
        "unknown key 'a' at the top level — {path}:1 — use one of: columns, data_tests, description, grain, unit_tests",
    ),
    "a list": (
        "- a\n- b\n",
        "the file holds a list, not a mapping — {path} — write `description: ...`, "
        "`grain: ...` and `columns:` at the top level",
    ),
    "a column's list": (
        "columns:\n  city_key: [1, 2]\n",
        "column 'city_key': a description must be text, not a list — {path} — write `column_name: description`",
    ),
    "not UTF-8": (b"description: \xb9\xe3\xce\xf7\n", "the file is not UTF-8 text — {path} — save it as UTF-8"),
    "huge": (
        "description: " + "x" * 1_100_000 + "\n",
        "the model's descriptions file is 1,100,014 bytes, over the "
        "1,048,576 a model's descriptions may take — {path} — keep description, grain and columns only",
    ),
}


@pytest.mark.parametrize("case", YML_CASES)
def test_a_hostile_model_yml_is_a_model_error_naming_the_file(built_project, case):
    content, message = YML_CASES[case]
    path = built_project / "marts" / "dim_city.yml"
    if isinstance(content, bytes):
        path.write_bytes(content)
    else:
        path.write_text(content, encoding="utf-8")
    error, _ = refused_listing(built_project, MODEL)
    assert error == "Error: " + message.format(path=path)


# --- a damaged published warehouse ----------------------------------------------------------------------


def _opens(path: Path) -> bool:
    try:
        duckdb.connect(str(path), read_only=True).close()
    except duckdb.Error:
        return False
    return True


def test_a_warehouse_that_still_opens_is_replaced_by_the_run(fast_built_project):
    db = fast_built_project / "target" / "warehouse.duckdb"
    size = db.stat().st_size
    os.truncate(db, size + 1_000_000)  # a torn write's zeros past the end: DuckDB still opens it
    assert _opens(db)
    code, stderr = run(fast_built_project, "run", "--no-docs")
    assert code == 0, stderr
    assert db.stat().st_size < size + 1_000_000


@pytest.mark.parametrize("size", [0, 4096, 1_000_000])
@pytest.mark.parametrize("command", ["run", "export"])
def test_a_damaged_published_warehouse_is_named_with_how_to_rebuild_it(fast_built_project, size, command):
    db = fast_built_project / "target" / "warehouse.duckdb"
    os.truncate(db, size)
    # whether a truncated file still opens depends on where DuckDB put its catalog: the run replaces one
    # that opens (it is clusterdw's) and refuses one that does not
    opens = _opens(db)
    code, stderr = run(fast_built_project, command, *(["--no-docs"] if command == "run" else []))
    if command == "run" and opens:
        assert code == 0, stderr
        return
    assert code == 1, stderr
    [error] = error_lines(stderr)
    assert error.startswith("Error: the warehouse file is damaged and cannot be opened ("), error
    assert error.endswith(f") — {db} — move it aside (mv {db} {db}.damaged), then `clusterdw run` builds it again")
    assert db.stat().st_size == size, "a damaged file is never replaced unasked"


# --- types (issue 25) ---------------------------------------------------------------------------------

FIGURE = "002-004"  # an actual of 2020, value 20, evidence '2020 年产值超 20 亿元'
TAKT = "002-002"  # value 10, evidence '每台 10 秒钟的最快节拍'


def load_errors(cli, project: Path) -> tuple[int, list[str]]:
    result = cli(project, "load")
    return result.exit_code, [line for line in result.stderr.splitlines() if line.startswith("raw/")]


@pytest.mark.parametrize("year", ["2020.5", "0x7E4", "2_020", "2020.0", "1e3", "٢٠٢٠"])
def test_a_year_that_is_not_digits_as_written_is_refused(project, cli, year):
    path = edit_figure(project, FIGURE, period_start_year=year)
    code, listed = load_errors(cli, project)
    assert code == 3
    line = line_of(path, FIGURE)
    assert listed == [
        f"raw/figures/{path.name}:{line}: period_start_year: '{year}' is not an integer "
        "(write ASCII digits only, e.g. 2020)"
    ]


def test_a_member_order_of_0_6_is_not_order_1(project, cli):
    path = project / "raw" / "reference" / "cluster_members.csv"
    header, rows = read_rows(path)
    rows[0]["member_order"] = "0.6"
    write_rows(path, header, rows)
    code, listed = load_errors(cli, project)
    assert code == 3
    assert listed == [
        "raw/reference/cluster_members.csv:2: member_order: '0.6' is not an integer "
        "(write ASCII digits only, e.g. 2020)"
    ]


def write_corrections(project: Path, *rows: tuple[str, str, str]) -> Path:
    path = project / "raw" / "corrections.csv"
    write_rows(
        path,
        ["figure_id", "column_name", "corrected_value", "reason"],
        [dict(figure_id=f, column_name=c, corrected_value=v, reason="checked the source") for f, c, v in rows],
    )
    return path


def test_a_correction_of_a_year_to_2019_5_is_refused_not_applied_as_2020(project, cli):
    write_corrections(project, (FIGURE, "period_start_year", "2019.5"))
    code, listed = load_errors(cli, project)
    assert code == 3
    assert listed == [
        "raw/corrections.csv:2: corrected_value: '2019.5' is not a valid period_start_year "
        "(write a whole number in 1990..2050)"
    ]


@pytest.mark.parametrize(
    "column, value, problem",
    [
        ("period_start_year", "2024", "period ends (2020) before it starts (2024)"),
        ("value", "21", "value 21.0 does not occur in evidence '2020 年产值超 20 亿元'"),
        ("unit", "万辆", "unit '万辆' is not a unit of"),
    ],
)
def test_a_correction_that_breaks_the_figures_contract_fails_at_load_at_its_line(project, cli, column, value, problem):
    write_corrections(
        project,
        ("000-001", "status", "target"),  # a harmless one first: line 2
        (FIGURE, column, value),
    )
    code, listed = load_errors(cli, project)
    assert code == 3, listed
    assert len(listed) == 1 and listed[0].startswith(
        f"raw/corrections.csv:3: {column}: corrected, figure {FIGURE} breaks its contract: {problem}"
    ), listed


@pytest.mark.parametrize("invisible", ["\u200b", "\u202e", "\u2060", "\ufeff", "\u00ad"])
def test_an_invisible_character_inside_a_number_in_evidence_is_an_error(project, cli, invisible):
    path = edit_figure(project, TAKT, value="1", evidence=f"每台 1{invisible}0 秒钟的最快节拍")
    code, listed = load_errors(cli, project)
    assert code == 3
    assert listed == [
        f"raw/figures/{path.name}:{line_of(path, TAKT)}: evidence: an invisible character "
        f"(U+{ord(invisible):04X}) inside a number in evidence: delete it, so the number reads as "
        "the document shows it"
    ]


@pytest.mark.parametrize("invisible", ["\u200b", "\u202e"])
def test_suggest_refuses_a_document_with_an_invisible_character_in_a_number(project, cli, tmp_path, invisible):
    document = tmp_path / "905_x.txt"
    document.write_text(
        f"南宁市2023年工业经济运行情况\n2023年，全市规上工业企业超过1{invisible}500家。\n", encoding="utf-8"
    )
    result = cli(project, "suggest", str(document), "--document-id", "905_x", "--published", "2024-01-20")
    assert result.exit_code == 1
    assert result.stderr.strip() == (
        f"Error: an invisible character (U+{ord(invisible):04X}) inside a number — "
        f"{document}:2:18 — delete it, so that the number reads as the document "
        "shows it"
    )
    assert not (project / "raw" / "drafts" / "905_x.csv").exists()
