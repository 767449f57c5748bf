"""The Spark jobs the CLI runs: `build --engine spark` and `check --engine spark`, each under the
project's Spark lock (target/spark.lock), never touching the DuckDB files."""

from __future__ import annotations

import time
from pathlib import Path

import duckdb

from ..errors import ClusterdwError
from ..load.contracts import RAW_TABLES
from ..models.graph import MODEL_SCHEMAS
from ..project import Project
from ..publish.lock import run_lock
from ..publish.run_results import RunRecord, now
from ..runner import new_run_id
from .spark import Limits, build_on_spark
from .spark_location import parse_spark_dir
from .spark_outputs import attach_outputs, claim


def spark_build(
    project: Project,
    spark_dir: Path | str,
    select: list[str] | None,
    master: str | None,
    session=None,
    confs: dict[str, str] | None = None,
    limits: Limits | None = None,
    announce=None,
) -> RunRecord:
    """`spark_dir`: a local folder or a URI (file://, hdfs://); refused before anything runs if its scheme
    is not one a build can write to (spark_location)."""
    record = RunRecord(new_run_id(), "build --engine spark", now())
    location = parse_spark_dir(spark_dir)
    if location.local is not None:
        claim(location.local)  # before anything is loaded or written: never into a folder of someone else's
    # a folder on another file system is locked on this machine, in target/ (one build at a time from here)
    lock_path = location.local or project.target_dir / "spark-remote"
    lock_path.parent.mkdir(parents=True, exist_ok=True)
    started = time.perf_counter()
    with run_lock(lock_path):
        result = build_on_spark(project.project_dir, location, select, master, session, confs, limits, announce)
    record.loads, record.models = result.loads, result.models
    total = time.perf_counter() - started
    record.step_seconds = {
        "load and raw to Parquet": round(result.load_seconds, 3),
        "spark session": round(result.session_seconds, 3),
        "models": round(total - result.load_seconds - result.session_seconds, 3),
        "build without session": round(total - result.session_seconds, 3),
    }
    record.finish("success")
    return record


def spark_check(project: Project, spark_dir: Path, docs: bool) -> RunRecord:
    """The GX suites of checks/ on a Spark build's tables: the Parquet folders read into DuckDB in memory,
    then validated as the DuckDB build's tables are (GX's pandas datasource)."""
    from ..models.graph import discover
    from ..validate.suites import raise_on_critical, validate

    record = RunRecord(new_run_id(), "check --engine spark", now())
    names = [
        f"{schema}.{path.stem}"
        for schema in MODEL_SCHEMAS
        for path in sorted((project.project_dir / schema).glob("*.sql"))
    ]
    discover(project.project_dir)  # a model outside the portable subset is an error here too
    if not spark_dir.is_dir():
        raise ClusterdwError("no Spark build to check", spark_dir, "run `clusterdw build --engine spark` first")
    con = duckdb.connect()
    try:
        with run_lock(spark_dir):
            if not attach_outputs(con, spark_dir, [n for n in names if n.startswith("marts.")]):
                raise ClusterdwError("no Spark build to check", spark_dir, "run `clusterdw build --engine spark` first")
            attach_outputs(con, spark_dir, [f"raw.{t}" for t in RAW_TABLES] + names)  # frames join raw
        started = time.perf_counter()
        results, summaries, docs_index = validate(con, project.project_dir, project.docs_dir if docs else None)
        record.step_seconds["validate"] = round(time.perf_counter() - started, 3)
    finally:
        con.close()
    record.expectations, record.suites = results, summaries
    record.docs = str(docs_index) if docs_index else None
    raise_on_critical(results)
    record.finish("success")
    return record
