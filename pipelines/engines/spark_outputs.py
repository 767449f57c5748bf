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
MARKER = ".clusterdw-spark"  # in every folder a Spark build writes: only such a folder is written into
_BUILD_FILES = ("*.parquet", ".*.crc", "_SUCCESS", "log4j2.properties", "spark.lock")


def table_dir(spark_dir: Path, qualified_name: str) -> Path:
    schema, name = qualified_name.split(".")
    return spark_dir / schema / name


def temp_dir_for(final: Path) -> Path:
    return final.with_name(f"{TEMP_PREFIX}{final.name}-{uuid.uuid4().hex[:8]}")


def claim(spark_dir: Path) -> None:
    """Make `spark_dir` a Spark build's folder, refusing (exit 6) one that holds anything else: a build
    replaces <spark-dir>/raw/figures/ and the like, which in a project folder are its raw CSVs. A
    folder is a build's when it holds MARKER (a regular file, not a link), or only what a build writes
    (Parquet folders of a build from before the marker)."""
    import os
    import stat

    from ..errors import PathRefused
    from ..publish.safe_open import open_own

    if spark_dir.is_symlink() or spark_dir.exists() and not spark_dir.is_dir():
        what = "a symbolic link" if spark_dir.is_symlink() else "a file"
        raise PathRefused(
            f"the --spark-dir path is {what}, not a folder",
            spark_dir,
            "give a folder for the Spark build's Parquet (default: target/spark/)",
        )
    if spark_dir.is_dir():
        try:
            marked = stat.S_ISREG(os.lstat(spark_dir / MARKER).st_mode)
        except FileNotFoundError:
            marked = False
        foreign = (
            None
            if marked
            else next(
                (
                    p
                    for p in spark_dir.rglob("*")
                    if not p.is_dir() or p.is_symlink()
                    if not any(p.match(pattern) for pattern in _BUILD_FILES)
                ),
                None,
            )
        )
        if foreign is not None:
            raise PathRefused(
                f"refusing to write a Spark build into a folder holding files clusterdw did not "
                f"write ({foreign.relative_to(spark_dir)}, ...)",
                spark_dir,
                "give --spark-dir an empty or new folder (default: target/spark/)",
            )
    try:
        spark_dir.mkdir(parents=True, exist_ok=True)
        with open_own(spark_dir / MARKER, "a+") as marker:
            marker.seek(0)
            if not marker.read():
                marker.write("written by clusterdw build --engine spark\n")
    except OSError as error:
        raise ClusterdwError(
            f"cannot create the Spark folder: {error.strerror}", spark_dir, "give a writable --spark-dir folder"
        ) from error


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
            con.execute(
                f"create or replace table {quote(schema)}.{quote(table)} as "
                f"select * from read_parquet({sql_literal(parquet_files(folder))})"
            )
        except duckdb.Error as error:
            raise ClusterdwError(
                f"Spark output of {name} cannot be read: {str(error).splitlines()[0]}",
                folder,
                "build it again: clusterdw build --engine spark",
            ) from error
        found.append(name)
    return found
