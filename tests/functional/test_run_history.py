"""The run history (target/run_history.jsonl) grows a line per run, an hour apart under cron: the
last runs are read from its end, and schema meta is written from it by DuckDB's JSON reader. Both
must give what reading every line with json.loads gives."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from pipelines.models.builder import ModelResult
from pipelines.publish.run_results import (
    RunRecord,
    _insert_runs,
    append_history,
    count_runs,
    last_success,
    newest_runs,
    write_meta,
)
from pipelines.validate.suites import ExpectationResult, SuiteSummary


def a_run(number: int, status: str = "success") -> RunRecord:
    record = RunRecord(
        f"run-{number:04d}", "run", f"2026-12-02T{number % 24:02d}:00:00.000+00:00", inputs_sha256=f"{number:064x}"
    )
    record.step_seconds = {"load": 0.5 + number, "build": 1.25, "validate": 3.0, "publish": 0.01}
    record.models = [ModelResult(f"marts.m{m}", "success", number * m, 0.1 * m) for m in range(3)]
    record.suites = [
        SuiteSummary(f"s{s}", f"marts.m{s}", number * s, 3, s, 0, frame_seconds=0.25 * s, gx_seconds=0.5 + number)
        for s in range(2)
    ]
    record.expectations = [
        ExpectationResult(
            "s",
            "marts.m1",
            f"e{e}",
            "c" if e else None,
            "critical",
            e != 1,
            e or None,
            json.dumps(["多, 'quoted'", e]) if e else None,
            "n",
        )
        for e in range(4)
    ]
    record.finish(status, None if status == "success" else f'model m{number} failed: "x"')
    return record


@pytest.fixture
def history(tmp_path) -> Path:
    """30 runs, every third one failed, with a line cut by a killed run after run 12."""
    path = tmp_path / "run_history.jsonl"
    for number in range(30):
        append_history(path, a_run(number, "failed" if number % 3 == 2 else "success"))
        if number == 12:
            with path.open("a", encoding="utf-8") as handle:
                handle.write('{"run_id": "killed", "status": "fai')  # no newline: the process died here
    return path


def all_lines(path: Path) -> list[dict]:
    runs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            runs.append(json.loads(line))
        except json.JSONDecodeError:
            pass
    return runs


def test_a_run_after_a_cut_line_keeps_its_own_line(history):
    runs = all_lines(history)
    assert [r["run_id"] for r in runs] == [f"run-{n:04d}" for n in range(30)]
    assert count_runs(history) == 31  # the cut line counts: a run was killed there


@pytest.mark.parametrize("block_bytes", [7, 1000, 1 << 20])
def test_newest_runs_reads_from_the_end_across_block_edges(history, block_bytes):
    assert list(newest_runs(history, block_bytes)) == all_lines(history)[::-1]


def test_last_success(history, tmp_path):
    assert last_success(history)["run_id"] == "run-0028"
    assert last_success(tmp_path / "none.jsonl") is None and list(newest_runs(tmp_path / "none.jsonl")) == []


META_TABLES = ("meta.runs", "meta.model_runs", "meta.suite_runs", "meta.expectation_results")


def meta_tables(con) -> dict[str, list[tuple]]:
    return {table: con.execute(f"select * from {table}").fetchall() for table in META_TABLES}


def test_meta_from_the_history_file_is_what_json_loads_gives(history):
    current = a_run(99).as_json()
    from_file = duckdb.connect()
    write_meta(from_file, history, current)
    by_python = duckdb.connect()
    write_meta(by_python, history.with_name("absent.jsonl"), current)  # the schema, and the current run
    for table in META_TABLES:
        by_python.execute(f"delete from {table}")
    _insert_runs(by_python, all_lines(history) + [current])
    got, expected = meta_tables(from_file), meta_tables(by_python)
    assert [len(got[t]) for t in META_TABLES] == [31, 93, 62, 124]
    assert got["meta.suite_runs"][-1] == ("run-0099", "s1", "marts.m1", "warned", 99, 0.25, 99.5, 99.75)
    assert got == expected  # every column, in history order, the current run last


@pytest.mark.parametrize(
    "bad",
    [
        '{"run_id": "x", "status": "success", "started_at": "yesterday"}',
        "[1, 2, 3]",
        '"just text"',
        '{"status": "success"}',
        "\xff\xfe not json",
    ],
)
def test_a_line_that_cannot_be_read_is_skipped_with_one_warning_naming_file_and_line(fast_built_project, cli, bad):
    # the history is read the same with or without GX suites: a project without them runs without validation
    history = fast_built_project / "target" / "run_history.jsonl"
    lines = history.read_text(encoding="utf-8").splitlines()
    history.write_text("\n".join([bad] + lines) + "\n", encoding="utf-8")
    result = cli(fast_built_project, "run", "--no-docs")
    assert result.exit_code == 0, result.output
    warnings = [line for line in result.stderr.splitlines() if "run_history.jsonl" in line]
    assert len(warnings) == 1 and warnings[0].endswith(
        f"{history}:1: not a run clusterdw can read (cut by a killed run, or edited by hand): "
        "left out of meta.runs, kept in the file"
    ), result.stderr
    with duckdb.connect(str(fast_built_project / "target" / "warehouse.duckdb"), read_only=True) as con:
        assert con.execute("select count(*) from meta.runs").fetchall() == [(2,)]
    status = cli(fast_built_project, "status")
    assert status.exit_code == 0, status.output
    assert "Last 2 of 3 runs" in status.output
