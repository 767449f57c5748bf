"""`clusterdw build --engine spark`: raw/ loaded and checked under the contracts by DuckDB, as for
every build; the raw tables handed to Spark as Parquet; each model's SQL transpiled by sqlglot to
Spark SQL and run in graph order, its table written as Parquet to <spark-dir>/<schema>/<model>/.

A model reads the tables before it from their Parquet folders (`parquet.`<uri>``), so each model is
one Spark job whose result is on disk, as a DuckDB table is, and `--select` can build one model on
the tables an earlier build left. A table that several models read is read once and cached.

Before anything is loaded: --spark-dir's scheme is checked (spark_location) and the master dialled
(spark_cluster); the session is stopped on every way out of the build if the build started it.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import sqlglot
from sqlglot import exp

from ..errors import ClusterdwError, ModelError, SparkClusterError
from ..load.contracts import RAW_TABLES
from ..load.loader import LoadResult, load
from ..models.builder import ModelResult, load_graph
from ..models.graph import Model
from ..publish.warehouse import DEFAULT_MEMORY_LIMIT, MEMORY_LIMIT_ENV
from ..sql import quote, sql_literal
from .spark_cluster import Watchdog, check_reachable, looks_like_cluster_failure, wait_for_executors
from .spark_files import LocalFiles, files_for, remove_stale_folders, replace_folder, temp_uri_for
from .spark_location import SparkDir, parse_spark_dir
from .spark_outputs import TEMP_PREFIX
from .spark_session import SessionInfo, require_connect_client, require_pyspark, session_info, start_session

log = logging.getLogger(__name__)
CACHED_VIEW_PREFIX = "clusterdw_cached_"


@dataclass
class SparkBuild:
    loads: list[LoadResult]
    models: list[ModelResult]
    session_seconds: float
    spark_dir: SparkDir
    load_seconds: float = 0.0  # load and check raw/, and write it as Parquet
    session: SessionInfo | None = None


@dataclass
class Limits:
    """Seconds before the build, or one model, is ended as the cluster's failure (None: no limit)."""

    build: float | None = None
    model: float | None = None


def spark_sql(model: Model, folder_of, cached: set[str] = frozenset()) -> str:
    """The model as Spark SQL, every table it reads replaced by the Parquet folder `folder_of` gives
    (or, for a table in `cached`, by the view of its cached frame)."""
    tree = sqlglot.parse_one(model.sql, read="duckdb")
    for table in tree.find_all(exp.Table):
        name = f"{table.db}.{table.name}" if table.db else table.name
        if name in cached:
            table.set("this", exp.to_identifier(cached_view(name)))
            table.set("db", None)
        elif name in model.depends_on:
            table.set("this", exp.to_identifier(str(folder_of(name)), quoted=True))
            table.set("db", exp.to_identifier("parquet"))
    return tree.sql(dialect="spark")


def table_uri(spark_dir: SparkDir, qualified_name: str) -> str:
    return spark_dir.child(*qualified_name.split("."))


def export_raw(con: duckdb.DuckDBPyConnection, root: Path) -> dict[str, Path]:
    """Each loaded raw table as Parquet in its own folder on this machine, named as a half-written one."""
    folders = {}
    for table in sorted(RAW_TABLES):
        folder = Path(tempfile.mkdtemp(prefix=f"{TEMP_PREFIX}{table}-", dir=root))
        con.execute(
            f"copy raw.{quote(table)} to {sql_literal(str(folder / 'part-0.parquet'))} "
            "(format parquet, compression zstd)"
        )
        folders[table] = folder
    return folders


