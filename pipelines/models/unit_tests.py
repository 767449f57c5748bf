"""Unit tests of models, declared in the model's .yml as dbt declares them, run by `clusterdw test`:

    unit_tests:
      - name: growth_from_two_levels
        description: two one-year levels of consecutive years give a derived growth row
        given:
          marts.int_figures:          # rows of each table the model reads; a table not given is empty
            - {figure_id: 001-001, metric_code: output_value, year: 2023, value_in_base_unit: 100, ...}
        expect:                       # the model's rows, compared on the columns written here, in any order
          - {growth_rate_id: "derived:001-001:001-002", computed_rate_pct: 25.0}

Each test runs in DuckDB on an in-memory database holding every raw, staging and mart table empty,
with the types a real build gives them (the models built over empty raw tables): a given row needs
only the columns its test is about, the rest are null. A failing test shows the rows that differ.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

import duckdb

from ..errors import ClusterdwError, Location, ModelError
from ..sql import qualified, quote
from .data_tests import line_of
from .graph import Model, ModelGraph

log = logging.getLogger(__name__)

TEST_KEYS = ("name", "description", "given", "expect")


class UnitTestsFailed(ClusterdwError):
    exit_code = 4  # a model does not do what its tests say


@dataclass
class UnitTest:
    model: str  # schema.name
    name: str
    given: dict[str, list[dict]]
    expect: list[dict]
    where: str
    description: str = ""


@dataclass
class Outcome:
    test: UnitTest
    missing: list[tuple] = field(default_factory=list)  # expected rows the model did not give
    unexpected: list[tuple] = field(default_factory=list)  # rows the model gave that were not expected
    columns: list[str] = field(default_factory=list)
    error: str | None = None

    @property
    def passed(self) -> bool:
        return self.error is None and not self.missing and not self.unexpected


def read_unit_tests(graph: ModelGraph, model: str, entries: list) -> list[UnitTest]:
    path = graph.models[model].path.with_suffix(".yml")
    text = path.read_text(encoding="utf-8")
    tests = []
    for entry in entries:
        where = Location(str(path), line_of(text, "name"))
        if not isinstance(entry, dict) or not isinstance(entry.get("name"), str):
            raise ModelError("a unit test must be a mapping with a `name`", where, "write `- name: what_it_tests`")
        where = Location(str(path), _line_of_value(text, entry["name"]))
        for key in entry:
            if key not in TEST_KEYS:
                raise ModelError(
                    f"unknown key {key!r} in unit test {entry['name']!r}",
                    Location(str(path), line_of(text, str(key), (where.line or 1) - 1)),
                    "use one of: " + ", ".join(TEST_KEYS),
                )
        given, expect = entry.get("given") or {}, entry.get("expect")
        if not isinstance(given, dict) or not all(isinstance(rows, list) for rows in given.values()):
            raise ModelError(
                f"unit test {entry['name']!r}: `given` maps each table the model reads to a list of rows",
                where,
                "write `given:` then `schema.table:` then `- {column: value}` rows",
            )
        if not isinstance(expect, list) or not all(isinstance(row, dict) for row in expect):
            raise ModelError(
                f"unit test {entry['name']!r}: `expect` must be a list of rows",
                where,
                "write `expect:` then `- {column: value}` rows (an empty list: `expect: []`)",
            )
        for table, rows in given.items():
            name = graph.resolve(table) if "." not in table else table
            if name not in graph.models[model].depends_on:
                raise ModelError(
                    f"unit test {entry['name']!r} gives rows of {table}, which {model} does not read",
                    where,
                    "give only: " + ", ".join(sorted(graph.models[model].depends_on)),
                )
            if not all(isinstance(row, dict) for row in rows):
                raise ModelError(
                    f"unit test {entry['name']!r}: the rows of {table} must be mappings",
                    where,
                    "write each row as `- {column: value}`",
                )
        tests.append(
            UnitTest(
                model,
                entry["name"],
                {(graph.resolve(t) if "." not in t else t): rows for t, rows in given.items()},
                expect,
                str(where),
                str(entry.get("description") or ""),
            )
        )
    return tests


def _line_of_value(text: str, value: str) -> int | None:
    for number, line in enumerate(text.splitlines(), start=1):
        if line.strip().lstrip("-").strip() in (f"name: {value}", f"name: '{value}'", f'name: "{value}"'):
            return number
    return None


def empty_warehouse(project_dir: Path) -> duckdb.DuckDBPyConnection:
    """An in-memory database with every raw table (from the contracts) and every model, all empty."""
    from ..load.contracts import CONTRACTS
    from ..load.loader import register_functions
    from .builder import load_graph

    con = duckdb.connect()
    register_functions(con)
    con.execute("create schema raw; create schema staging; create schema marts")
    for contract in CONTRACTS:
        typed = ", ".join(f"{quote(c.name)} {c.sql_type}" for c in contract.columns)
        con.execute(
            f"create table raw.{quote(contract.table)} ({typed}, source_file varchar, "
            "source_line integer, source_file_sha256 varchar)"
        )
    con.execute("create table raw.place_names (name varchar, place_key varchar)")
    graph = load_graph(project_dir)
    for name in graph.order():
        model = graph.models[name]
        try:
            con.execute(f"create table {qualified(model.schema, model.name)} as {model.sql}")
        except duckdb.Error as error:
            raise ModelError(
                f"model {name} does not build on empty tables: {str(error).splitlines()[0]}",
                model.path,
                "fix the model",
            ) from error
    return con


def _columns(con, table: str) -> dict[str, str]:
    schema, name = table.split(".")
    return dict(
        con.execute(
            "select column_name, data_type from duckdb_columns() where schema_name = ? and table_name = ?",
            [schema, name],
        ).fetchall()
    )


class ModelRunFailed(Exception):
    """The model did not run on the engine of the test (its first line says why)."""


# (connection, model) -> a DuckDB query of the model's rows: the model's own SQL, or what another engine wrote
Engine = Callable[[duckdb.DuckDBPyConnection, Model], str]


def on_duckdb(con: duckdb.DuckDBPyConnection, model: Model) -> str:
    return model.sql


def run_test(con: duckdb.DuckDBPyConnection, graph: ModelGraph, test: UnitTest, engine: Engine = on_duckdb) -> Outcome:
    """Run one test in a transaction rolled back after it: the next test starts from empty tables. The
    given rows are written into DuckDB's typed tables; `engine` runs the model on them."""
    model = graph.models[test.model]
    con.execute("begin transaction")
    try:
        for table in model.depends_on:
            con.execute(f"delete from {qualified(*table.split('.'))}")
        for table, rows in test.given.items():
            types = _columns(con, table)
            for row in rows:
                unknown = sorted(set(row) - set(types))
                if unknown:
                    return Outcome(
                        test, error=f"given rows of {table} name columns it does not have: {', '.join(unknown)}"
                    )
                names = list(row)
                values = ", ".join(f"cast(? as {types[c]})" for c in names)
                con.execute(
                    f"insert into {qualified(*table.split('.'))} ({', '.join(quote(c) for c in names)}) "
                    f"values ({values})",
                    [_param(row[c]) for c in names],
                )
        return _compare(con, engine(con, model), test)
    except (duckdb.Error, ModelRunFailed) as error:
        return Outcome(test, error=str(error).splitlines()[0])
    finally:
        con.execute("rollback")


