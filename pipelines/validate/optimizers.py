"""DuckDB settings while the suites' frames are read.

A counting pass with a uniqueness expectation holds a distinct count (suspects/frame.py). DuckDB's
`distinct_aggregate_rewrite` turns such an aggregate into a CTE of its whole input, every column the
pass reads, materialized (spilled at 10M rows) and scanned once per aggregate. Without it, DuckDB counts
distinct values inside the one aggregate: at 10M figures the counting pass of stg_figures took 27.1
CPU seconds with the rewrite and 14.8 without, fct_facts's 21.7 and 14.5. An optimizer only chooses the
plan, never the result. The setting is DuckDB's, global to the database: it is restored after."""

from __future__ import annotations

from collections.abc import Callable

import duckdb

SLOW_FOR_FRAMES = ("distinct_aggregate_rewrite",)


def disable_slow_optimizers(con: duckdb.DuckDBPyConnection) -> Callable[[], None]:
    """Disable the optimizers of SLOW_FOR_FRAMES this DuckDB has; returns what restores the setting."""
    known = {name for (name,) in con.execute("select name from duckdb_optimizers()").fetchall()}
    previous = con.execute("select current_setting('disabled_optimizers')").fetchall()[0][0] or ""
    disabled = [name.strip() for name in previous.split(",") if name.strip()]
    wanted = disabled + [name for name in SLOW_FOR_FRAMES if name in known and name not in disabled]
    if wanted == disabled:
        return lambda: None
    con.execute(f"set disabled_optimizers = '{','.join(wanted)}'")
    return lambda: con.execute(f"set disabled_optimizers = '{previous}'").fetchall()
