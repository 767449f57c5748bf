"""`clusterdw test --engine spark`: the unit tests of the models' .yml run on Spark.

The given rows are written into DuckDB's typed empty warehouse, as for a DuckDB run, and each table the
model reads is handed to Spark as Parquet (as a Spark build hands it raw/), read as a temporary view.
The model's SQL goes through the build's own transpile path (`spark_sql`), its rows come back to DuckDB
as an Arrow table (Spark's types kept), and are compared with the expected rows exactly as on DuckDB:
the same verdicts and the same rows that differ.
"""

from __future__ import annotations

import logging
import shutil
import tempfile
from pathlib import Path

import duckdb

from ..models.graph import Model
from ..models.unit_tests import ModelRunFailed, Outcome, collect, empty_warehouse, run_test
from ..sql import qualified, sql_literal
from .spark import _first_line, _stop, cached_view, spark_sql
from .spark_session import SessionInfo, start_session

log = logging.getLogger(__name__)
ACTUAL = "spark_actual"  # the model's rows on Spark, as an Arrow table DuckDB reads


class SparkEngine:
    """Runs one model on the tables DuckDB holds for the current test; each run in a folder of its own."""

    def __init__(self, session, root: Path):
        self.session, self.root, self.runs = session, root, 0

    def __call__(self, con: duckdb.DuckDBPyConnection, model: Model) -> str:
        self.runs += 1
        folder = self.root / f"run-{self.runs}"
        views = []
        try:
            for table in sorted(model.depends_on):
                given = folder / "given" / table
                given.mkdir(parents=True)
                con.execute(
                    f"copy (select * from {qualified(*table.split('.'))}) to "
                    f"{sql_literal(str(given / 'part-0.parquet'))} (format parquet)"
                )
                self.session.read.parquet(given.as_uri()).createOrReplaceTempView(cached_view(table))
                views.append(cached_view(table))
            sql = spark_sql(model, lambda name: name, cached=set(model.depends_on))
            actual = self.session.sql(sql).toArrow()
        except Exception as error:  # pyspark's AnalysisException and the JVM's errors
            raise ModelRunFailed(f"on Spark: {_first_line(error)}") from error
        finally:
            for view in views:
                self.session.catalog.dropTempView(view)
        con.register(ACTUAL, actual)
        return f"select * from {ACTUAL}"


def run_unit_tests_on_spark(
    project_dir: Path, select: list[str] | None = None, session=None, announce=None
) -> list[Outcome]:
    """The selected models' unit tests on Spark: a local session is started unless one is given, and
    stopped on every way out if it was started here. `announce(SessionInfo)` once the session runs."""
    graph, tests = collect(project_dir, select)
    if not tests:
        return []
    con = empty_warehouse(project_dir)
    root = Path(tempfile.mkdtemp(prefix="clusterdw-unit-tests-"))
    info: SessionInfo | None = None
    own = session is None
    try:
        if own:
            session, info = start_session(None, root / "spark-warehouse")
            if announce:
                announce(info)
        engine = SparkEngine(session, root)
        return [run_test(con, graph, test, engine) for test in tests]
    finally:
        con.close()
        if own and session is not None and info is not None and info.created:
            _stop(session)
        shutil.rmtree(root, ignore_errors=True)
