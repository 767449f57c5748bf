"""What each run did: kept as JSON in target/ and as tables in schema `meta` of the warehouse.

Failed runs publish no warehouse, so the history lives in target/run_history.jsonl (one run per
line) and every published warehouse carries the whole history in meta.runs and its detail tables.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Iterator
from dataclasses import asdict, dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from .atomic import write_atomic
from .safe_open import open_own

if TYPE_CHECKING:  # types only: importing them would load GX and sqlglot for `clusterdw status`
    from ..load.loader import LoadResult
    from ..models.builder import ModelResult
    from ..validate.suites import ExpectationResult, SuiteSummary

log = logging.getLogger("clusterdw")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="milliseconds")


@dataclass
class RunRecord:
    run_id: str
    command: str
    started_at: str
    inputs_sha256: str | None = None
    db: str | None = None  # the published file the run is for: --if-changed decides per file
    ended_at: str | None = None
    status: str = "running"  # running, success, failed, skipped
    error: str | None = None
    step_seconds: dict[str, float] = field(default_factory=dict)
    loads: list[LoadResult] = field(default_factory=list)
    models: list[ModelResult] = field(default_factory=list)
    suites: list[SuiteSummary] = field(default_factory=list)
    expectations: list[ExpectationResult] = field(default_factory=list)
    failing_rows: list[dict] = field(default_factory=list)  # per failed expectation: count, first rows, where all are
    violations: list[str] = field(default_factory=list)  # every contract violation of a run that stopped on them
    docs: str | None = None
    export: str | None = None
    report: str | None = None

    def finish(self, status: str, error: str | None = None) -> None:
        self.status, self.error, self.ended_at = status, error, now()

    def as_json(self) -> dict[str, Any]:
        """The record as it is written (run_results.json, a history line, meta): typed until then."""
        written = asdict(self)
        written["suites"] = [asdict(s) | {"outcome": s.outcome, "seconds": s.seconds} for s in self.suites]
        # failing rows apart (target/failing_rows.json, meta.expectation_failures): they may be millions
        written["expectations"] = [{k: v for k, v in e.items() if k != "failing_rows"} for e in written["expectations"]]
        return written


def write_json(path: Path, record: RunRecord) -> None:
    """Atomic: a reader never sees half a file. Written first under a new random name (never a file or
    link planted in target/ under a name known in advance), then renamed over the file."""
    write_atomic(path, json.dumps(record.as_json(), ensure_ascii=False, indent=2))


def append_history(path: Path, record: RunRecord) -> None:
    line = (json.dumps(record.as_json(), ensure_ascii=False) + "\n").encode("utf-8")
    with open_own(path, "ab+") as handle:  # not through a link planted in its place
        size = handle.seek(0, os.SEEK_END)
        if size:
            handle.seek(size - 1)
            if handle.read(1) != b"\n":  # a run killed mid-write left its line unended: keep this one whole
                line = b"\n" + line
        handle.write(line)  # append mode: at the end, wherever the last seek was


def refuse_planted_history(path: Path) -> None:
    """Before a run builds anything: PathRefused if the history is a link (or hard link) planted in
    target/, which append_history would refuse only after the run had published."""
    open_own(path, "ab").close()


def newest_runs(path: Path, block_bytes: int = 1 << 20) -> Iterator[dict]:
    """The runs of the history, newest first, read from the file's end a block at a time: the last
    success of a year of hourly runs (400 MB) is found in a block, where reading it all took 10 s."""
    if not path.exists():
        return
    with path.open("rb") as handle:
        end = handle.seek(0, os.SEEK_END)
        tail = b""  # the start of a line whose beginning lies in the block before
        while end > 0:
            start = max(0, end - block_bytes)
            handle.seek(start)
            lines = (handle.read(end - start) + tail).split(b"\n")
            tail = lines.pop(0) if start > 0 else b""
            for line in reversed(lines):
                run = _parse_run(line)
                if run is not None:
                    yield run
            end = start


def _parse_run(line: bytes) -> dict | None:
    """The run a line records, or None for a blank line and one that cannot be read as a run: cut by
    a killed run, or edited by hand (`"started_at": "yesterday"`, not an object, fields of other types)."""
    if not line.strip():
        return None
    try:
        run = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError, RecursionError):
        return None
    if not isinstance(run, dict) or not isinstance(run.get("run_id"), str) or not run["run_id"]:
        return None
    for stamp in ("started_at", "ended_at"):
        if run.get(stamp) is not None and not _is_timestamp(run[stamp]):
            return None
    lists = all(isinstance(run.get(key) or [], list) for key in ("models", "expectations", "loads", "suites"))
    if not lists or not isinstance(run.get("step_seconds") or {}, dict):
        return None
    return run


def _is_timestamp(value) -> bool:
    try:
        return isinstance(value, str) and datetime.fromisoformat(value) is not None
    except ValueError:
        return False


def count_runs(path: Path) -> int:
    """How many lines the history holds, cut ones included: counted without parsing them."""
    if not path.exists():
        return 0
    count, last = 0, b"\n"
    with path.open("rb") as handle:
        while block := handle.read(1 << 20):
            count, last = count + block.count(b"\n"), block[-1:]
    return count + (last != b"\n")


def last_success(path: Path, db: str | None = None) -> dict | None:
    """The newest successful run (for the published file `db`, if given: two --db files in one target/
    share the history, but not their last runs)."""
    return next(
        (r for r in newest_runs(path) if r.get("status") == "success" and (db is None or r.get("db") == db)), None
    )


_META_DDL = """
create schema if not exists meta;
create or replace table meta.runs (
    run_id varchar, command varchar, started_at timestamptz, ended_at timestamptz, status varchar,
    error varchar, load_seconds double, build_seconds double, validate_seconds double,
    publish_seconds double, inputs_sha256 varchar);
