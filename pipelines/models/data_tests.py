"""Data tests declared beside a model, in its .yml, as dbt declares them:

    columns:
      city_key:
        description: The place the figure is about (key of dim_city).
        data_tests:
          - not_null
          - relationships: {to: marts.dim_city, field: city_key, required: true}
    data_tests:                      # tests of more than one column
      - unique_combination: {columns: [cluster_key, city_key]}

Each test takes `severity` (critical, the default, stops the publish; warning is reported) and
`guards` (what it protects, shown beside a failure). pipelines/validate/declared.py compiles them
into the model's Great Expectations suite. This module only reads and checks them: an unknown test
or argument is an error naming the file, the line and the key.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, ModelError

SEVERITIES = ("critical", "warning")
COMMON = {"severity", "guards"}

# test name -> (required arguments, optional arguments); column tests apply to the column they sit under
COLUMN_TESTS: dict[str, tuple[set[str], set[str]]] = {
    "not_null": (set(), set()),
    "unique": (set(), set()),
    "accepted_values": ({"values"}, set()),
    "not_accepted_values": ({"values"}, set()),
    "contains_values": ({"values"}, set()),  # every one of the values occurs in the column
    "between": (set(), {"min", "max", "strict_min", "strict_max"}),
    "length_between": (set(), {"min", "max"}),
    "equal_to": ({"column"}, set()),  # this column equals another one, row by row
    "greater_than": ({"column"}, {"or_equal", "ignore_row_if"}),
    "relationships": ({"to", "field"}, {"required", "ignore_values"}),
    "value_in_evidence": ({"evidence"}, set()),  # the number in this column is written in the evidence
}
MODEL_TESTS: dict[str, tuple[set[str], set[str]]] = {
    "unique_combination": ({"columns"}, set()),
    # rows where `sql` is false fail (null passes, as dbt's expression_is_true); `name` is the column
    # of the validated frame that shows `show` (default: the expression) for each failing row
    "expression": ({"name", "sql"}, {"show"}),
}


@dataclass
class DeclaredTest:
    test: str  # not_null, relationships, ...
    column: str | None  # None: a test of the model (unique_combination, expression)
    args: dict = field(default_factory=dict)
    severity: str = "critical"
    guards: str | None = None
    where: str = ""  # file:line, for errors


def line_of(text: str, key: str, after: int = 0) -> int | None:
    """The first line (1-based) at or after `after` where `key` is written as a YAML key or list item."""
    for number, line in enumerate(text.splitlines()[after:], start=after + 1):
        stripped = line.strip().lstrip("-").strip()
        if (
            stripped.startswith(f"{key}:")
            or stripped == key
            or stripped.startswith(f"{key} :")
            or stripped.startswith(f"{{{key}:")
        ):
            return number
    return None


def unknown_key(path: Path, text: str, key: str, where: str, known: set[str] | list[str]) -> ModelError:
    return ModelError(
        f"unknown key {key!r} {where}",
        Location(str(path), line_of(text, str(key))),
        "use one of: " + ", ".join(sorted(known)),
    )


def parse_tests(entries, column: str | None, path: Path, text: str) -> list[DeclaredTest]:
    """A `data_tests:` list: each entry a test name, or a one-key mapping of the name to its arguments."""
    if entries is None:
        return []
    known = COLUMN_TESTS if column is not None else MODEL_TESTS
    owner = f"under column {column!r}" if column is not None else "in the model's data_tests"
    if not isinstance(entries, list):
        raise ModelError(
            f"data_tests {owner} must be a list",
            Location(str(path), line_of(text, "data_tests")),
            "write `data_tests:` then one `- test_name` or `- test_name: {arguments}` per line",
        )
    tests = []
    for entry in entries:
        if isinstance(entry, str):
            name, args = entry, {}
        elif isinstance(entry, dict) and len(entry) == 1:
            name, args = next(iter(entry.items()))
            args = {} if args is None else args
        else:
            raise ModelError(
                f"a test {owner} is neither a name nor a one-key mapping: {entry!r}"[:200],
                Location(str(path)),
                "write `- test_name` or `- test_name: {arguments}`",
            )
        where = Location(str(path), line_of(text, str(name)))
        if name not in known:
            raise ModelError(f"unknown test {name!r} {owner}", where, "use one of: " + ", ".join(sorted(known)))
        if not isinstance(args, dict):
            raise ModelError(
                f"the arguments of test {name!r} {owner} must be a mapping",
                where,
                f"write `- {name}: {{argument: value}}`",
            )
        required, optional = known[name]
        for key in args:
            if key not in required | optional | COMMON:
                raise ModelError(
                    f"unknown key {key!r} in test {name!r} {owner}",
                    Location(str(path), line_of(text, str(key), (where.line or 1) - 1) or where.line),
                    "use one of: " + ", ".join(sorted(required | optional | COMMON)),
                )
        missing = sorted(required - set(args))
        if missing:
            raise ModelError(
                f"test {name!r} {owner} needs {', '.join(missing)}",
                where,
                f"write `- {name}: {{{', '.join(f'{m}: ...' for m in missing)}}}`",
            )
        severity = args.get("severity", "critical")
        if severity not in SEVERITIES:
            raise ModelError(
                f"test {name!r} {owner}: severity {severity!r} is neither critical nor warning",
                where,
                "write `severity: critical` or `severity: warning`",
            )
        _check_values(name, args, owner, where)
        tests.append(
            DeclaredTest(
                name,
                column,
                {k: v for k, v in args.items() if k not in COMMON},
                severity,
                args.get("guards"),
                str(where),
            )
        )
    return tests


def _check_values(name: str, args: dict, owner: str, where: Location) -> None:
    for key in ("values", "columns", "ignore_values"):
        if key in args and not (isinstance(args[key], list) and args[key]):
            raise ModelError(
                f"test {name!r} {owner}: `{key}` must be a non-empty list", where, f"write `{key}: [a, b]`"
            )
    for key in ("to", "field", "column", "evidence", "name", "sql", "show"):
        if key in args and not (isinstance(args[key], str) and args[key].strip()):
            raise ModelError(f"test {name!r} {owner}: `{key}` must be text", where, f"write `{key}: ...`")
    if name == "between" and "min" not in args and "max" not in args:
        raise ModelError(
            f"test 'between' {owner} needs min, max or both", where, "write `- between: {min: 0, max: 100}`"
        )
    if "required" in args and not isinstance(args["required"], (bool, str)):
        raise ModelError(
            f"test {name!r} {owner}: `required` is true, false or a SQL condition",
            where,
            "write `required: true` or `required: \"status = 'actual'\"`",
        )
