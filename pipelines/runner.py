"""The jobs the CLI runs: the whole write-audit-publish run, and each step alone on the dev file."""

from __future__ import annotations

import logging
import time
import uuid
from contextlib import contextmanager
from dataclasses import asdict
from datetime import datetime, timezone
from pathlib import Path

from .publish import warehouse
from .models.builder import build, load_graph
from .errors import ClusterdwError, LockBusy
from .faults import fault_point
from .faults.signals import sigterm_as_ctrl_c, was_stopped, was_terminated
from .faults.space import disk_full, is_disk_full
from .load.loader import load
from .publish.lock import BuildGuard, run_lock
from .progress import model_progress
from .project import Project
from .publish.run_results import (RunRecord, append_history, last_success, now, refuse_planted_history, write_json,
                          write_meta)
from .publish.failures import write_table as write_failures_table
from .validate.suites import as_dicts, raise_on_critical, validate

log = logging.getLogger("clusterdw")


def new_run_id() -> str:
    return datetime.now(timezone.utc).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


@contextmanager
def timed(record: RunRecord, step: str):
    started = time.perf_counter()
    log.info("%s: started", step)
    try:
        yield
    finally:
        record.step_seconds[step] = round(time.perf_counter() - started, 3)
        log.info("%s: %.2fs", step, record.step_seconds[step])


def _load_build_validate(con, project: Project, record: RunRecord, docs: bool, select=None) -> None:
    fault_point("load")
    with timed(record, "load"):
        record.loads = [asdict(r) for r in load(con, project.project_dir)]
    fault_point("build")
    with timed(record, "build"), _progress(project, select) as progress:
        try:
            record.models = [asdict(r) for r in build(con, project.project_dir, select, progress)]
        except ClusterdwError as error:
            record.models = [asdict(r) for r in getattr(error, "model_results", [])]
            raise
    return _validate(con, project, record, docs, published=True)


def _validate(con, project: Project, record: RunRecord, docs: bool, published: bool = False,
              select: list[str] | None = None) -> list:
    """Run the suites, record their results (every failing row in target/failing_rows.json), and raise if
    a critical expectation failed."""
    from .publish import failures

    fault_point("validate")
    with timed(record, "validate"), warehouse.validation_memory(con):
        only = load_graph(project.project_dir).select(select) if select else None
        if only:
            _build_what_the_suites_read(con, project, only)
        results, summaries, docs_index = validate(con, project.project_dir, project.docs_dir if docs else None, only)
    record.expectations = as_dicts(results)
    record.suites = [asdict(s) | {"outcome": s.outcome} for s in summaries]
    record.docs = str(docs_index) if docs_index else None
    rows_file = project.target_dir / "failing_rows.json"
    critical = any(not r.success and r.severity == "critical" for r in results)
    record.failing_rows = failures.summary(results, rows_file, published=published and not critical)
    failures.write_rows_file(rows_file, record.run_id, results)
    raise_on_critical(results)
    return results


def _build_what_the_suites_read(con, project: Project, only: list[str]) -> None:
    """`check --select` after `build --select`: a selected suite also reads tables its model does not (the
    dimensions its keys resolve in, the metric catalogue). Those not built in the dev file are built
    first, with what they read, so the suites of the models just built run instead of being skipped."""
    from .models.graph import tables_read
    from .validate.suites import read_suites

    graph = load_graph(project.project_dir)
    built = {f"{schema}.{table}" for schema, table in con.execute(
        "select schema_name, table_name from duckdb_tables() where database_name = current_database()").fetchall()}
    wanted = {table for suite in read_suites(project.project_dir, only) for table in tables_read(suite.frame_sql)}
    missing = sorted(t for t in wanted if t in graph.models and t not in built)
    if missing:
        log.info("check: building %s, which the selected suites read", ", ".join(missing))
        build(con, project.project_dir, [f"+{name}" for name in missing])