def build_on_spark(
    project_dir: Path,
    spark_dir: SparkDir | Path | str,
    select: list[str] | None = None,
    master: str | None = None,
    session=None,
    confs: dict[str, str] | None = None,
    limits: Limits | None = None,
    announce=None,
) -> SparkBuild:
    """Load and check raw/, then build the selected models on Spark (a session is started unless given,
    and stopped at the end). `announce(SessionInfo)` is called once the session runs."""
    spark_dir = spark_dir if isinstance(spark_dir, SparkDir) else parse_spark_dir(spark_dir)
    graph = load_graph(project_dir)
    names = graph.select(select)
    connect = bool(master) and master.startswith("sc://")
    if session is None:
        require_pyspark()
        if connect:
            require_connect_client()
            if spark_dir.local is None:
                raise ClusterdwError(
                    f"--spark-dir {spark_dir.uri} with Spark Connect: the client renames the "
                    "built folders itself, on this machine's file system",
                    "--spark-dir",
                    "use a file:// folder that this machine and the server's executors mount",
                )
        check_reachable(master)
    started = time.perf_counter()
    if spark_dir.local is not None:
        (spark_dir.local / "raw").mkdir(parents=True, exist_ok=True)
        remove_stale_folders(LocalFiles(), spark_dir)
        _check_inputs_built(LocalFiles(), graph, names, spark_dir)
    export_root = spark_dir.local / "raw" if spark_dir.local else Path(tempfile.mkdtemp(prefix="clusterdw-raw-"))
    con = duckdb.connect(config={"memory_limit": os.environ.get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT})
    try:
        loads = load(con, project_dir)
        exported = export_raw(con, export_root)
    finally:
        con.close()
    load_seconds = time.perf_counter() - started
    own, info = session is None, None
    try:
        if own:
            session, info = start_session(master, _warehouse_dir(spark_dir), confs)
        else:
            info = session_info(session, master)
        if not info.master.startswith("local") and info.executors is not None:
            info.executors = wait_for_executors(session, info.master)
        if announce:
            announce(info)
        files = files_for(session)
        started = time.perf_counter()
        if spark_dir.local is None:
            files.mkdirs(spark_dir.uri)
            remove_stale_folders(files, spark_dir)
            _check_inputs_built(files, graph, names, spark_dir)
        for table, folder in exported.items():
            temp = folder.as_uri() if spark_dir.local else temp_uri_for(table_uri(spark_dir, f"raw.{table}"))
            files.put(folder, temp)
            replace_folder(files, temp, table_uri(spark_dir, f"raw.{table}"))
        load_seconds += time.perf_counter() - started
        results = _build_models(
            session,
            graph,
            names,
            spark_dir,
            files,
            limits or Limits(),
            watch_executors=not info.master.startswith("local"),
        )
    finally:
        for folder in exported.values():
            shutil.rmtree(folder, ignore_errors=True)  # already moved into place unless the build failed first
        if spark_dir.local is None:
            shutil.rmtree(export_root, ignore_errors=True)
        if own and session is not None and info.created:  # not a session this process ran before the build
            _stop(session)
    return SparkBuild(loads, results, info.seconds, spark_dir, load_seconds, info)


def _build_models(
    session, graph, names: list[str], spark_dir: SparkDir, files, limits: Limits, watch_executors: bool
) -> list[ModelResult]:
    shared = SharedInputs(session, graph, names, spark_dir)
    folder_of = lambda name: table_uri(spark_dir, name)  # noqa: E731
    results: list[ModelResult] = []
    try:
        with Watchdog(session, limits.build, limits.model, watch_executors) as watchdog:
            for name in names:
                model = graph.models[name]
                watchdog.start_model(name)
                cached = shared.before(model)
                result = _build_model(session, model, folder_of, cached, files, table_uri(spark_dir, name), watchdog)
                results.append(result)
                if result.status != "success":
                    error = ModelError(
                        f"model {model.name} failed on Spark: {result.error}",
                        model.path,
                        "fix the model's SQL, keeping to the subset both engines run (docs/spark.md)",
                    )
                    error.model_results = results
                    raise error
                shared.after(model)
                log.info("built %s on spark: %d rows in %.2fs", name, result.rows, result.seconds)
    finally:
        shared.release_all()
    return results


