"""What each run did: kept as JSON in target/ and as tables in schema `meta` of the warehouse.

Failed runs publish no warehouse, so the history lives in target/run_history.jsonl (one run per
line) and every published warehouse carries the whole history in meta.runs and its detail tables.
"""

from __future__ import annotations

import json
import os
from dataclasses import asdict, dataclass, field
from datetime import datetime, timezone
from pathlib import Path

import duckdb


def now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="milliseconds")


@dataclass
class RunRecord:
    run_id: str
    command: str
    started_at: str
    inputs_sha256: str | None = None
    ended_at: str | None = None
    status: str = "running"  # running, success, failed, skipped
    error: str | None = None
    step_seconds: dict[str, float] = field(default_factory=dict)
    loads: list[dict] = field(default_factory=list)
    models: list[dict] = field(default_factory=list)
    suites: list[dict] = field(default_factory=list)
    expectations: list[dict] = field(default_factory=list)
    docs: str | None = None
    export: str | None = None

    def finish(self, status: str, error: str | None = None) -> None:
        self.status, self.error, self.ended_at = status, error, now()


def write_json(path: Path, record: RunRecord) -> None:
    """Atomic: a reader never sees half a file."""
    tmp = path.with_name(path.name + ".tmp")
    tmp.write_text(json.dumps(asdict(record), ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def append_history(path: Path, record: RunRecord) -> None:
    with path.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps(asdict(record), ensure_ascii=False) + "\n")


def read_history(path: Path) -> list[dict]:
    if not path.exists():
        return []
    runs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        try:
            runs.append(json.loads(line))
        except json.JSONDecodeError:
            continue  # a line cut by a killed run
    return runs


def last_success(path: Path) -> dict | None:
    return next((r for r in reversed(read_history(path)) if r.get("status") == "success"), None)


_META_DDL = """
create schema if not exists meta;
create or replace table meta.runs (
    run_id varchar, command varchar, started_at timestamptz, ended_at timestamptz, status varchar,
    error varchar, load_seconds double, build_seconds double, validate_seconds double,
    publish_seconds double, inputs_sha256 varchar);
create or replace table meta.model_runs (
    run_id varchar, model varchar, status varchar, row_count bigint, seconds double, error varchar);
create or replace table meta.expectation_results (
    run_id varchar, suite varchar, table_name varchar, expectation varchar, column_name varchar,
    severity varchar, success boolean, unexpected_count bigint, sample varchar, note varchar);
comment on table meta.runs is 'One row per clusterdw run (published or not): when, outcome, error, time per step.';
comment on table meta.model_runs is 'Per run and model: status, row count and build time.';
comment on table meta.expectation_results is 'Per run and Great Expectations expectation: severity and outcome.';
"""


def write_meta(con: duckdb.DuckDBPyConnection, history: list[dict]) -> None:
    """(Re)write schema meta from the run history, the current run included."""
    con.execute(_META_DDL)
    runs, models, expectations = [], [], []
    for run in history:
        steps = run.get("step_seconds") or {}
        runs.append([
            run["run_id"], run.get("command"), run.get("started_at"), run.get("ended_at"), run.get("status"),
            run.get("error"), steps.get("load"), steps.get("build"), steps.get("validate"), steps.get("publish"),
            run.get("inputs_sha256")])
        models += [[run["run_id"], m["model"], m["status"], m["rows"], m["seconds"], m.get("error")]
                   for m in run.get("models") or []]
        expectations += [[run["run_id"], e["suite"], e["table"], e["expectation"], e["column"], e["severity"],
                          e["success"], e["unexpected_count"], e["sample"], e["note"]]
                         for e in run.get("expectations") or []]
    _insert_rows(con, "meta.runs", runs)
    _insert_rows(con, "meta.model_runs", models)
    _insert_rows(con, "meta.expectation_results", expectations)


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[list]) -> None:
    """One INSERT of all rows, a list per column unnested side by side: executemany inserts row by
    row, seconds for a history of a few dozen runs, and the history only grows."""
    if not rows:
        return
    columns = [list(column) for column in zip(*rows)]
    con.execute(f"insert into {table} select {', '.join('unnest(?)' for _ in columns)}", columns)
