"""Compile the data tests declared in a model's .yml (pipelines/models/data_tests.py) into Great
Expectations expectations, and the frame they are validated on.

Most tests are one GX expectation on a column of the model. Two need a column the model does not
have, which the frame adds:

- `relationships`: every key of the model's tests of one severity is looked up in its dimension, in
  one column `unresolved_keys` naming each key that does not resolve (`city_key atlantis not in
  marts.dim_city`, `city_key missing`), expected to be null. A suite's own SQL
  (checks/<table>.sql) may add messages of its own in a column of that name: they are kept.
- `expression`: a column `name` showing each row where the condition is false, expected to be null.
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


def expectation_of(test: DeclaredTest) -> dict | None:
    """The one GX expectation of a test; None for relationships (compiled together per model)."""
    column, args = test.column, test.args
    if test.test == "not_null":
        return _expectation("expect_column_values_to_not_be_null", {"column": column}, test, f"{column} is never null")
    if test.test == "unique":
        return _expectation("expect_column_values_to_be_unique", {"column": column}, test, f"{column} is unique")
    if test.test == "accepted_values":
        return _expectation(
            "expect_column_values_to_be_in_set",
            {"column": column, "value_set": args["values"]},
            test,
            f"{column} holds only the accepted values",
        )
    if test.test == "not_accepted_values":
        return _expectation(
            "expect_column_values_to_not_be_in_set",
            {"column": column, "value_set": args["values"]},
            test,
            f"{column} never holds these values",
        )
    if test.test == "contains_values":
        return _expectation(
            "expect_column_distinct_values_to_contain_set",
            {"column": column, "value_set": args["values"]},
            test,
            f"{column} holds each of these values",
        )
    if test.test == "between":
        return _expectation(
            "expect_column_values_to_be_between",
            {"column": column, **_between(args)},
            test,
            f"{column} lies within its range",
        )
    if test.test == "length_between":
        return _expectation(
            "expect_column_value_lengths_to_be_between",
            {"column": column, **_between(args)},
            test,
            f"{column}'s length lies within its range",
        )
    if test.test == "equal_to":
        return _expectation(
            "expect_column_pair_values_to_be_equal",
            {"column_A": column, "column_B": args["column"]},
            test,
            f"{column} equals {args['column']}",
        )
    if test.test == "greater_than":
        kwargs = {"column_A": column, "column_B": args["column"]}
        kwargs.update({k: args[k] for k in ("or_equal", "ignore_row_if") if k in args})
        return _expectation(
            "expect_column_pair_values_a_to_be_greater_than_b",
            kwargs,
            test,
            f"{column} is greater than {args['column']}",
        )
    if test.test == "value_in_evidence":
        return _expectation(
            "expect_column_pair_values_value_in_evidence",
            {"column_A": column, "column_B": args["evidence"]},
            test,
            f"the number in {column} is written in {args['evidence']}",
        )
    if test.test == "unique_combination":
        return _expectation(
            "expect_compound_columns_to_be_unique",
            {"column_list": args["columns"]},
            test,
            f"one row per {', '.join(args['columns'])}",
        )
    if test.test == "expression":
        return _expectation(
            "expect_column_values_to_be_null", {"column": args["name"]}, test, f"{args['sql']} holds on every row"
        )
    return None


def _relationship_messages(test: DeclaredTest, number: int) -> tuple[list[str], str]:
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
    join = (
        f"left join (select distinct {quote(args['field'])} as __key from {_table(args['to'])}) as {found}\n"
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


def compile_suite(tests: list[DeclaredTest], frame_sql: str) -> tuple[list[dict], str]:
    """The expectations of `tests`, and the frame SQL: `frame_sql` with the declared tests' columns."""
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
            found, join = _relationship_messages(test, len(joins))
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
