"""Query results as pandas DataFrames, the same as DuckDB's `.df()` makes them, in a fraction of the time.

`.df()` converts text columns value by value: at 10M rows a second or two per column, half a minute
for a suite's frame. Arrow carries text in buffers that pandas' `str` dtype (ArrowStringArray, what
`.df()` also returns) wraps without copying. So the result is fetched once as Arrow; text columns are
wrapped, and the other columns (numbers, dates, lists, text that is all null) go through DuckDB's own
`.df()` on the Arrow table, which is fast for them: every column gets exactly `.df()`'s dtype.
"""

from __future__ import annotations

import duckdb
import numpy as np
import pandas as pd
import pyarrow as pa


def fetch_frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """The result of `sql` on `con`, as `con.execute(sql).df()` would give it."""
    table = con.sql(sql).to_arrow_table()
    wrapped = {}
    for number, field in enumerate(table.schema):
        column = table.column(number)
        if (pa.types.is_string(field.type) or pa.types.is_large_string(field.type)) and column.null_count < len(
            column
        ):  # `.df()` gives an all-null text column as objects
            series = column.to_pandas()
            if str(series.dtype) == "str":
                wrapped[number] = series
    rest = [number for number in range(table.num_columns) if number not in wrapped]
    converted = _duckdb_df(table.select(rest)) if rest else None
    columns = [
        wrapped[number] if number in wrapped else converted.iloc[:, rest.index(number)]
        for number in range(table.num_columns)
    ]
    frame = pd.concat(columns, axis=1) if columns else pd.DataFrame(index=range(table.num_rows))
    frame.columns = _deduplicated(table.column_names)
    return frame


def _deduplicated(names: list[str]) -> list[str]:
    """Repeated names as `.df()` gives them: x, x_1, x_2."""
    seen: dict[str, int] = {}
    result = []
    for name in names:
        count = seen.get(name, 0)
        seen[name] = count + 1
        result.append(f"{name}_{count}" if count else name)
    return result


def gx_frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    """fetch_frame, with integer columns widened to int64: GX compares int64 and float64 columns with
    bounds in one vectorised step, but every other numpy dtype (DuckDB's INTEGER is int32) value by
    value in Python, 5 s per 10M rows. The values, and so every expectation's outcome, are the same."""
    frame = fetch_frame(con, sql)
    for number, dtype in enumerate(frame.dtypes):
        if (
            isinstance(dtype, np.dtype)
            and dtype.kind in "iu"
            and dtype != np.int64
            and not (dtype.kind == "u" and dtype.itemsize == 8)
        ):  # uint64 may not fit
            frame.isetitem(number, frame.iloc[:, number].astype(np.int64))
    return frame


def _duckdb_df(table: pa.Table) -> pd.DataFrame:
    con = duckdb.connect()
    try:
        # positions, not names: a frame may repeat a column name
        return con.from_arrow(table.rename_columns([f"c{n}" for n in range(table.num_columns)])).df()
    finally:
        con.close()
