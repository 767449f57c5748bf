"""Run the models: each SELECT becomes a table in its schema, in dependency order, with its comments."""

from __future__ import annotations

import graphlib
import logging
import os
import re
import signal
import threading
import time
from concurrent.futures import FIRST_COMPLETED, Future, ThreadPoolExecutor, wait
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from ..errors import ClusterdwError, ModelError
from ..load.contracts import RAW_TABLES
from ..sql import one_statement, qualified, quote
from .descriptions import read_doc, write_comments
from .graph import MODEL_SCHEMAS, Model, ModelGraph, discover

log = logging.getLogger(__name__)

BUILD_THREADS_ENV = "CLUSTERDW_BUILD_THREADS"


@dataclass
class ModelResult:
    model: str
    status: str
    rows: int
    seconds: float
    error: str | None = None


_DUCKDB_LINE = re.compile(r"^(LINE (\d+): )(.*)\n( *)\^", re.MULTILINE)


def _where(path: Path, message: str) -> str:
    """`file:line:column` from DuckDB's `LINE n:` and caret, when it gives them. The model runs as
    `create or replace table ... as` + newline + its SQL (blank lines before it stripped), so DuckDB's
    line n is the file's line n - 1 + those blank lines."""
    found = _DUCKDB_LINE.search(message)
    if not found or int(found.group(2)) < 2:
        return str(path)
    text = path.read_text(encoding="utf-8")
    line = int(found.group(2)) - 1 + text[: len(text) - len(text.lstrip())].count("\n")
    if found.group(3).startswith("..."):  # DuckDB shows a window of a long line: the column is unknown
        return f"{path}:{line}"
    return f"{path}:{line}:{len(found.group(4)) - len(found.group(1)) + 1}"


def load_graph(project_dir: Path) -> ModelGraph:
    return ModelGraph(discover(project_dir), {f"raw.{t}" for t in RAW_TABLES})


def build_threads() -> int:
    """How many models build side by side: CLUSTERDW_BUILD_THREADS, else one. Two at once saved 9% of
    the build at 1M figures but cost 21% at 10M, where two large models share DuckDB's memory limit
    and spill (benchmarks/RESULTS.md): side by side is for projects whose models fit in memory."""
    value = os.environ.get(BUILD_THREADS_ENV)
    if not value:
        return 1
    if not value.isdigit() or int(value) < 1:
        raise ClusterdwError(
            f"{BUILD_THREADS_ENV}={value!r} is not a number of threads",
            BUILD_THREADS_ENV,
            "give a whole number of at least 1, or unset it",
        )
    return int(value)


def build(
    con: duckdb.DuckDBPyConnection, project_dir: Path, select: list[str] | None = None, progress=None
) -> list[ModelResult]:
    """Build the selected models, each as soon as the models it reads are built; with several threads
    (build_threads()) more than one at once, since DuckDB leaves cores idle in parts of a query (a
    window, a sort's merge, the write) that another model can use. At the first failure no new model
    starts; the ones running finish, and the failure is raised naming its file. Results come in
    dependency order."""
    graph = load_graph(project_dir)
    names = graph.select(select)
    for schema in MODEL_SCHEMAS:
        con.execute(f"create schema if not exists {quote(schema)}")
    chosen = set(names)
    sorter = graphlib.TopologicalSorter({name: graph.parents(name) & chosen for name in names})
    sorter.prepare()
    results: dict[str, ModelResult] = {}
    failures: list[ModelError] = []
    threads = build_threads()
    ready: list[str] = []
    with _Builders(con, threads) as builders, _ctrl_c_as_flag() as ctrl_c, _insertion_order_free(con):
        running: dict[Future, str] = {}
        try:
            while True:
                if ctrl_c.is_set():
                    raise KeyboardInterrupt
                ready += sorter.get_ready()
                while ready and not failures and len(running) < threads:  # none waits in a queue
                    name = ready.pop(0)
                    running[builders.submit(graph.models[name])] = name
                if not running:
                    break
                finished, _ = wait(running, timeout=0.1, return_when=FIRST_COMPLETED)  # so Ctrl-C is read
                for future in finished:
                    name = running.pop(future)
                    result, failure = future.result()
                    results[name] = result
                    if failure is not None:
                        failures.append(failure)
                        continue
                    sorter.done(name)
                    log.info("built %s: %d rows in %.2fs", name, result.rows, result.seconds)
                    if progress:
                        progress(name)
        except KeyboardInterrupt:
            builders.interrupt(running)
            raise
    ordered = [results[name] for name in names if name in results]
    if failures:
        failures[0].model_results = ordered  # so the run record shows what was built before it
        raise failures[0]
    return ordered


