"""Write-audit-publish: a run replaces the warehouse only when everything passed, atomically."""

from __future__ import annotations

import hashlib
import json

import duckdb

from helpers import edit_figure, fast_project, read_rows, write_rows


def drop_figure(project, figure_id: str) -> None:
    for path in (project / "raw" / "figures").glob("*.csv"):
        header, rows = read_rows(path)
        kept = [r for r in rows if r["figure_id"] != figure_id]
        if len(kept) != len(rows):
            write_rows(path, header, kept)


def digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_run_publishes_a_warehouse_with_the_six_marts_and_run_results(first_run):
    project, result = first_run  # the session's run of a fresh copy (conftest.py), read only
    assert result.exit_code == 0, result.output
    db = project / "target" / "warehouse.duckdb"
    assert "Published: " + str(db) in result.output
    assert "duckdb -readonly" in result.output
    with duckdb.connect(str(db), read_only=True) as con:
        for table in (
            "dim_city",
            "dim_cluster",
            "dim_year",
            "fct_output_values",
            "fct_growth_rates",
            "fct_rd_intensity",
        ):
            assert con.execute(f"select count(*) from marts.{table}").fetchall()[0][0] > 0, table
        runs = con.execute("select status, load_seconds >= 0, build_seconds >= 0 from meta.runs").fetchall()
        assert runs == [("success", True, True)]
        models = con.execute(
            "select count(*), count(*) filter (where status = 'success') from meta.model_runs"
        ).fetchall()[0]
        assert models[0] == models[1] > 10
    record = json.loads((project / "target" / "run_results.json").read_text())
    assert record["status"] == "success" and set(record["step_seconds"]) >= {"load", "build", "validate", "publish"}
    assert not list((project / "target").glob("*.building-*")), "no build file may be left behind"


def test_failed_run_leaves_the_published_file_byte_identical_and_is_recorded(fast_built_project, cli):
    project = fast_built_project  # after its first run (`run --no-docs`, exit 0: conftest.py)
    db = project / "target" / "warehouse.duckdb"
    before = digest(db)
    edit_figure(project, "003-009", metric_code="no_such_metric")
    result = cli(project, "run", "--no-docs")
    assert result.exit_code == 3, result.output
    assert digest(db) == before
    assert not list((project / "target").glob("*.building-*"))
    history = [json.loads(line) for line in (project / "target" / "run_history.jsonl").read_text().splitlines()]
    assert [r["status"] for r in history] == ["success", "failed"]
    assert "no_such_metric" in history[-1]["error"]
    # the next good run carries the failed one into meta.runs
    edit_figure(project, "003-009", metric_code="growth_rate")
    assert cli(project, "run", "--no-docs").exit_code == 0
    with duckdb.connect(str(db), read_only=True) as con:
        assert [r[0] for r in con.execute("select status from meta.runs order by started_at").fetchall()] == [
            "success",
            "failed",
            "success",
        ]


def test_a_reader_holding_the_published_file_keeps_its_snapshot(fast_built_project, cli):
    project = fast_built_project  # after its first run (`run --no-docs`, exit 0: conftest.py)
    db = project / "target" / "warehouse.duckdb"
    reader = duckdb.connect(str(db), read_only=True)
    try:
        before = reader.execute("select count(*) from marts.fct_output_values").fetchall()[0][0]
        drop_figure(project, "002-061")  # one output value fewer in the new build
        result = cli(project, "run", "--no-docs")
        assert result.exit_code == 0, result.output
        assert reader.execute("select count(*) from marts.fct_output_values").fetchall()[0][0] == before
    finally:
        reader.close()
    with duckdb.connect(str(db), read_only=True) as fresh:
        assert fresh.execute("select count(*) from meta.runs").fetchall()[0][0] == 2
        assert fresh.execute("select count(*) from marts.fct_output_values").fetchall()[0][0] == before - 1


def test_refuses_to_overwrite_a_file_that_is_not_a_warehouse(project, cli, tmp_path):
    precious = tmp_path / "notes.duckdb"
    precious.write_text("my notes, not a database")
    result = cli(project, "--db", str(precious), "run", "--no-docs")
    assert result.exit_code == 6, result.output
    assert "not a DuckDB warehouse" in result.output
    assert precious.read_text() == "my notes, not a database"


def test_db_path_from_environment(cli, tmp_path):
    project = fast_project(tmp_path / "project")  # where the file goes, not what is checked in it
    target = tmp_path / "elsewhere" / "wh.duckdb"
    result = cli(project, "run", "--no-docs", env={"CLUSTERDW_DB": str(target)})
    assert result.exit_code == 0, result.output
    assert target.exists() and not (project / "target" / "warehouse.duckdb").exists()
