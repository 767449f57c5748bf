"""Where a Spark build's tables live: one Parquet folder per table, target/spark/<schema>/<table>/,
each written beside its place and renamed into it, so a reader never sees a half-written table."""

from __future__ import annotations

import shutil
import uuid
from pathlib import Path

import duckdb

from ..errors import ClusterdwError

from ..sql import quote, sql_literal

TEMP_PREFIX = ".writing-"


def table_dir(spark_dir: Path, qualified_name: str) -> Path:
    schema, name = qualified_name.split(".")
    return spark_dir / schema / name


def temp_dir_for(final: Path) -> Path:
    return final.with_name(f"{TEMP_PREFIX}{final.name}-{uuid.uuid4().hex[:8]}")


def remove_stale(spark_dir: Path) -> None:
    """Folders left half-written by a build that was killed."""
    for leftover in spark_dir.glob(f"*/{TEMP_PREFIX}*"):
        shutil.rmtree(leftover, ignore_errors=True)


def parquet_files(folder: Path) -> str:
    """The glob DuckDB reads a Spark-written table by (Spark writes part-*.parquet and _SUCCESS)."""
    return str(folder / "*.parquet")


def attach_outputs(con: duckdb.DuckDBPyConnection, spark_dir: Path, names: list[str]) -> list[str]:
    """Copy each built table of a Spark build into a DuckDB connection under its own name (schema.table),
    so the same SQL (GX suites' frames, comparisons) reads them. Returns the names found."""
    found = []
    for name in names:
        folder = table_dir(spark_dir, name)
        if not folder.is_dir():
            continue
        schema, table = name.split(".")
        con.execute(f"create schema if not exists {quote(schema)}")
        try:
            con.execute(f"create or replace table {quote(schema)}.{quote(table)} as "
                        f"select * from read_parquet({sql_literal(parquet_files(folder))})")
        except duckdb.Error as error:
            raise ClusterdwError(f"Spark output of {name} cannot be read: {str(error).splitlines()[0]}", folder,
                                 "build it again: clusterdw build --engine spark") from error
        found.append(name)
    return found
