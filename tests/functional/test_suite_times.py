"""Each suite's wall time (DuckDB computing its frame, GX validating it) is kept in target/run_results.json,
the run history, meta.suite_runs, and the slowest are named by `clusterdw status` (issue 28)."""

from __future__ import annotations

import json
from dataclasses import fields

import duckdb

from pipelines.validate.suites import SuiteSummary, read_suites


def test_the_times_are_typed_fields_of_a_suite_summary():
    assert {"frame_seconds", "gx_seconds"} <= {f.name for f in fields(SuiteSummary)}
    summary = SuiteSummary("s", "marts.t", 3, 1, 0, 0, frame_seconds=1.25, gx_seconds=0.5)
    assert summary.seconds == 1.75


def test_every_suite_run_has_its_times_in_run_results_and_the_history(built):
    record = json.loads((built / "target" / "run_results.json").read_text(encoding="utf-8"))
    suites = record["suites"]
    assert sorted(s["suite"] for s in suites) == sorted(s.name for s in read_suites(built))
    for s in suites:
        assert s["outcome"] != "skipped", s
        for key in ("frame_seconds", "gx_seconds", "seconds"):
            assert isinstance(s[key], float) and s[key] >= 0, (s["suite"], key, s[key])
        assert abs(s["seconds"] - (s["frame_seconds"] + s["gx_seconds"])) < 0.002, s
    # a suite's frame is computed, and GX validates it: neither takes no time at all
    assert all(s["frame_seconds"] > 0 and s["gx_seconds"] > 0 for s in suites), suites
    # the validate step holds the suites' validation (frames overlap it, GX's import is outside the sums)
    assert sum(s["gx_seconds"] for s in suites) <= record["step_seconds"]["validate"]
    history = (built / "target" / "run_history.jsonl").read_text(encoding="utf-8").splitlines()
    assert json.loads(history[-1])["suites"] == suites


def test_meta_suite_runs_holds_the_runs_suite_times(built):
    record = json.loads((built / "target" / "run_results.json").read_text(encoding="utf-8"))
    with duckdb.connect(str(built / "target" / "warehouse.duckdb"), read_only=True) as con:
        rows = con.execute(
            "select suite, table_name, outcome, row_count, frame_seconds, gx_seconds, seconds "
            "from meta.suite_runs where run_id = ? order by suite",
            [record["run_id"]],
        ).fetchall()
    expected = sorted(
        (s["suite"], s["table"], s["outcome"], s["rows"], s["frame_seconds"], s["gx_seconds"], s["seconds"])
        for s in record["suites"]
    )
    assert rows == expected


def test_status_names_the_slowest_suites(built, cli):
    record = json.loads((built / "target" / "run_results.json").read_text(encoding="utf-8"))
    slowest = max(record["suites"], key=lambda s: s["seconds"])
    result = cli(built, "status")
    assert result.exit_code == 0, result.output
    line = next(line for line in result.stdout.splitlines() if "slowest suites: " in line)
    named = line.split("slowest suites: ", 1)[1]
    assert named.startswith(f"{slowest['suite']} {slowest['seconds']:.2f}s (frame "), line
    assert named.count("s (frame ") == 3
