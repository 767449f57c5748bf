"""The jobs the CLI runs: the whole write-audit-publish run, and each step alone on the dev file."""

from __future__ import annotations

import logging
import time
import uuid
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from .errors import ClusterdwError, LockBusy, ModelError
from .faults import fault_point
from .faults.signals import raise_if_stopped, sigterm_as_ctrl_c, was_stopped, was_terminated
from .load.loader import load
from .models.builder import build, load_graph
from .project import Project
from .publish import transaction, warehouse
from .publish.failures import write_table as write_failures_table
from .publish.lock import run_lock
from .publish.run_results import (
    RunRecord,
    append_history,
    last_success,
    now,
    refuse_planted_history,
    write_json,
    write_meta,
)
from .publish.sandbox import seal_off_files
from .publish.shrink import published_figure_count, refuse_shrink
from .validate.suites import raise_on_critical, validate

log = logging.getLogger("clusterdw")

# The observer of the models' build a caller may pass in (the CLI's progress bar): given a way to count the
# models, it yields the callback build() calls with each model's name as it finishes, or None for none.
ModelProgress = Callable[[Callable[[], int]], AbstractContextManager[Callable[[str], None] | None]]


def no_progress(count: Callable[[], int]) -> AbstractContextManager[None]:
    return nullcontext(None)


def new_run_id() -> str:
    return datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ") + "-" + uuid.uuid4().hex[:6]


@contextmanager
def timed(record: RunRecord, step: str):
    raise_if_stopped()  # a signal whose KeyboardInterrupt Python swallowed stops the run here
    started = time.perf_counter()
    log.info("%s: started", step)
    try:
        yield
    finally:
        record.step_seconds[step] = round(time.perf_counter() - started, 3)
        log.info("%s: %.2fs", step, record.step_seconds[step])


def _load_build_validate(
    con,
    project: Project,
    record: RunRecord,
    docs: bool,
    progress: ModelProgress,
    select=None,
    published_figures: int | None = None,
) -> list:
    fault_point("load")
    with timed(record, "load"):
        record.loads = load(con, project.project_dir)
    if published_figures is not None:  # a run that would lose most of the published figures stops
        refuse_shrink(con, published_figures)
    seal_off_files(con, [project.run_history_path])  # models and suites read the warehouse only
    fault_point("build")
    with timed(record, "build"), _progress(project, select, progress) as on_model:
        try:
            record.models = build(con, project.project_dir, select, on_model)
        except ModelError as error:
            record.models = list(error.model_results)
            raise
    return _validate(con, project, record, docs, published=True)


def _validate(
    con, project: Project, record: RunRecord, docs: bool, published: bool = False, select: list[str] | None = None
) -> list:
    """Run the suites, record their results (every failing row in target/failing_rows.json), and raise if
    a critical expectation failed."""
    from .publish import failures

    fault_point("validate")
    with timed(record, "validate"), warehouse.validation_memory(con):
        only = load_graph(project.project_dir).select(select) if select else None
        if only:
            _build_what_the_suites_read(con, project, only)
        results, summaries, docs_index = validate(con, project.project_dir, project.docs_dir if docs else None, only)
    record.expectations, record.suites = results, summaries
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
    built = {
        f"{schema}.{table}"
        for schema, table in con.execute(
            "select schema_name, table_name from duckdb_tables() where database_name = current_database()"
        ).fetchall()
    }
    wanted = {table for suite in read_suites(project.project_dir, only) for table in tables_read(suite.frame_sql)}
    missing = sorted(t for t in wanted if t in graph.models and t not in built)
    if missing:
        log.info("check: building %s, which the selected suites read", ", ".join(missing))
        build(con, project.project_dir, [f"+{name}" for name in missing])