class _Builders:
    """Worker threads, each building models on a cursor of its own (a cursor is a connection to the
    same database, so it reads what the others have committed)."""

    def __init__(self, con: duckdb.DuckDBPyConnection, threads: int):
        self._con = con
        self._catalog = con.execute("select current_database()").fetchall()[0][0]
        self._local = threading.local()
        self._cursors: list[duckdb.DuckDBPyConnection] = []
        self._pool = ThreadPoolExecutor(threads, thread_name_prefix="clusterdw-model", initializer=_ignore_ctrl_c)

    def __enter__(self) -> _Builders:
        return self

    def __exit__(self, *exc) -> None:
        self._pool.shutdown(wait=True)
        for cursor in self._cursors:
            cursor.close()

    def submit(self, model: Model) -> Future:
        return self._pool.submit(self._build, model)

    def interrupt(self, running: dict[Future, str]) -> None:
        """Interrupt DuckDB on every cursor until the running models have stopped (again and again:
        an interrupt that comes before a statement begins is lost)."""
        while any(not future.done() for future in running):
            for cursor in list(self._cursors):
                cursor.interrupt()
            wait(running, timeout=0.05)

    def _cursor(self) -> duckdb.DuckDBPyConnection:
        cursor = getattr(self._local, "cursor", None)
        if cursor is None:
            cursor = self._local.cursor = self._con.cursor()
            cursor.execute(f"use {quote(self._catalog)}")
            self._cursors.append(cursor)
        return cursor

    def _build(self, model: Model) -> tuple[ModelResult, ModelError | None]:
        name, cursor, started = model.qualified_name, self._cursor(), time.perf_counter()
        table = qualified(model.schema, model.name)
        try:
            cursor.execute(one_statement(f"create or replace table {table} as\n{model.sql}"))
        except ValueError as error:  # sqlglot saw one SELECT where DuckDB's parser sees more
            failure = ModelError(
                f"model {model.name}: DuckDB reads more than one statement in it",
                model.path,
                "keep one SELECT per file; the pipeline creates the table",
            )
            return ModelResult(name, "error", 0, time.perf_counter() - started, str(error)), failure
        except duckdb.Error as error:
            message = str(error).splitlines()[0]
            fix = (
                "a model may read only the warehouse's tables (raw.x, staging.stg_x, marts.x), no file or URL"
                if isinstance(error, duckdb.PermissionException)
                else "fix the model's SQL or the data it reads"
            )
            failure = ModelError(f"model {model.name} failed in DuckDB: {message}", _where(model.path, str(error)), fix)
            failure.__cause__ = error
            return ModelResult(name, "error", 0, time.perf_counter() - started, message), failure
        write_comments(cursor, model.schema, model.name, read_doc(model.path), model.path)
        rows = cursor.execute(f"select count(*) from {table}").fetchall()[0][0]
        return ModelResult(name, "success", rows, time.perf_counter() - started), None


@contextmanager
def _insertion_order_free(con: duckdb.DuckDBPyConnection):
    """While models build, DuckDB need not keep a result's rows in the order its query made them: no
    model has an ORDER BY for readers but dim_year (kept: an ORDER BY is honoured either way), and
    keeping it costs fct_output_values 8.9 -> 6.1 s at 10M figures (int_figures: no change). The
    setting is the database's, so it is restored after."""
    ((previous,),) = con.execute("select current_setting('preserve_insertion_order')").fetchall()
    con.execute("set preserve_insertion_order = false")
    try:
        yield
    finally:
        con.execute(f"set preserve_insertion_order = {'true' if previous else 'false'}")


@contextmanager
def _ctrl_c_as_flag():
    """While models build, Ctrl-C sets a flag that the loop reads every 0.1 s, instead of raising
    wherever the main thread is. Raised inside concurrent.futures.wait, between its lock acquires, it
    leaves a future's lock held: the worker can never finish that future, and the run hangs (seen
    once in CI: tests/test_faults.py, Ctrl-C 0.3 s into the build). Off the main thread, where no
    handler can be set, Ctrl-C raises as usual."""
    pressed = threading.Event()
    if threading.current_thread() is not threading.main_thread():
        yield pressed
        return
    previous = signal.signal(signal.SIGINT, lambda *_: pressed.set())
    try:
        yield pressed
    finally:
        signal.signal(signal.SIGINT, previous)
    if pressed.is_set():  # pressed after the last model finished
        raise KeyboardInterrupt


def _ignore_ctrl_c() -> None:
    """Workers never take SIGINT: the main thread, waiting in Python, gets it and interrupts DuckDB."""
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