class SharedInputs:
    """A table that several selected models read (raw.figures, marts.int_figures) is read from its Parquet
    folder once, cached (memory, then disk: a small executor spills rather than fails) and released after
    its last reader. A lost executor's cached blocks are read again from the folder."""

    def __init__(self, session, graph, names: list[str], spark_dir: SparkDir):
        self.session, self.graph, self.spark_dir = session, graph, spark_dir
        self.readers_left: dict[str, int] = {}
        for name in names:
            for table in graph.models[name].depends_on:
                self.readers_left[table] = self.readers_left.get(table, 0) + 1
        self.frames: dict[str, object] = {}

    def before(self, model: Model) -> set[str]:
        for table in model.depends_on:
            if self.readers_left.get(table, 0) > 1 and table not in self.frames:
                frame = self.session.read.parquet(table_uri(self.spark_dir, table))
                frame.persist()
                frame.createOrReplaceTempView(cached_view(table))
                self.frames[table] = frame
        return set(self.frames) & model.depends_on

    def after(self, model: Model) -> None:
        for table in model.depends_on:
            self.readers_left[table] -= 1
            if self.readers_left[table] == 0 and table in self.frames:
                self._release(table)

    def release_all(self) -> None:
        for table in list(self.frames):
            self._release(table)

    def _release(self, table: str) -> None:
        frame = self.frames.pop(table)
        try:
            self.session.catalog.dropTempView(cached_view(table))
            frame.unpersist()
        except Exception:  # noqa: BLE001 — a session that broke: it is stopped next
            log.debug("releasing the cache of %s failed", table, exc_info=True)


def cached_view(table: str) -> str:
    return CACHED_VIEW_PREFIX + table.replace(".", "_")


def _check_inputs_built(files, graph, names: list[str], spark_dir: SparkDir) -> None:
    """A model selected alone reads what an earlier Spark build left: say which is missing."""
    chosen = set(names)
    for name in names:
        for parent in sorted(graph.parents(name) - chosen):
            if not files.exists(table_uri(spark_dir, parent)):
                raise ModelError(
                    f"model {graph.models[name].name} reads {parent}, which no Spark build has written",
                    _shown(spark_dir, parent),
                    f"select its parents too (--select +{graph.models[name].name}) or build all first",
                )


def _build_model(session, model: Model, folder_of, cached: set[str], files, final: str, watchdog) -> ModelResult:
    started = time.perf_counter()
    temp = temp_uri_for(final)
    try:
        files.mkdirs(final.rsplit("/", 1)[0])
        sql = spark_sql(model, folder_of, cached)
        session.sql(sql).write.parquet(temp, compression="zstd")
        rows = files.count_rows(temp)
    except Exception as error:  # pyspark's AnalysisException, the JVM's and the cluster's errors
        _delete_quietly(files, temp)
        if watchdog.reason is not None:
            raise watchdog.reason from error
        if looks_like_cluster_failure(error):
            raise SparkClusterError(
                f"the Spark cluster failed while building {model.name}: {_first_line(error)}",
                "--master",
                "check the master's and workers' logs, then build again (the model's SQL is not the cause)",
            ) from error
        return ModelResult(model.qualified_name, "error", 0, time.perf_counter() - started, _first_line(error))
    replace_folder(files, temp, final)
    return ModelResult(model.qualified_name, "success", rows, time.perf_counter() - started)


def _delete_quietly(files, uri: str) -> None:
    try:
        files.delete(uri)
    except Exception:  # noqa: BLE001 — a broken session: the folder is removed at the next build
        log.debug("could not delete %s", uri, exc_info=True)


def _stop(session) -> None:
    try:
        session.stop()
    except Exception:  # noqa: BLE001 — a cluster that went away: nothing left to stop
        log.debug("stopping the Spark session failed", exc_info=True)


def _warehouse_dir(spark_dir: SparkDir) -> Path:
    """Spark's own catalog folder (unused, but Spark makes one): beside the tables, or in /tmp."""
    return (
        spark_dir.local / ".spark-warehouse"
        if spark_dir.local
        else Path(tempfile.gettempdir()) / "clusterdw-spark-warehouse"
    )


def _shown(spark_dir: SparkDir, qualified_name: str):
    return (
        spark_dir.local.joinpath(*qualified_name.split("."))
        if spark_dir.local
        else table_uri(spark_dir, qualified_name)
    )


def _first_line(error: Exception) -> str:
    """Spark's message without its JVM stack, e.g. `[UNRESOLVED_COLUMN...] A column ... cannot be resolved`."""
    text = str(error).strip() or type(error).__name__
    # Spark's `line 1 pos N` counts in the transpiled SQL, not the model's file: left out
    return _SPARK_POSITION.sub("", text.splitlines()[0]).rstrip("; ")[:500]


_SPARK_POSITION = re.compile(r";? ?line \d+,? pos \d+")
