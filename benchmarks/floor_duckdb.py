"""The floor: the least work any build of these tables can do, done by DuckDB alone.

Read each raw CSV once with the contracts' declared types (CREATE TABLE AS read_csv), then write one
table per model of the same number of rows as the model's table (CREATE TABLE AS a plain projection of
raw.figures, repeated where a model has more rows than raw.figures), then COPY each mart-sized table to
Parquet (zstd), under clusterdw's memory limit. No joins, no windows, no checks: what reading, writing
and exporting that many rows costs on this machine. Imports nothing but duckdb; bench.py hands it the
plan as JSON (bare_duckdb.py's, plus each model's row count). Prints the step times as one JSON object.

    python benchmarks/floor_duckdb.py PLAN.json
"""

from __future__ import annotations

import glob
import json
import sys
import time
from pathlib import Path


def main(plan_path: str) -> None:
    import duckdb

    plan = json.loads(Path(plan_path).read_text(encoding="utf-8"))
    seconds = {}
    con = duckdb.connect(plan["db"], config={"memory_limit": plan["memory_limit"]})

    started = time.perf_counter()
    con.execute("create schema raw")
    for table in plan["tables"]:
        columns = ", ".join(f"'{name}': '{sql_type}'" for name, sql_type in table["columns"])
        files = sorted(glob.glob(f"{plan['raw_dir']}/{table['path']}"))
        if not files:
            continue
        con.execute(
            f"create table raw.{table['name']} as select * from read_csv({files!r}, "
            f"columns = {{{columns}}}, header = true, delim = ',', quote = '\"', escape = '\"')"
        )
    seconds["load"] = time.perf_counter() - started

    started = time.perf_counter()
    ((figures,),) = con.execute("select count(*) from raw.figures").fetchall()
    for schema in ("staging", "marts"):
        con.execute(f"create schema {schema}")
    for name, rows in plan["model_rows"].items():
        copies = max(1, -(-rows // max(figures, 1)))  # whole copies of raw.figures, then cut to size
        source = " union all ".join(["select * from raw.figures"] * copies)
        con.execute(f"create table {name} as select * from ({source}) limit {rows}")
    seconds["build"] = time.perf_counter() - started

    started = time.perf_counter()
    con.close()
    seconds["close"] = time.perf_counter() - started

    started = time.perf_counter()
    con = duckdb.connect(plan["db"], read_only=True)
    for (table,) in con.execute(
        "select table_name from duckdb_tables() where schema_name = 'marts' order by table_name"
    ).fetchall():
        con.execute(f"copy marts.{table} to '{plan['parquet_dir']}/{table}.parquet' (format parquet, compression zstd)")
    con.close()
    seconds["export"] = time.perf_counter() - started
    print(json.dumps({k: round(v, 3) for k, v in seconds.items()}))


if __name__ == "__main__":
    main(sys.argv[1])
