"""Every row that failed an expectation, by its key, kept where the next question looks for it.

A run's record (run_results.json, the history, `clusterdw status`) keeps per failed expectation its
count and first rows; all of them go to target/failing_rows.json beside run_results.json (what a
failed run leaves), and a run that publishes with warnings also writes them into its warehouse as
meta.expectation_failures, one row per failing row.
"""

from __future__ import annotations

import json
import os
import uuid
from pathlib import Path

import duckdb

from .safe_open import create_new

FIRST_ROWS = 5  # failing rows a run record shows per expectation
META_TABLE = "meta.expectation_failures"


def failed(results) -> list:
    return [r for r in results if not r.success]


def summary(results, rows_file: Path, published: bool = False) -> list[dict]:
    """Per failed expectation: its count, its first failing rows and where the rest are."""
    where = str(rows_file) + (f", {META_TABLE}" if published else "")
    return [
        {
            "suite": r.suite,
            "table": r.table,
            "expectation": r.expectation,
            "column": r.column,
            "severity": r.severity,
            "unexpected_count": r.unexpected_count,
            "keyed_rows": len(r.failing_rows or []),
            "first_rows": (r.failing_rows or [])[:FIRST_ROWS],
            "all_rows_in": where if r.failing_rows else None,
        }
        for r in failed(results)
    ]


def write_rows_file(path: Path, run_id: str, results) -> None:
    """target/failing_rows.json: every failing row of this run, or no file when nothing failed (a file
    left by an earlier run would be read as this one's). Written under a new name, then renamed."""
    failures = failed(results)
    if not failures:
        path.unlink(missing_ok=True)
        return
    document = {
        "run_id": run_id,
        "failures": [
            {
                "suite": r.suite,
                "table": r.table,
                "expectation": r.expectation,
                "column": r.column,
                "severity": r.severity,
                "unexpected_count": r.unexpected_count,
                "rows": r.failing_rows or [],
            }
            for r in failures
        ],
    }
    tmp = path.with_name(f".{path.name}.{uuid.uuid4().hex}.tmp")
    handle = create_new(tmp)
    try:
        with handle:
            handle.write(json.dumps(document, ensure_ascii=False, indent=1, default=str).encode("utf-8"))
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise


def write_table(con: duckdb.DuckDBPyConnection, run_id: str, results) -> None:
    """meta.expectation_failures of the warehouse a run publishes: its own failing rows, one per row."""
    con.execute(f"""
        create or replace table {META_TABLE} (
            run_id varchar, suite varchar, table_name varchar, expectation varchar, column_name varchar,
            severity varchar, row_key json, figure_id varchar, source varchar)""")
    con.execute(
        f"comment on table {META_TABLE} is 'Per run and failed expectation: every failing row, by the "
        "table key, with the raw file and line of its figure where it has one.'"
    )
    rows = []
    for r in failed(results):
        for row in r.failing_rows or []:
            key = {k: v for k, v in row.items() if k != "source"}
            figure = next((v for k, v in key.items() if k.endswith("figure_id") and isinstance(v, str)), None)
            source = row.get("source")
            rows.append(
                [
                    run_id,
                    r.suite,
                    r.table,
                    r.expectation,
                    r.column,
                    r.severity,
                    json.dumps(key, ensure_ascii=False, default=str),
                    figure,
                    source if isinstance(source, str) or source is None else ", ".join(source),
                ]
            )
    if rows:  # through Arrow: one insert, not one per row
        import pyarrow as pa

        names = [
            "run_id",
            "suite",
            "table_name",
            "expectation",
            "column_name",
            "severity",
            "row_key",
            "figure_id",
            "source",
        ]
        failing = pa.table({name: pa.array([row[n] for row in rows], pa.string()) for n, name in enumerate(names)})
        con.register("__failing_rows", failing)
        try:
            con.execute(f"insert into {META_TABLE} select * replace (row_key::json as row_key) from __failing_rows")
        finally:
            con.unregister("__failing_rows")
