"""The model graph: one SELECT per .sql file in staging/ and marts/, dependencies read from the SQL.

A model's name is its file's stem and its schema the folder's name. The tables it reads are found
with sqlglot's scope traversal, leaving out CTE names, so no templating is needed.
"""

from __future__ import annotations

import graphlib
import re
from dataclasses import dataclass, field
from pathlib import Path

import sqlglot
from sqlglot import exp
from sqlglot.errors import ParseError
from sqlglot.optimizer.scope import traverse_scope

from ..errors import ModelError
from ..sql import PLAIN_IDENTIFIER
from ..text_files import read_text
from .portable import check_portable

MODEL_SCHEMAS = ("staging", "marts")


@dataclass
class Model:
    name: str
    schema: str
    path: Path
    sql: str
    depends_on: set[str] = field(default_factory=set)  # qualified names: schema.table

    @property
    def qualified_name(self) -> str:
        return f"{self.schema}.{self.name}"


def tables_read(sql: str | exp.Expression) -> set[str]:
    """Qualified names of the tables a SELECT reads; CTEs and table functions are not tables."""
    tree = sqlglot.parse_one(sql, read="duckdb") if isinstance(sql, str) else sql
    names: set[str] = set()
    for scope in traverse_scope(tree):
        for source in scope.sources.values():
            if isinstance(source, exp.Table) and source.name:
                names.add(f"{source.db}.{source.name}" if source.db else source.name)
    return names


def parse_model(path: Path, schema: str) -> Model:
    if not PLAIN_IDENTIFIER.fullmatch(path.stem):  # the stem names a table: SQL is built from it
        raise ModelError(
            f"model file name {path.name!r} is not a plain identifier",
            path,
            "rename the file to lowercase letters, digits and _, starting with a letter or _ (e.g. stg_figures.sql)",
        )
    sql = read_text(path, ModelError)
    try:
        statements = [s for s in sqlglot.parse(sql, read="duckdb") if s is not None]
    except ParseError as error:
        detail = error.errors[0] if error.errors else {}
        line, column, near = detail.get("line"), detail.get("col"), detail.get("highlight") or ""
        where = str(path)
        if line:  # sqlglot's col is where the offending token ends
            where = f"{path}:{line}:{column - len(near) + 1}" if column else f"{path}:{line}"
        description = re.sub(
            r"<Token token_type: [^,]*, text: (.*?), line: \d+, col: \d+, .*?>",
            r"'\1'",
            str(detail.get("description", error)),
        )
        if near and f"'{near}'" not in description:
            description += f" (near '{near}')"
        raise ModelError(
            f"SQL does not parse: {description}", where, "fix the SQL; a model is one SELECT statement"
        ) from error
    if len(statements) != 1 or not isinstance(statements[0], exp.Query):
        raise ModelError(
            f"a model must be exactly one SELECT; found {len(statements)} statement(s)",
            path,
            "keep one SELECT per file; the pipeline creates the table",
        )
    check_portable(statements[0], path, sql)  # on both engines, so a model written for one runs on the other
    return Model(path.stem, schema, path, sql.strip().rstrip(";"), tables_read(statements[0]))  # parsed once


def discover(project_dir: Path) -> dict[str, Model]:
    """Every model of the project, by qualified name."""
    models: dict[str, Model] = {}
    for schema in MODEL_SCHEMAS:
        for path in sorted((project_dir / schema).glob("*.sql")):
            model = parse_model(path, schema)
            models[model.qualified_name] = model
    return models


class ModelGraph:
    def __init__(self, models: dict[str, Model], sources: set[str]):
        """`sources` are tables that exist before any model runs (raw.*)."""
        self.models = models
        self.sources = sources
        for model in models.values():
            unknown = sorted(d for d in model.depends_on if d not in models and d not in sources)
            if unknown:
                raise ModelError(
                    f"model {model.name} reads unknown table(s): {', '.join(unknown)}",
                    model.path,
                    "name tables schema-qualified (raw.x, staging.stg_x, marts.x) and check the spelling",
                )

    def parents(self, name: str) -> set[str]:
        return {d for d in self.models[name].depends_on if d in self.models}

    def children(self, name: str) -> set[str]:
        return {m for m in self.models if name in self.parents(m)}

    def order(self) -> list[str]:
        """Models in an order where every model comes after those it reads."""
        sorter = graphlib.TopologicalSorter({name: self.parents(name) for name in sorted(self.models)})
        try:
            return list(sorter.static_order())
        except graphlib.CycleError as error:
            cycle = error.args[1]
            path = " -> ".join(reversed(cycle))
            raise ModelError(
                f"models form a cycle: {path}",
                self.models[cycle[0]].path,
                "break the cycle: a model may not read, directly or not, its own output",
            ) from error

    def _closure(self, start: str, step) -> set[str]:
        seen, todo = set(), [start]
        while todo:
            for nxt in step(todo.pop()):
                if nxt not in seen:
                    seen.add(nxt)
                    todo.append(nxt)
        return seen

    def resolve(self, name: str) -> str:
        if name in self.models:
            return name
        matches = [q for q, m in self.models.items() if m.name == name]
        if len(matches) == 1:
            return matches[0]
        raise ModelError(
            f"no model named {name!r}",
            "--select",
            f"choose one of: {', '.join(sorted(m.name for m in self.models.values()))}",
        )

    def select(self, selectors: list[str] | None) -> list[str]:
        """dbt-style selection: `model`, `model+` (and its descendants), `+model` (and its ancestors)."""
        order = self.order()
        if not selectors:
            return order
        chosen: set[str] = set()
        for selector in selectors:
            for word in selector.replace(",", " ").split():
                name = self.resolve(word.strip("+"))
                chosen.add(name)
                if word.endswith("+"):
                    chosen |= self._closure(name, self.children)
                if word.startswith("+"):
                    chosen |= self._closure(name, self.parents)
        return [name for name in order if name in chosen]
