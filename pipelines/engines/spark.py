"""`clusterdw build --engine spark`: raw/ loaded and checked under the contracts by DuckDB, as for
every build; the raw tables handed to Spark as Parquet; each model's SQL transpiled by sqlglot to
Spark SQL and run in graph order, its table written as Parquet to target/spark/<schema>/<model>/.

A model reads the tables before it from their Parquet folders (`parquet.`<folder>``), so each model
is one Spark job whose result is on disk, as a DuckDB table is, and `--select` can build one model
on the tables an earlier build left.
"""

from __future__ import annotations

import logging
import os
import re
import shutil
import time
from dataclasses import dataclass
from pathlib import Path

import duckdb
import sqlglot
from sqlglot import exp

from ..models.builder import ModelResult, load_graph
from ..load.contracts import RAW_TABLES
from ..errors import ModelError
from ..models.graph import Model
from ..load.loader import LoadResult, load
from ..sql import quote, sql_literal
from ..publish.warehouse import DEFAULT_MEMORY_LIMIT, MEMORY_LIMIT_ENV
from ..publish.atomic import replace_dir
from .spark_outputs import remove_stale, table_dir, temp_dir_for
from .spark_session import require_pyspark, start_session

log = logging.getLogger(__name__)


@dataclass
class SparkBuild:
    loads: list[LoadResult]
    models: list[ModelResult]
    session_seconds: float
    spark_dir: Path
    load_seconds: float = 0.0  # load and check raw/, and write it as Parquet


def spark_sql(model: Model, folder_of) -> str:
    """The model as Spark SQL, every table it reads replaced by the Parquet folder `folder_of` gives."""
    tree = sqlglot.parse_one(model.sql, read="duckdb")
    for table in tree.find_all(exp.Table):
        name = f"{table.db}.{table.name}" if table.db else table.name
        if name in model.depends_on:
            table.set("this", exp.to_identifier(str(folder_of(name)), quoted=True))
            table.set("db", exp.to_identifier("parquet"))
    return tree.sql(dialect="spark")


def write_raw(con: duckdb.DuckDBPyConnection, spark_dir: Path) -> None:
    """Each loaded raw table as Parquet in its own folder, written beside it and renamed into place."""
    for table in RAW_TABLES:
        final = table_dir(spark_dir, f"raw.{table}")
        final.parent.mkdir(parents=True, exist_ok=True)
        temp = temp_dir_for(final)
        temp.mkdir()
        con.execute(f"copy raw.{quote(table)} to {sql_literal(str(temp / 'part-0.parquet'))} "
                    "(format parquet, compression zstd)")
        replace_dir(temp, final)


def build_on_spark(project_dir: Path, spark_dir: Path, select: list[str] | None = None,
                   master: str | None = None, session=None) -> SparkBuild:
    """Load and check raw/, then build the selected models on Spark (a session is started unless given)."""
    graph = load_graph(project_dir)
    names = graph.select(select)
    if session is None:
        require_pyspark()
    spark_dir.mkdir(parents=True, exist_ok=True)
    remove_stale(spark_dir)
    started = time.perf_counter()
    con = duckdb.connect(config={"memory_limit": os.environ.get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT})
    try:
        loads = load(con, project_dir)
        write_raw(con, spark_dir)
    finally:
        con.close()
    load_seconds = time.perf_counter() - started
    _check_inputs_built(graph, names, spark_dir)
    seconds = 0.0
    if session is None:
        session, seconds = start_session(master, spark_dir / ".spark-warehouse")
    folder_of = lambda name: table_dir(spark_dir, name).resolve()  # noqa: E731
    results: list[ModelResult] = []
    for name in names:
        model = graph.models[name]
        results.append(_build_model(session, model, folder_of, table_dir(spark_dir, name)))
        if results[-1].status != "success":
            error = ModelError(f"model {model.name} failed on Spark: {results[-1].error}", model.path,
                               "fix the model's SQL, keeping to the subset both engines run (docs/spark.md)")
            error.model_results = results
            raise error
        log.info("built %s on spark: %d rows in %.2fs", name, results[-1].rows, results[-1].seconds)
    return SparkBuild(loads, results, seconds, spark_dir, load_seconds)


def _check_inputs_built(graph, names: list[str], spark_dir: Path) -> None:
    """A model selected alone reads what an earlier Spark build left: say which is missing."""
    chosen = set(names)
    for name in names:
        for parent in sorted(graph.parents(name) - chosen):
            if not table_dir(spark_dir, parent).is_dir():
                raise ModelError(f"model {graph.models[name].name} reads {parent}, which no Spark build has written",
                                 table_dir(spark_dir, parent),
                                 f"select its parents too (--select +{graph.models[name].name}) or build all first")


def _build_model(session, model: Model, folder_of, final: Path) -> ModelResult:
    started = time.perf_counter()
    final.parent.mkdir(parents=True, exist_ok=True)
    temp = temp_dir_for(final)
    try:
        sql = spark_sql(model, folder_of)
        session.sql(sql).write.parquet(str(temp.resolve()), compression="zstd")
        rows = _rows_written(temp)
    except Exception as error:  # pyspark's AnalysisException and the JVM's errors: the model failed
        shutil.rmtree(temp, ignore_errors=True)
        message = _first_line(error)
        return ModelResult(model.qualified_name, "error", 0, time.perf_counter() - started, message)
    replace_dir(temp, final)
    return ModelResult(model.qualified_name, "success", rows, time.perf_counter() - started)


def _rows_written(folder: Path) -> int:
    """Rows of a written table, from its Parquet footers (no Spark job)."""
    import pyarrow.parquet as pq

    return sum(pq.ParquetFile(part).metadata.num_rows for part in folder.glob("*.parquet"))


def _first_line(error: Exception) -> str:
    """Spark's message without its JVM stack, e.g. `[UNRESOLVED_COLUMN...] A column ... cannot be resolved`."""
    text = str(error).strip() or type(error).__name__
    # Spark's `line 1 pos N` counts in the transpiled SQL, not the model's file: left out
    return _SPARK_POSITION.sub("", text.splitlines()[0]).rstrip("; ")[:500]


_SPARK_POSITION = re.compile(r";? ?line \d+,? pos \d+")
