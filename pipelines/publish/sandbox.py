"""After the load, a build's connection reads nothing but the warehouse: models and suites are SQL that
anyone with write access to the project wrote, and must not copy /etc/passwd into a table, list a
folder or fetch a URL. DuckDB's own guards do it, so that no rule of ours has to list functions.

`enable_external_access = false` is one-way (DuckDB refuses to turn it back on, or to change the
allowed paths after it) and covers every file and URL a query could name: read_text, read_blob,
glob, read_csv, COPY, ATTACH, http paths. Extensions are neither installed nor loaded on demand.
lock_configuration is left off: validation lowers memory_limit and restores it, and a model, one
SELECT, cannot change a setting anyway.
"""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..sql import sql_literal


def seal_off_files(con: duckdb.DuckDBPyConnection, readable: list[Path] = ()) -> None:
    """No file or URL but DuckDB's spill folder and the `readable` files (the run history, which the
    run reads into meta.runs) from here on."""
    if con.execute("select current_setting('enable_external_access')").fetchall()[0][0] is False:
        return  # already sealed: its allowed paths cannot change
    spill_dir = con.execute("select current_setting('temp_directory')").fetchall()[0][0]
    paths = ", ".join(sql_literal(str(path)) for path in readable)
    con.execute(f"set allowed_directories = [{sql_literal(spill_dir.rstrip('/') + '/')}]")
    con.execute(f"set allowed_paths = [{paths}]")
    con.execute("set autoinstall_known_extensions = false")
    con.execute("set autoload_known_extensions = false")
    con.execute("set enable_external_access = false")
