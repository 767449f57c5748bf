"""A run that would publish far fewer figures than the published warehouse holds stops and says so:
figures files cut to their header row (a failed copy, an editor's crash) load without a single
contract violation, and would replace the last good warehouse by an empty one. `run --allow-shrink`
confirms that it is meant."""

from __future__ import annotations

from pathlib import Path

import duckdb

from ..errors import ClusterdwError

# Losing more than half of the figures is no edit: it is files lost. A small project (a few figures)
# may shrink as it likes.
KEEP_AT_LEAST = 0.5
SMALL = 20


class InputShrank(ClusterdwError):
    """raw/ holds far fewer figures than the published warehouse: refused unless --allow-shrink."""

    exit_code = 3


def published_figure_count(db_path: Path) -> int | None:
    """How many figures the published warehouse holds; None when there is none to compare with."""
    if not db_path.is_file():
        return None
    try:
        with duckdb.connect(str(db_path), read_only=True) as con:
            return con.execute("select count(*) from raw.figures").fetchall()[0][0]
    except duckdb.Error:  # damaged or not ours: ensure_replaceable and the run say so themselves
        return None


def refuse_shrink(con: duckdb.DuckDBPyConnection, published: int) -> None:
    """InputShrank when the loaded raw.figures holds less than KEEP_AT_LEAST of `published` figures."""
    loaded = con.execute("select count(*) from raw.figures").fetchall()[0][0]
    if published >= SMALL and loaded < published * KEEP_AT_LEAST:
        raise InputShrank(
            f"raw/figures holds {loaded:,} figures, the published warehouse {published:,}: publishing would lose "
            f"{published - loaded:,} of them",
            "raw/figures",
            "restore the files cut or removed (a figures file of a header only?); if the loss is meant, run "
            "again with `clusterdw run --allow-shrink`",
        )