def run(
    project: Project,
    *,
    wait: bool = False,
    if_changed: bool = False,
    docs: bool = True,
    export_dir: Path | None = None,
    report_dir: Path | None = None,
    progress: ModelProgress = no_progress,
    allow_shrink: bool = False,
) -> RunRecord:
    """Load, build and validate into a new file; publish it only if every critical check passed."""
    warehouse.ensure_writable_dir(project.target_dir)
    warehouse.ensure_replaceable(project.db_path)
    with sigterm_as_ctrl_c(), run_lock(project.db_path, wait=wait):
        _wait_for_live_builds(project.db_path, wait)
        refuse_planted_history(project.run_history_path)
        record = RunRecord(new_run_id(), "run", now(), project.inputs_sha256(), str(project.db_path))
        previous_run = _unchanged_since_last_success(project, record) if if_changed else None
        if previous_run is not None:
            _export_if_missing(project, record, export_dir, previous_run)
            return record
        published_figures = None if allow_shrink else published_figure_count(project.db_path)
        _write_audit_publish(project, record, docs, progress, published_figures)
        _export_and_report(project, record, export_dir, report_dir)
        return record


def _unchanged_since_last_success(project: Project, record: RunRecord) -> str | None:
    """--if-changed: the inputs are those of the last successful run and its file is there: skipped, and
    that run's id returned (None: the run goes on)."""
    previous = last_success(project.run_history_path, record.db)
    if previous and previous.get("inputs_sha256") == record.inputs_sha256 and project.db_path.exists():
        record.finish("skipped", f"inputs unchanged since run {previous['run_id']}")
        return previous["run_id"]
    return None


def _export_if_missing(project: Project, record: RunRecord, export_dir: Path | None, previous_run: str) -> None:
    """A skipped run still makes an export asked for and missing (or of an older warehouse)."""
    try:
        if export_dir is not None and not _exported(export_dir, project.db_path, previous_run):
            from .publish.export import export

            with timed(record, "export"):
                record.export = str(export(project.db_path, export_dir, previous_run))
    finally:
        _record(project, record)


def _exported(export_dir: Path, db_path: Path, run_id: str) -> bool:
    """True when `export_dir` holds the export of the published file made by run `run_id`."""
    from .publish.export import read_manifest

    manifest = read_manifest(export_dir) if export_dir.is_dir() else None
    return bool(manifest) and manifest.get("run_id") == run_id and manifest.get("warehouse") == str(db_path.absolute())


def _write_audit_publish(
    project: Project, record: RunRecord, docs: bool, progress: ModelProgress, published_figures: int | None
) -> None:
    """The run's own file, published only if all went well; on failure the run is recorded as failed."""
    try:
        with transaction.build_file(
            project.db_path, record.run_id, publishing=lambda: timed(record, "publish")
        ) as build:
            results = _load_build_validate(
                build.con, project, record, docs, progress, published_figures=published_figures
            )
            record.finish("success")
            write_meta(build.con, project.run_history_path, record.as_json())
            write_failures_table(build.con, record.run_id, results)
            build.tables = [m.model for m in record.models]
    except BaseException as error:
        record.finish("failed", _what_stopped(error))
        record.violations = [str(v) for v in error.violations] if isinstance(error, ClusterdwError) else []
        _record(project, record)
        raise


def _export_and_report(project: Project, record: RunRecord, export_dir: Path | None, report_dir: Path | None) -> None:
    """After the publish: the warehouse is published, so a failure here leaves the run a success, noted."""
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
    except BaseException as error:
        step = "report" if record.export or export_dir is None else "export"
        record.error = f"published, but the {step} failed: " + _what_stopped(error)
        raise
    finally:
        _record(project, record)


def _wait_for_live_builds(db_path: Path, wait: bool, poll_seconds: float = 0.5) -> None:
    """Another run may be alive though we hold the lock: one whose lock file was unlinked under it.
    Its live build says so; it is never deleted, and this run refuses (or waits) as for a held lock."""
    waiting = False
    while live := warehouse.live_builds(db_path):
        if not wait:
            raise LockBusy(
                "another clusterdw run is in progress (its lock file was removed)",
                f"{live[0]} (being built)",
                "wait for it to finish, or pass --wait to queue behind it",
            )
        if not waiting:
            log.info("waiting for the run building %s", live[0])
            waiting = True
        time.sleep(poll_seconds)


