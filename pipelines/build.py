"""Run the models: each SELECT becomes a table in its schema, in dependency order, with its comments."""

from __future__ import annotations

import logging
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
            con.execute(f"create or replace table {name} as\n{model.sql}")
        except duckdb.Error as error:
            message = str(error).splitlines()[0]
            results.append(ModelResult(name, "error", 0, time.perf_counter() - started, message))
            raise ModelError(f"model {model.name} failed in DuckDB: {message}", model.path,
                             "fix the model's SQL or the data it reads") from error
        write_comments(con, name, read_doc(model.path), model.path)
        rows = con.execute(f"select count(*) from {name}").fetchall()[0][0]
        seconds = time.perf_counter() - started
        results.append(ModelResult(name, "success", rows, seconds))
        log.info("built %s: %d rows in %.2fs", name, rows, seconds)
        if progress:
            progress(name)
    return results