def _param(value):
    return str(value) if isinstance(value, (Decimal,)) else value


def _compare(con, sql: str, test: UnitTest) -> Outcome:
    con.execute(f"create or replace temp table __actual as {sql}")
    types = dict(
        con.execute(
            "select column_name, data_type from duckdb_columns() where table_name = '__actual' "
            "and database_name = 'temp'"
        ).fetchall()
    )
    columns = list(dict.fromkeys(c for row in test.expect for c in row)) or list(types)
    unknown = [c for c in columns if c not in types]
    if unknown:
        return Outcome(test, error=f"expect names columns the model does not give: {', '.join(unknown)}")
    listed = ", ".join(quote(c) for c in columns)
    con.execute(f"create or replace temp table __expected as select {listed} from __actual limit 0")
    for row in test.expect:
        present = [c for c in columns if c in row]
        if present:
            con.execute(
                f"insert into __expected ({', '.join(quote(c) for c in present)}) values "
                f"({', '.join(f'cast(? as {types[c]})' for c in present)})",
                [_param(row[c]) for c in present],
            )
        else:
            con.execute("insert into __expected default values")
    shown = ", ".join(_comparable(c, types[c]) for c in columns)
    missing = con.execute(f"select {shown} from __expected except all select {shown} from __actual").fetchall()
    unexpected = con.execute(f"select {shown} from __actual except all select {shown} from __expected").fetchall()
    return Outcome(test, sorted(missing, key=str), sorted(unexpected, key=str), columns)


def _comparable(column: str, data_type: str) -> str:
    """Doubles compared to 9 decimals: 1/3 written as 0.333333333 is 1/3."""
    if data_type in ("DOUBLE", "FLOAT"):
        return f"round({quote(column)}, 9) as {quote(column)}"
    return quote(column)


def collect(project_dir: Path, select: list[str] | None = None) -> tuple[ModelGraph, list[UnitTest]]:
    """The graph and the unit tests of the selected models (all models without `select`), in graph order."""
    from .builder import load_graph
    from .descriptions import read_doc

    graph = load_graph(project_dir)
    names = graph.select(select) if select else graph.order()
    tests = [
        test for name in names for test in read_unit_tests(graph, name, read_doc(graph.models[name].path).unit_tests)
    ]
    return graph, tests


def run_unit_tests(project_dir: Path, select: list[str] | None = None) -> list[Outcome]:
    graph, tests = collect(project_dir, select)
    if not tests:
        return []
    con = empty_warehouse(project_dir)
    try:
        return [run_test(con, graph, test) for test in tests]
    finally:
        con.close()


def render(outcome: Outcome) -> list[str]:
    """A failing test's rows that differ, as a small table; one line for a passing one."""
    test = outcome.test
    if outcome.passed:
        return [f"pass  {test.model}: {test.name}"]
    lines = [f"FAIL  {test.model}: {test.name}  ({test.where})"]
    if outcome.error:
        return lines + [f"      {outcome.error}"]
    header = " | ".join(outcome.columns)
    for label, rows in (
        ("expected, not given by the model", outcome.missing),
        ("given by the model, not expected", outcome.unexpected),
    ):
        if rows:
            lines += [f"      {label} ({len(rows)}):", f"        {header}"]
            lines += [f"        {' | '.join('null' if v is None else str(v) for v in row)}" for row in rows[:20]]
            if len(rows) > 20:
                lines.append(f"        ... and {len(rows) - 20} more")
    return lines