def _what_stopped(error: BaseException) -> str:
    """The run history's line for an error: the error's own line, or which signal stopped the run."""
    if (
        isinstance(error, KeyboardInterrupt)
        or was_stopped()
        or (isinstance(error, RuntimeError) and str(error) == "Query interrupted")
    ):
        return "terminated (SIGTERM)" if was_terminated() else "interrupted (Ctrl-C)"
    return error.one_line() if isinstance(error, ClusterdwError) else repr(error)


def _progress(project: Project, select, progress: ModelProgress):
    """The caller's observer over the models to build (counting them parses the graph, so lazily)."""
    return progress(lambda: len(load_graph(project.project_dir).select(select)))


def _record(project: Project, record: RunRecord) -> None:
    """Write the run's record; a full disk here is a warning, never a reason to hide the run's outcome."""
    try:
        write_json(project.run_results_path, record)
        append_history(project.run_history_path, record)
    except OSError as error:
        project.run_results_path.with_name(project.run_results_path.name + ".tmp").unlink(missing_ok=True)
        log.warning("could not record run %s in %s: %s", record.run_id, project.target_dir, error.strerror)


@contextmanager
def _dev_step(project: Project, command: str) -> Iterator[tuple[duckdb.DuckDBPyConnection, RunRecord]]:
    """One step on the dev file, next to the published one, under the dev file's lock: its connection and
    its record, finished as a success when the step returns."""
    warehouse.ensure_writable_dir(project.target_dir)
    _refuse_linked_dev_file(project.dev_db_path)
    record = RunRecord(new_run_id(), command, now())
    with run_lock(project.dev_db_path):
        con = warehouse.connect(project.dev_db_path)
        try:
            yield con, record
        finally:
            con.close()
    record.finish("success")


def load_step(project: Project) -> RunRecord:
    """`clusterdw load`: raw/ into schema raw of the dev file, every contract checked."""
    with _dev_step(project, "load") as (con, record), timed(record, "load"):
        record.loads = load(con, project.project_dir)
    return record


def build_step(project: Project, select: list[str] | None = None, progress: ModelProgress = no_progress) -> RunRecord:
    """`clusterdw build`: the models into the dev file, loading raw/ first if it holds none."""
    with _dev_step(project, "build") as (con, record):
        if not _has_schema(con, "raw"):
            with timed(record, "load"):
                record.loads = load(con, project.project_dir)
        seal_off_files(con)  # models read the warehouse only
        with timed(record, "build"), _progress(project, select, progress) as on_model:
            record.models = build(con, project.project_dir, select, on_model)
    return record


def check_step(project: Project, docs: bool = False, select: list[str] | None = None) -> RunRecord:
    """`clusterdw check`: the suites of checks/ on the dev file's built models."""
    with _dev_step(project, "check") as (con, record):
        if not _has_schema(con, "marts"):
            raise ClusterdwError(
                "the dev file holds no built models",
                project.dev_db_path,
                "run `clusterdw build` first (or `clusterdw run` for the whole job)",
            )
        seal_off_files(con)  # suites read the warehouse only
        _validate(con, project, record, docs, select=select)
    return record


def _refuse_linked_dev_file(dev_db_path: Path) -> None:
    """The dev file and its WAL are clusterdw's, kept by name in target/: a link planted there would make
    `load` write into whatever database it points to."""
    from .errors import PathRefused

    for path in (dev_db_path, dev_db_path.with_name(dev_db_path.name + ".wal")):
        if path.is_symlink():
            raise PathRefused(
                "refusing to open a symbolic link where clusterdw keeps its own file",
                path,
                "remove it: clusterdw creates this file itself (and check who planted it)",
            )


def _has_schema(con, schema: str) -> bool:
    return bool(
        con.execute(
            "select count(*) from duckdb_tables() where schema_name = ? and database_name = current_database()",
            [schema],
        ).fetchall()[0][0]
    )
