"""Hostile input, round two (issue 14): CSV shapes that DuckDB or Python's csv module reject, entries of
raw/ that are not CSV files, hostile model .yml files, a damaged published warehouse. Each is one
located `Error:` line, never an internal error, and the published warehouse stays byte-identical."""

from __future__ import annotations

import os
from pathlib import Path

import duckdb
import pytest

from faults import error_lines, run_process
from helpers import digest, invoke, read_rows, write_rows

CONTRACT, MODEL = 3, 4
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


def refused(built_project: Path, exit_code: int, *args: str, own_process: bool = False) -> tuple[str, list[str]]:
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
    error, listed = refused(built_project, CONTRACT)
    assert listed == [f"{file}:1: {last}: {CR}"]
    assert error == f"Error: 1 contract violation(s) in raw input: {CR} — {file}:1: {last}{TAIL}"


def test_one_bare_cr_inside_a_file_is_named_at_its_line(built_project):
    path = built_project / FIGURES
    lines = path.read_bytes().split(b"\n")
    lines[3] = lines[3].replace(b",", b"\r,", 1)  # a CR at the end of line 4's first field
    path.write_bytes(b"\n".join(lines))
    _, listed = refused(built_project, CONTRACT)
    assert listed == [f"{FIGURES}:4: figure_id: {CR}"]


@pytest.mark.parametrize("blank_line", [False, True])  # the clean path, and the careful one
def test_a_field_over_128_kib_loads_as_it_is(built_project, blank_line):
    path = built_project / FIGURES
    header, rows = read_rows(path)
    rows[2]["note"] = "长" * 140_000  # over the 131,072 characters Python's csv module takes in a field
    write_rows(path, header, rows)
    if blank_line:
        path.write_bytes(path.read_bytes().replace(b"\n", b"\n\n", 1))
    code, stderr = run(built_project, "run", "--no-docs")
    assert code == 0, stderr
    with duckdb.connect(str(built_project / "target" / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute(
            "select length(note), source_line from raw.figures where length(note) > 1000"
        ).fetchall() == [(140_000, 5 if blank_line else 4)]


def test_a_line_over_duckdbs_limit_names_its_longest_field(built_project):
    path = built_project / FIGURES
    header, rows = read_rows(path)
    rows[2]["evidence"] = "x" * 2_100_000
    write_rows(path, header, rows)
    _, listed = refused(built_project, CONTRACT)
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
    _, listed = refused(built_project, CONTRACT)
    assert listed == [
        f"{FIGURES}:1: column {number}: the header gives column {number} no name: name it "
        f"(the contract has {', '.join(h for h in header if h)}), or remove the column"
    ]


def test_a_column_named_twice_in_a_complete_header(built_project):
    path = built_project / FIGURES
    text = path.read_text(encoding="utf-8").split("\n")
    text = [text[0] + ",note"] + [line + "," if line else line for line in text[1:]]
    path.write_text("\n".join(text), encoding="utf-8")
    _, listed = refused(built_project, CONTRACT)
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
    error, listed = refused(built_project, CONTRACT, own_process=True)
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


def test_a_symlink_inside_the_project_is_loaded(built_project):
    figures = built_project / "raw" / "figures"
    shared = built_project / "shared"
    shared.mkdir()
    (figures / "000_35157f1fbdb36fec.csv").rename(shared / "000.csv")
    (figures / "000_35157f1fbdb36fec.csv").symlink_to("../../shared/000.csv")
    code, stderr = run(built_project, "run", "--no-docs")
    assert code == 0, stderr
    _, rows = read_rows(shared / "000.csv")
    with duckdb.connect(str(built_project / "target" / "warehouse.duckdb"), read_only=True) as con:
        loaded = con.execute(
            "select figure_id from raw.figures where source_file like '%000_35157f1fbdb36fec.csv'"
        ).fetchall()
    assert sorted(figure_id for (figure_id,) in loaded) == sorted(row["figure_id"] for row in rows) != []


def test_a_device_in_place_of_a_reference_file_is_refused(built_project):
    path = built_project / "raw" / "reference" / "units.csv"
    path.unlink()
    os.mkfifo(path)
    _, listed = refused(built_project, CONTRACT, own_process=True)
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
    error, _ = refused(built_project, MODEL)
    assert error == "Error: " + message.format(path=path)


# --- a damaged published warehouse ----------------------------------------------------------------------


@pytest.mark.parametrize("size", [0, 4096, 1_000_000])
@pytest.mark.parametrize("command", ["run", "export"])
def test_a_damaged_published_warehouse_is_named_with_how_to_rebuild_it(built_project, size, command):
    db = built_project / "target" / "warehouse.duckdb"
    os.truncate(db, size)
    code, stderr = run(built_project, command, *(["--no-docs"] if command == "run" else []))
    if command == "run" and size == 1_000_000:  # still opens, and is clusterdw's: the run replaces it
        assert code == 0, stderr
        return
    assert code == 1, stderr
    [error] = error_lines(stderr)
    assert error.startswith("Error: the warehouse file is damaged and cannot be opened ("), error
    assert error.endswith(f") — {db} — move it aside (mv {db} {db}.damaged), then `clusterdw run` builds it again")
    assert db.stat().st_size == size, "a damaged file is never replaced unasked"