def run(project: Project, *, wait: bool = False, if_changed: bool = False, docs: bool = True,
        export_dir: Path | None = None, report_dir: Path | None = None) -> RunRecord:
    """Load, build and validate into a new file; publish it only if every critical check passed."""
    warehouse.ensure_writable_dir(project.target_dir)
    warehouse.ensure_replaceable(project.db_path)
    with sigterm_as_ctrl_c(), run_lock(project.db_path, wait=wait):
        _wait_for_live_builds(project.db_path, wait)
        refuse_planted_history(project.run_history_path)
        record = RunRecord(new_run_id(), "run", now(), project.inputs_sha256(), str(project.db_path))
        previous = last_success(project.run_history_path, record.db)
        if if_changed and previous and previous.get("inputs_sha256") == record.inputs_sha256 \
                and project.db_path.exists():
            record.finish("skipped", f"inputs unchanged since run {previous['run_id']}")
            _record(project, record)
            return record
        for stale in warehouse.remove_stale_builds(project.db_path):
            log.warning("removed a build left by an earlier run that did not finish: %s", stale.name)
        build_path = warehouse.build_path_for(project.db_path, record.run_id)
        guard = None
        try:
            con = warehouse.connect(build_path)
            try:
                guard = BuildGuard(build_path)
                results = _load_build_validate(con, project, record, docs)
                record.finish("success")
                write_meta(con, project.run_history_path, asdict(record))
                write_failures_table(con, record.run_id, results)
                warehouse.seal(con, build_path)
            finally:
                con.close()
            with timed(record, "publish"):
                warehouse.audit(build_path, record.run_id, [m["model"] for m in record.models])
                warehouse.publish(build_path, project.db_path)
        except BaseException as error:  # Ctrl-C and SIGTERM too: never leave a half build behind
            written = _size_of_build(build_path)
            if guard is not None:  # its descriptor would keep the removed build's space taken
                guard.release()
            warehouse.remove_build(build_path)
            full = disk_full(project.target_dir, project.db_path, written) if is_disk_full(error) else None
            record.finish("failed", _what_stopped(full or error))
            record.violations = [str(v) for v in getattr(error, "violations", None) or []]
            _record(project, record)
            if full is not None:
                raise full from error
            raise
        finally:
            if guard is not None:
                guard.release()
        try:
            if export_dir is not None:
                from .publish.export import export

                fault_point("export")
                with timed(record, "export"):
                    record.export = str(export(project.db_path, export_dir, record.run_id))
            if report_dir is not None:
                from .report import build_report

                with timed(record, "report"):
                    record.report = str(build_report(project.db_path, report_dir))
        except BaseException as error:  # the warehouse is published: the run stays a success, noted
            step = "report" if record.export or export_dir is None else "export"
            record.error = f"published, but the {step} failed: " + _what_stopped(error)
            raise
        finally:
            _record(project, record)
        return record


def _wait_for_live_builds(db_path: Path, wait: bool, poll_seconds: float = 0.5) -> None:
    """Another run may be alive though we hold the lock: one whose lock file was unlinked under it.
    Its live build says so; it is never deleted, and this run refuses (or waits) as for a held lock."""
    waiting = False
    while live := warehouse.live_builds(db_path):
        if not wait:
            raise LockBusy("another clusterdw run is in progress (its lock file was removed)",
                           f"{live[0]} (being built)", "wait for it to finish, or pass --wait to queue behind it")
        if not waiting:
            log.info("waiting for the run building %s", live[0])
            waiting = True
        time.sleep(poll_seconds)


def _size_of_build(build_path: Path) -> int:
    wal = build_path.with_name(build_path.name + ".wal")
    return sum(p.stat().st_size for p in (build_path, wal) if p.exists())


def _what_stopped(error: BaseException) -> str:
    """The run history's line for an error: the error's own line, or which signal stopped the run."""
    if isinstance(error, KeyboardInterrupt) or was_stopped() or (
            isinstance(error, RuntimeError) and str(error) == "Query interrupted"):
        return "terminated (SIGTERM)" if was_terminated() else "interrupted (Ctrl-C)"
    return error.one_line() if isinstance(error, ClusterdwError) else repr(error)


def _progress(project: Project, select):
    """A bar over the models to build, on a terminal only (counting them parses the graph, so lazily)."""
    return model_progress(lambda: len(load_graph(project.project_dir).select(select)))


def _record(project: Project, record: RunRecord) -> None:
    """Write the run's record; a full disk here is a warning, never a reason to hide the run's outcome."""
    try:
        write_json(project.run_results_path, record)
        append_history(project.run_history_path, record)
    except OSError as error:
        project.run_results_path.with_name(project.run_results_path.name + ".tmp").unlink(missing_ok=True)
        log.warning("could not record run %s in %s: %s", record.run_id, project.target_dir, error.strerror)


def step(project: Project, name: str, select: list[str] | None = None, docs: bool = False) -> RunRecord:
    """Run one step (load, build or check) on the dev file, next to the published one."""
    warehouse.ensure_writable_dir(project.target_dir)
    record = RunRecord(new_run_id(), name, now())
    with run_lock(project.dev_db_path):
        con = warehouse.connect(project.dev_db_path)
        try:
            if name == "load":
                with timed(record, "load"):
                    record.loads = [asdict(r) for r in load(con, project.project_dir)]
            elif name == "build":
                if not _has_schema(con, "raw"):
                    with timed(record, "load"):
                        record.loads = [asdict(r) for r in load(con, project.project_dir)]
                with timed(record, "build"), _progress(project, select) as progress:
                    record.models = [asdict(r) for r in build(con, project.project_dir, select, progress)]
            elif name == "check":
                if not _has_schema(con, "marts"):
                    raise ClusterdwError("the dev file holds no built models", project.dev_db_path,
                                         "run `clusterdw build` first (or `clusterdw run` for the whole job)")
                _validate(con, project, record, docs, select=select)
        finally:
            con.close()
    record.finish("success")
    return record


def _has_schema(con, schema: str) -> bool:
    return bool(con.execute("select count(*) from duckdb_tables() where schema_name = ? "
                            "and database_name = current_database()", [schema]).fetchall()[0][0])
