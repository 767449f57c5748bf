"""The expectation kinds clusterdw validates with: per kind, which arguments name columns and whether
GX needs every row of the frame to judge it. Code that reads suites (the columns a frame must hold,
the column a result is about, whether suspect rows suffice) asks this table instead of guessing from
argument names."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    columns: tuple[str, ...]  # kwargs each naming one column, in the order a result lists them
    column_list: bool = False  # kwargs["column_list"] names several columns
    every_row: bool = False  # the verdict depends on the whole frame (a distinct-value set, a row count)


KINDS: dict[str, Kind] = {
    "expect_column_values_to_not_be_null": Kind(("column",)),
    "expect_column_values_to_be_null": Kind(("column",)),
    "expect_column_values_to_be_unique": Kind(("column",)),
    "expect_column_values_to_be_in_set": Kind(("column",)),
    "expect_column_values_to_not_be_in_set": Kind(("column",)),
    "expect_column_values_to_be_between": Kind(("column",)),
    "expect_column_value_lengths_to_be_between": Kind(("column",)),
    "expect_column_values_to_match_regex": Kind(("column",), every_row=True),
    "expect_column_distinct_values_to_contain_set": Kind(("column",), every_row=True),
    "expect_column_distinct_values_to_be_in_set": Kind(("column",), every_row=True),
    "expect_column_pair_values_to_be_equal": Kind(("column_A", "column_B")),
    "expect_column_pair_values_a_to_be_greater_than_b": Kind(("column_A", "column_B")),
    "expect_column_pair_values_value_in_evidence": Kind(("column_A", "column_B")),
    "expect_compound_columns_to_be_unique": Kind((), column_list=True),
    "expect_table_row_count_to_be_between": Kind((), every_row=True),
    "expect_table_columns_to_match_set": Kind((), every_row=True),
}

# A kind not in the table: its columns are read from GX's usual argument names, and it gets every row
_UNKNOWN = Kind(("column", "column_A", "column_B"), column_list=True, every_row=True)


def kind(name: str) -> Kind:
    return KINDS.get(str(name), _UNKNOWN)


def columns_of(name: str, kwargs: dict) -> list[str] | None:
    """The columns an expectation reads, or None when it reads the whole table (no column named)."""
    found = kind(name)
    named = [kwargs[k] for k in found.columns if k in kwargs]
    if found.column_list:
        named += list(kwargs.get("column_list") or [])
    return named or None


def needs_every_row(name: str, kwargs: dict) -> bool:
    """True when suspect rows cannot stand in for the frame: the kind says so, or `mostly` asks for a
    share of the rows (which a smaller frame changes)."""
    mostly = kwargs.get("mostly")
    return kind(name).every_row or mostly not in (None, 1, 1.0)
