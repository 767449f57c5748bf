"""Compile the data tests declared in a model's .yml (pipelines/models/data_tests.py) into Great
Expectations expectations, and the frame they are validated on.

Most tests are one GX expectation on a column of the model. Two need a column the model does not
have, which the frame adds:

- `relationships`: every key of the model's tests of one severity is looked up in its dimension, in
  one column `unresolved_keys` naming each key that does not resolve (`city_key atlantis not in
  marts.dim_city`, `city_key missing`), expected to be null. A suite's own SQL
  (checks/<table>.sql) may add messages of its own in a column of that name: they are kept.
- `expression`: a column `name` showing each row where the condition is false, expected to be null.

A key is looked up in the distinct keys of its dimension. Where the dimension is much larger than the
model (stg_corrections, empty, looking up raw.figures's 10M figure ids), only the dimension's keys that
the frame holds are made distinct: the frame is then read twice, which costs more than a small
dimension's distinct keys do (`narrow_lookup`).
"""

from __future__ import annotations

from sqlglot import exp, parse_one

from ..models.data_tests import DeclaredTest
from ..sql import quote, sql_literal

UNRESOLVED = "unresolved_keys"
CHECKED = "__checked"  # the CTE holding the suite's frame before the declared tests' columns


def _expectation(kind: str, kwargs: dict, test: DeclaredTest, guards: str) -> dict:
    return {
        "type": kind,
        "kwargs": kwargs,
        "meta": {"guards": test.guards or guards, "declared_in": test.where},
        "severity": test.severity,
    }


def _between(args: dict) -> dict:
    kwargs = {}
    if "min" in args:
        kwargs["min_value"] = args["min"]
    if "max" in args:
        kwargs["max_value"] = args["max"]
    for strict in ("strict_min", "strict_max"):
        if args.get(strict):
            kwargs[strict] = True
    return kwargs


def _greater_than(column: str, args: dict) -> dict:
    return {"column_A": column, "column_B": args["column"]} | {
        k: args[k] for k in ("or_equal", "ignore_row_if") if k in args
    }


# a declared test -> (its GX expectation, the expectation's arguments, what it guards when the .yml
# says nothing); relationships are not here: they are compiled together per model
EXPECTATIONS = {
    "not_null": (
        "expect_column_values_to_not_be_null",
        lambda c, a: {"column": c},
        lambda c, a: f"{c} is never null",
    ),
    "unique": (
        "expect_column_values_to_be_unique",
        lambda c, a: {"column": c},
        lambda c, a: f"{c} is unique",
    ),
    "accepted_values": (
        "expect_column_values_to_be_in_set",
        lambda c, a: {"column": c, "value_set": a["values"]},
        lambda c, a: f"{c} holds only the accepted values",
    ),
    "not_accepted_values": (
        "expect_column_values_to_not_be_in_set",
        lambda c, a: {"column": c, "value_set": a["values"]},
        lambda c, a: f"{c} never holds these values",
    ),
    "contains_values": (
        "expect_column_distinct_values_to_contain_set",
        lambda c, a: {"column": c, "value_set": a["values"]},
        lambda c, a: f"{c} holds each of these values",
    ),
    "between": (
        "expect_column_values_to_be_between",
        lambda c, a: {"column": c, **_between(a)},
        lambda c, a: f"{c} lies within its range",
    ),
    "length_between": (
        "expect_column_value_lengths_to_be_between",
        lambda c, a: {"column": c, **_between(a)},
        lambda c, a: f"{c}'s length lies within its range",
    ),
    "equal_to": (
        "expect_column_pair_values_to_be_equal",
        lambda c, a: {"column_A": c, "column_B": a["column"]},
        lambda c, a: f"{c} equals {a['column']}",
    ),
    "greater_than": (
        "expect_column_pair_values_a_to_be_greater_than_b",
        _greater_than,
        lambda c, a: f"{c} is greater than {a['column']}",
    ),
    "value_in_evidence": (
        "expect_column_pair_values_value_in_evidence",
        lambda c, a: {"column_A": c, "column_B": a["evidence"]},
        lambda c, a: f"the number in {c} is written in {a['evidence']}",
    ),
    "unique_combination": (
        "expect_compound_columns_to_be_unique",
        lambda c, a: {"column_list": a["columns"]},
        lambda c, a: f"one row per {', '.join(a['columns'])}",
    ),
    "expression": (
        "expect_column_values_to_be_null",
        lambda c, a: {"column": a["name"]},
        lambda c, a: f"{a['sql']} holds on every row",
    ),
}


def expectation_of(test: DeclaredTest) -> dict | None:
    """The one GX expectation of a test; None for relationships (compiled together per model)."""
    if test.test not in EXPECTATIONS:
        return None
    kind, kwargs, guards = EXPECTATIONS[test.test]
    return _expectation(kind, kwargs(test.column, test.args), test, guards(test.column, test.args))