create or replace table meta.model_runs (
    run_id varchar, model varchar, status varchar, row_count bigint, seconds double, error varchar);
create or replace table meta.suite_runs (
    run_id varchar, suite varchar, table_name varchar, outcome varchar, row_count bigint,
    frame_seconds double, gx_seconds double, seconds double);
create or replace table meta.expectation_results (
    run_id varchar, suite varchar, table_name varchar, expectation varchar, column_name varchar,
    severity varchar, success boolean, unexpected_count bigint, sample varchar, note varchar);
comment on table meta.runs is 'One row per clusterdw run (published or not): when, outcome, error, time per step.';
comment on table meta.model_runs is 'Per run and model: status, row count and build time.';
comment on table meta.suite_runs is 'Per run and suite: outcome, rows and wall time (DuckDB computing its frame, GX validating it).';
comment on table meta.expectation_results is 'Per run and Great Expectations expectation: severity and outcome.';
"""


# The fields of a history line that schema meta holds. Lines written before a field existed read it as null.
_HISTORY_COLUMNS = (
    "{run_id: 'varchar', command: 'varchar', started_at: 'varchar', ended_at: 'varchar', status: 'varchar', "
    "error: 'varchar', inputs_sha256: 'varchar', "
    "step_seconds: 'struct(load double, build double, validate double, publish double)', "
    "models: 'struct(model varchar, status varchar, rows bigint, seconds double, error varchar)[]', "
    'suites: \'struct(suite varchar, "table" varchar, outcome varchar, "rows" bigint, frame_seconds double, '
    "gx_seconds double, seconds double)[]', "
    'expectations: \'struct(suite varchar, "table" varchar, expectation varchar, "column" varchar, '
    "severity varchar, success boolean, unexpected_count bigint, sample varchar, note varchar)[]'}"
)

_READ_HISTORY = f"""
create or replace temp table history as
select * from read_json(?, format = 'newline_delimited', ignore_errors = true,
                        maximum_object_size = 1073741824, columns = {_HISTORY_COLUMNS})
where run_id is not null  -- a line cut by a killed run reads as nulls
    and (started_at is null or try_cast(started_at as timestamptz) is not null)
    and (ended_at is null or try_cast(ended_at as timestamptz) is not null)
