"""Bad input through the command line: after a good run, each corruption makes `clusterdw run` fail with
one `Error:` line naming file:line: column, a non-zero exit code, and the published warehouse byte-identical.

One successful run is built once per module and copied for each case (a copy is far cheaper than a run).
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from helpers import digest, read_rows, write_rows

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


def test_reordered_columns_bom_crlf_header_only_and_quoted_newlines_are_accepted(built_project, cli):
    db = built_project / "target" / "warehouse.duckdb"
    with duckdb.connect(str(db), read_only=True) as con:
        before = con.execute("select figure_id, evidence, value from raw.figures order by figure_id").fetchall()
    first, second, third = figures(built_project)[:3]
    header, rows = read_rows(first)
    write_rows(first, list(reversed(header)), rows)  # columns matched by name
    second.write_bytes(b"\xef\xbb\xbf" + second.read_bytes().replace(b"\n", b"\r\n"))  # BOM and CRLF
    header, rows = read_rows(third)
    write_rows(third, header, [])  # header only: zero rows
    dropped = {r["figure_id"] for r in rows}
    big = big_figures(built_project)
    header, rows = read_rows(big)
    rows[1]["evidence"] = f'引用, "原文"\n{rows[1]["value"]}'
    write_rows(big, header, rows)
    result = cli(built_project, "run", "--no-docs")
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