# a lookup reads only the keys the frame holds when its dimension holds this many times the model's rows:
# at 1M figures, narrowed, fct_rd_intensity (5,200 rows) into int_figures took 0.29 -> 0.10 CPU s and
# stg_corrections (none) into raw.figures 0.15 -> 0.01, but int_figures (1M rows) into its dimensions (at
# most thousands) 0.7 -> 1.1, the frame computed twice; fct_growth_rates (370,000) into int_figures: no change
NARROW_RATIO = 10


def narrow_lookup(model_rows: int | None, dimension_rows: int | None) -> bool:
    """Whether a lookup from a model of `model_rows` into a dimension of `dimension_rows` reads only the
    dimension's keys the frame holds (None: not known, not narrowed)."""
    if model_rows is None or dimension_rows is None:
        return False
    return dimension_rows >= NARROW_RATIO * max(model_rows, 1)


def _relationship_messages(test: DeclaredTest, number: int, narrow: bool = False) -> tuple[list[str], str]:
    """The message expressions of one relationships test and the join that looks its keys up."""
    column, args = quote(test.column), test.args
    value = f"{CHECKED}.{column}"
    found = f"__key_{number}"
    messages = []
    required = args.get("required", False)
    if required is True:
        messages.append(f"case when {value} is null then {sql_literal(f'{test.column} missing')} end")
    elif isinstance(required, str) and required.strip():
        messages.append(f"case when {value} is null and ({required}) then {sql_literal(f'{test.column} missing')} end")
    ignored = args.get("ignore_values") or []
    skip = f" and {value} not in ({', '.join(sql_literal(str(v)) for v in ignored)})" if ignored else ""
    messages.append(
        f"case when {value} is not null{skip} and {found}.__key is null then "
        f"{sql_literal(test.column + ' ')} || {value} || {sql_literal(' not in ' + args['to'])} end"
    )
    key = quote(args["field"])
    # narrowed: the same keys where the frame holds them, the only ones the join can match
    where = f" where {key} in (select {column} from {CHECKED})" if narrow else ""
    join = (
        f"left join (select distinct {key} as __key from {_table(args['to'])}{where}) as {found}\n"
        f"    on {found}.__key = {value}"
    )
    return messages, join


def _table(name: str) -> str:
    return ".".join(quote(part) for part in name.split("."))


def _frame_defines(sql: str, column: str) -> bool:
    """Whether the suite's own SQL names a column `column` (its outer select's, or any alias)."""
    try:
        tree = parse_one(sql, dialect="duckdb")
    except Exception:  # DuckDB read it already (suites.py); sqlglot may not know every construct
        return f" as {column}" in sql.lower()
    return any(alias.alias == column for alias in tree.find_all(exp.Alias))


def compile_suite(
    tests: list[DeclaredTest], frame_sql: str, narrowed: frozenset[str] = frozenset()
) -> tuple[list[dict], str]:
    """The expectations of `tests`, and the frame SQL: `frame_sql` with the declared tests' columns;
    lookups into the tables `narrowed` (their `to`) read only the keys the frame holds."""
    expectations, columns, joins = [], [], []
    by_severity: dict[str, list[DeclaredTest]] = {}
    for test in tests:
        if test.test == "relationships":
            by_severity.setdefault(test.severity, []).append(test)
            continue
        expectations.append(expectation_of(test))
        if test.test == "expression":
            show = test.args.get("show") or sql_literal(test.args["sql"])
            columns.append(
                f"case when not ({test.args['sql']}) then cast(({show}) as varchar) end as {quote(test.args['name'])}"
            )
    replaced = []
    own_unresolved = _frame_defines(frame_sql, UNRESOLVED)
    for position, severity in enumerate(sorted(by_severity, key=lambda s: s != "critical")):
        group = by_severity[severity]
        name = UNRESOLVED if position == 0 else f"{UNRESOLVED}_{severity}"
        messages = [f"{CHECKED}.{quote(UNRESOLVED)}"] if position == 0 and own_unresolved else []
        for test in group:
            found, join = _relationship_messages(test, len(joins), test.args["to"] in narrowed)
            messages += found
            joins.append(join)
        expression = "nullif(concat_ws('; ',\n        " + ",\n        ".join(messages) + "\n    ), '')"
        (replaced if name == UNRESOLVED and own_unresolved else columns).append(f"{expression} as {quote(name)}")
        keys = ", ".join(f"{t.column} in {t.args['to']}" for t in group)
        guard = DeclaredTest(
            "relationships",
            name,
            severity=severity,
            guards=next((t.guards for t in group if t.guards), None),
            where=group[0].where,
        )
        expectations.append(
            _expectation(
                "expect_column_values_to_be_null",
                {"column": name},
                guard,
                f"foreign keys resolve: {keys} (the value names each key that does not)",
            )
        )
    if not columns and not replaced:
        return expectations, frame_sql
    star = f"{CHECKED}.*" + (f" replace ({', '.join(replaced)})" if replaced else "")
    listed = ",\n    ".join([star] + columns)
    sql = f"with {CHECKED} as (\n{frame_sql}\n)\n\nselect\n    {listed}\nfrom {CHECKED}\n" + "".join(
        f"{join}\n" for join in joins
    )
    return expectations, sql
