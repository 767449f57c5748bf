"""What makes validation at 10M figures cheaper keeps its outcomes (issue 28): uniqueness counted on hashes
still finds every repeat and skips nulls as GX does, and the DuckDB optimizer switched off while frames
are read is switched back on after, leaving a setting of the user's as it was."""

from __future__ import annotations

import duckdb
import pytest

from pipelines.publish import warehouse
from pipelines.validate.suites import _read_frames, read_suites
from pipelines.validate.suspects import split_counts, suspect_queries
from pipelines.validate.suspects.frame import SUSPECT_ROWS

UNIQUE = {"type": "expect_column_values_to_be_unique", "kwargs": {"column": "x"}}
COMPOUND = {"type": "expect_compound_columns_to_be_unique", "kwargs": {"column_list": ["x", "y"]}}


def _has_suspects(expectation: dict, rows: list[tuple]) -> bool:
    values = ", ".join(f"({', '.join('null' if v is None else repr(v) for v in row)})" for row in rows)
    frame_sql = f"select * from (values {values}) as t(x, y)"
    columns = list(expectation["kwargs"].get("column_list") or [expectation["kwargs"]["column"]])
    queries = suspect_queries({"expectations": [expectation]}, frame_sql, columns)
    con = duckdb.connect()
    try:
        counted = con.sql(queries.counts_sql).df().drop(columns=[SUSPECT_ROWS])
    finally:
        con.close()
    return split_counts(counted, queries)[3]


@pytest.mark.parametrize(
    "rows, repeated",
    [
        ([("a", 1), ("a", 2), (None, 3)], True),  # a repeat beside a null: the null's hash is no value of x
        ([("a", 1), (None, 2), (None, 3)], False),  # GX skips nulls: two of them repeat nothing
        ([("a", 1), ("b", 2), ("c", 3)], False),
    ],
)
def test_a_uniqueness_count_on_hashes_finds_each_repeat_and_skips_nulls(rows, repeated):
    assert _has_suspects(UNIQUE, rows) is repeated


@pytest.mark.parametrize(
    "rows, repeated",
    [
        ([("a", None), ("a", None), ("b", 1)], True),  # nulls are values in a compound key
        ([("a", None), ("a", 1), (None, None)], False),
    ],
)
def test_a_compound_uniqueness_count_on_hashes_takes_nulls_as_values(rows, repeated):
    assert _has_suspects(COMPOUND, rows) is repeated


def _disabled(con) -> str:
    return con.execute("select current_setting('disabled_optimizers')").fetchall()[0][0]


def test_frames_are_read_without_the_distinct_aggregate_rewrite_which_is_restored_after(dev_built):
    con = warehouse.connect(dev_built / "target" / "warehouse.dev.duckdb")
    try:
        con.execute("set disabled_optimizers = 'top_n'")
        suites = read_suites(dev_built, ["stg_figures"])
        frames, close = _read_frames(con, suites)
        try:
            assert _disabled(con).split(",") == ["top_n", "distinct_aggregate_rewrite"]
            frame, rows, _ = next(frames).result()
            assert rows > 0
        finally:
            close()
        assert _disabled(con) == "top_n"
    finally:
        con.close()
