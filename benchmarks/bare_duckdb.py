"""The floor clusterdw is measured against: the same work done by a bare DuckDB script.

read_csv with the contracts' explicit column types (no checks, no lineage but the file name), the
same model SQL files in the same order (CREATE TABLE AS, no comments, no row counts), then COPY of
every marts table to Parquet (zstd), under clusterdw's memory limit. Imports nothing but duckdb;
bench.py hands it the schema and the
model order as JSON. Prints the step times as one JSON object.

    python benchmarks/bare_duckdb.py PLAN.json
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
    # the same memory limit as clusterdw's (pipelines/publish/warehouse.py): the same resources, and a shared
    # machine is not asked for 80% of its memory
    con = duckdb.connect(plan["db"], config={"memory_limit": plan["memory_limit"]})

    started = time.perf_counter()
    con.execute("create schema raw")
    for table in plan["tables"]:
        columns = ", ".join(f"'{name}': '{sql_type}'" for name, sql_type in table["columns"])
        files = sorted(glob.glob(f"{plan['raw_dir']}/{table['path']}"))
        if not files:  # an optional file that is absent: an empty table
            typed = ", ".join(f'"{name}" {sql_type}' for name, sql_type in table["columns"])
            con.execute(
                f"create table raw.{table['name']} ({typed}, source_file varchar, source_line integer, "
                "source_file_sha256 varchar)"
            )
            continue
        con.execute(f"""
            create table raw.{table["name"]} as
            select * exclude (filename), filename as source_file, null::integer as source_line,
                   null::varchar as source_file_sha256
            from read_csv({files!r}, columns = {{{columns}}}, header = true, filename = true,
                          delim = ',', quote = '"', escape = '"')
        """)
    con.execute(plan["place_names_sql"])
    seconds["load"] = time.perf_counter() - started

    started = time.perf_counter()
    for schema in ("staging", "marts"):
        con.execute(f"create schema {schema}")
    for name, path in plan["models"]:
        con.execute(f"create table {name} as\n" + Path(path).read_text(encoding="utf-8"))
    seconds["build"] = time.perf_counter() - started

    started = time.perf_counter()
    con.close()  # the checkpoint: the file holds everything built
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
