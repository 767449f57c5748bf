"""Does a Spark build equal the DuckDB build? Each table: column names and types, row counts, and
rows (EXCEPT ALL both ways, so duplicates count), all compared inside DuckDB."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..sql import quote, sql_literal
from .spark_outputs import parquet_files, table_dir


@dataclass
class TableComparison:
    table: str
    duckdb_rows: int
    spark_rows: int
    only_in_duckdb: int
    only_in_spark: int
    type_differences: list[str] = field(default_factory=list)  # "column: DUCKDB_TYPE vs SPARK_TYPE"

    @property
    def equal(self) -> bool:
        return not (
            self.type_differences or self.only_in_duckdb or self.only_in_spark or self.duckdb_rows != self.spark_rows
        )


def compare_table(con: duckdb.DuckDBPyConnection, table: str, spark_dir: Path) -> TableComparison:
    """`table` (schema.name) as `con` holds it, beside Spark's Parquet folder for it."""
    schema, name = table.split(".")
    ours = f"{quote(schema)}.{quote(name)}"
    theirs = f"read_parquet({sql_literal(parquet_files(table_dir(spark_dir, table)))})"
    ours_types = con.execute(f"describe select * from {ours}").fetchall()
    theirs_types = con.execute(f"describe select * from {theirs}").fetchall()
    differences = [
        f"{a[0] if a else '-'}: {a[1] if a else '-'} vs {b[0] + ' ' if b and a and b[0] != a[0] else ''}"
        f"{b[1] if b else '-'}"
        for a, b in _pairs([r[:2] for r in ours_types], [r[:2] for r in theirs_types])
        if a != b
    ]
    count = lambda sql: con.execute(f"select count(*) from ({sql})").fetchall()[0][0]  # noqa: E731
    rows_ours, rows_theirs = count(f"select * from {ours}"), count(f"select * from {theirs}")
    if differences:  # EXCEPT ALL needs the same columns
        return TableComparison(table, rows_ours, rows_theirs, 0, 0, differences)
    return TableComparison(
        table,
        rows_ours,
        rows_theirs,
        count(f"select * from {ours} except all select * from {theirs}"),
        count(f"select * from {theirs} except all select * from {ours}"),
    )


def _pairs(left: list, right: list) -> list[tuple]:
    return [
        (left[i] if i < len(left) else None, right[i] if i < len(right) else None)
        for i in range(max(len(left), len(right)))
    ]


def compare_builds(con: duckdb.DuckDBPyConnection, tables: list[str], spark_dir: Path) -> list[TableComparison]:
    return [compare_table(con, table, spark_dir) for table in tables]
