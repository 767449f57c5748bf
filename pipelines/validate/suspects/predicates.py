"""For one GX expectation (its type and kwargs), a DuckDB condition true on each row GX may count as
unexpected (suspect_condition), or for uniqueness the columns whose repeats fail (duplicated_columns);
None from both: the whole frame is needed."""

from __future__ import annotations

from numbers import Real

from ...load.numbers import settled_sql
from ...sql import quote, sql_literal


def _number(value) -> bool:
    return isinstance(value, Real) and not isinstance(value, bool)


def _text_set(values) -> str | None:
    if not values or not all(isinstance(v, str) for v in values):
        return None
    return "(" + ", ".join(sql_literal(v) for v in values) + ")"


def _between(expression: str, kwargs: dict) -> str | None:
    low, high = kwargs.get("min_value"), kwargs.get("max_value")
    if (
        (low is not None and not _number(low))
        or (high is not None and not _number(high))
        or (low is None and high is None)
    ):
        return None
    # GX's bounds are inclusive; with strict_min/max the bound itself fails too. DuckDB compares a
    # decimal with these literals exactly, and GX the same value as a double: they agree but within a
    # double's last bit of a bound, which has no decimal of this warehouse's scales
    below = "<=" if kwargs.get("strict_min") else "<"
    above = ">=" if kwargs.get("strict_max") else ">"
    outside = ([f"{expression} {below} {low!r}"] if low is not None else []) + (
        [f"{expression} {above} {high!r}"] if high is not None else []
    )
    return f"({expression} is not null and ({' or '.join(outside)}))"


def suspect_condition(kind: str, kwargs: dict) -> str | None:
    if "mostly" in kwargs and kwargs["mostly"] not in (None, 1, 1.0):
        return None
    column = quote(kwargs["column"]) if "column" in kwargs else None
    a = quote(kwargs["column_A"]) if "column_A" in kwargs else None
    b = quote(kwargs["column_B"]) if "column_B" in kwargs else None
    if kind == "expect_column_values_to_not_be_null":
        return f"{column} is null"
    if kind == "expect_column_values_to_be_null":
        return f"{column} is not null"
    if kind == "expect_column_values_to_be_in_set":
        # as text: a value whose text is in the set is in it; any other (1.0 beside 1) is only taken too
        values = kwargs.get("value_set") or []
        if not values:
            return f"{column} is not null"
        listed = "(" + ", ".join(sql_literal(v if isinstance(v, str) else repr(v)) for v in values) + ")"
        return f"({column} is not null and cast({column} as varchar) not in {listed})"
    if kind == "expect_column_values_to_not_be_in_set":
        listed = _text_set(kwargs.get("value_set"))
        return (
            f"{column} is not null"
            if listed is None
            else f"({column} is not null and cast({column} as varchar) in {listed})"
        )
    if kind == "expect_column_values_to_be_between":
        return _between(column, kwargs)
    if kind == "expect_column_value_lengths_to_be_between":
        return _between(f"length(cast({column} as varchar))", kwargs)
    if kind == "expect_column_pair_values_to_be_equal":
        return f"{a} is distinct from {b}"
    if kind == "expect_column_pair_values_a_to_be_greater_than_b":
        operator = ">=" if kwargs.get("or_equal") else ">"
        skipped = {
            "either_value_is_missing": f"({a} is null or {b} is null)",
            "both_values_are_missing": f"({a} is null and {b} is null)",
        }.get(kwargs.get("ignore_row_if", "both_values_are_missing"), "false")  # GX's default: both
        return f"(not {skipped} and not coalesce({a} {operator} {b}, false))"
    if kind == "expect_column_pair_values_value_in_evidence":
        # the condition GX's own check settles in DuckDB first (numbers.values_in_evidence): the rows it
        # does not settle are the only ones that can fail
        return f"not {settled_sql(f'cast({a} as double)', b)}"
    return None


def duplicated_columns(kind: str, kwargs: dict) -> list[str] | None:
    """For a uniqueness expectation, the columns whose repeated values fail (GX counts every row of a
    repeated value, and skips rows where a single column is null)."""
    if kind == "expect_column_values_to_be_unique":
        return [kwargs["column"]]
    if kind == "expect_compound_columns_to_be_unique":
        return list(kwargs["column_list"])
    return None