"""

_META_FROM_HISTORY = """
insert into meta.runs
select run_id, command, started_at::timestamptz, ended_at::timestamptz, status, error, step_seconds.load,
       step_seconds.build, step_seconds.validate, step_seconds.publish, inputs_sha256
from history;
insert into meta.model_runs
select run_id, m.model, m.status, m.rows, m.seconds, m.error
from (select run_id, unnest(models) as m from history);
insert into meta.suite_runs
select run_id, s.suite, s."table", s.outcome, s."rows", s.frame_seconds, s.gx_seconds, s.seconds
from (select run_id, unnest(suites) as s from history);
insert into meta.expectation_results
select run_id, e.suite, e."table", e.expectation, e."column", e.severity, e.success, e.unexpected_count,
       e.sample, e.note
from (select run_id, unnest(expectations) as e from history);
drop table history;
"""


def write_meta(con: duckdb.DuckDBPyConnection, history_path: Path, current: dict) -> None:
    """(Re)write schema meta: every run of the history file, then the current run.

    DuckDB's JSON reader reads the history: a year of hourly runs (8,760 lines, 400 MB, 1.1M
    expectation results) goes into meta in 5.4 s, where json.loads and Python lists took 44 s."""
    con.execute(_META_DDL)
    if history_path.exists():
        con.execute(_READ_HISTORY, [str(history_path)])
        read = con.execute("select count(*) from history").fetchall()[0][0]
        con.execute(_META_FROM_HISTORY)
        if read != count_runs(history_path):  # only then is each line looked at, to name those left out
            warn_unreadable(history_path)
    _insert_runs(con, [current])


def warn_unreadable(path: Path) -> None:
    """One warning naming the lines of the history that cannot be read as a run. History is a log
    of what happened: such a line stays in the file and is left out, never a reason to refuse a run."""
    bad = []
    with path.open("rb") as handle:
        for number, line in enumerate(handle, start=1):
            if line.strip() and _parse_run(line) is None:
                bad.append(number)
    if bad:
        more = f" and {len(bad) - 1} more" if len(bad) > 1 else ""
        log.warning(
            "%s:%d%s: not a run clusterdw can read (cut by a killed run, or edited by hand): "
            "left out of meta.runs, kept in the file",
            path,
            bad[0],
            more,
        )


def _insert_runs(con: duckdb.DuckDBPyConnection, history: list[dict]) -> None:
    runs, models, suites, expectations = [], [], [], []
    for run in history:
        steps = run.get("step_seconds") or {}
        runs.append(
            [
                run["run_id"],
                run.get("command"),
                run.get("started_at"),
                run.get("ended_at"),
                run.get("status"),
                run.get("error"),
                steps.get("load"),
                steps.get("build"),
                steps.get("validate"),
                steps.get("publish"),
                run.get("inputs_sha256"),
            ]
        )
        models += [
            [run["run_id"], m["model"], m["status"], m["rows"], m["seconds"], m.get("error")]
            for m in run.get("models") or []
        ]
        suites += [
            [
                run["run_id"],
                s["suite"],
                s["table"],
                s.get("outcome"),
                s.get("rows"),
                s.get("frame_seconds"),
                s.get("gx_seconds"),
                s.get("seconds"),
            ]
            for s in run.get("suites") or []
        ]
        expectations += [
            [
                run["run_id"],
                e["suite"],
                e["table"],
                e["expectation"],
                e["column"],
                e["severity"],
                e["success"],
                e["unexpected_count"],
                e["sample"],
                e["note"],
            ]
            for e in run.get("expectations") or []
        ]
    _insert_rows(con, "meta.runs", runs)
    _insert_rows(con, "meta.model_runs", models)
    _insert_rows(con, "meta.suite_runs", suites)
    _insert_rows(con, "meta.expectation_results", expectations)


def _insert_rows(con: duckdb.DuckDBPyConnection, table: str, rows: list[list]) -> None:
    """One INSERT of all rows, a list per column unnested side by side: executemany inserts row by row."""
    if not rows:
        return
    columns = [list(column) for column in zip(*rows)]
    con.execute(f"insert into {table} select {', '.join('unnest(?)' for _ in columns)}", columns)
