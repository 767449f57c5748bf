"""Run the models: each SELECT becomes a table in its schema, in dependency order, with its comments."""

from __future__ import annotations

import logging
import re
import signal
import threading
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb

from .contracts import RAW_TABLES
from .descriptions import read_doc, write_comments
from .errors import ModelError
from .graph import MODEL_SCHEMAS, ModelGraph, discover

log = logging.getLogger(__name__)


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


def execute_interruptibly(con: duckdb.DuckDBPyConnection, sql: str) -> None:
    """Run one statement in a worker thread while this one waits in Python, so that Ctrl-C is felt at
    once and interrupts DuckDB (which looks for signals only between its tasks, and a long model may
    be one endless task); the KeyboardInterrupt then goes on up, and the run deletes its build."""
    failure: list[BaseException] = []
    done = threading.Event()  # not Thread.join: a join cut by Ctrl-C may think the thread ended

    def work() -> None:
        try:
            con.execute(sql)
        except BaseException as error:  # handed to the waiting thread, raised there
            failure.append(error)
        finally:
            done.set()

    worker = threading.Thread(target=work, name="clusterdw-model", daemon=True)
    mask = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # Ctrl-C waits until the worker runs
    try:
        try:
            worker.start()
        finally:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
        while not done.wait(0.1):
            pass
    except KeyboardInterrupt:
        while not done.wait(0.05):  # again and again: an interrupt before the statement began is lost
            con.interrupt()
        raise
    if failure:
        raise failure[0]


def load_graph(project_dir: Path) -> ModelGraph:
    return ModelGraph(discover(project_dir), {f"raw.{t}" for t in RAW_TABLES})


def build(con: duckdb.DuckDBPyConnection, project_dir: Path, select: list[str] | None = None,
          progress=None) -> list[ModelResult]:
    """Build the selected models; stop at the first that fails, naming its file."""
    graph = load_graph(project_dir)
    names = graph.select(select)
    for schema in MODEL_SCHEMAS:
        con.execute(f"create schema if not exists {schema}")
    results: list[ModelResult] = []
    for name in names:
        model = graph.models[name]
        started = time.perf_counter()
        try:
            execute_interruptibly(con, f"create or replace table {name} as\n{model.sql}")
        except duckdb.Error as error:
            message = str(error).splitlines()[0]
            results.append(ModelResult(name, "error", 0, time.perf_counter() - started, message))
            failure = ModelError(f"model {model.name} failed in DuckDB: {message}", _where(model.path, str(error)),
                                 "fix the model's SQL or the data it reads")
            failure.model_results = results  # so the run record shows what was built before it
            raise failure from error
        write_comments(con, name, read_doc(model.path), model.path)
        rows = con.execute(f"select count(*) from {name}").fetchall()[0][0]
        seconds = time.perf_counter() - started
        results.append(ModelResult(name, "success", rows, seconds))
        log.info("built %s: %d rows in %.2fs", name, rows, seconds)
        if progress:
            progress(name)
    return results
