"""Column lineage: the raw columns a staging or mart column is computed from, model by model.

sqlglot's lineage follows one SELECT. To follow a column across models, each model's SQL is first
qualified in dependency order (stars expanded from the contracts' raw columns and the upstream
models' columns), then passed as a `source` so that sqlglot expands every table a model reads into
that model's SELECT, down to the raw tables.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import sqlglot
from sqlglot import exp
from sqlglot.errors import SqlglotError
from sqlglot.lineage import Node, lineage
from sqlglot.optimizer.qualify import qualify

from ..errors import ClusterdwError, ModelError
from ..load.contracts import CONTRACTS
from ..load.loader import LINEAGE_COLUMNS  # the loader adds them to every raw table
from ..models.graph import ModelGraph

DIALECT = "duckdb"
PLACE_NAMES_COLUMNS = ("name", "place_key")  # raw.place_names, the view the loader derives from places + aliases
MAX_EXPRESSION = 140


def raw_schema() -> dict[str, dict[str, dict[str, str]]]:
    """Columns of the raw tables, from the declared contracts: what `select * from raw.x` expands to."""
    tables = {
        c.table: {col.name: col.sql_type for col in c.columns} | dict.fromkeys(LINEAGE_COLUMNS, "varchar")
        for c in CONTRACTS
    }
    tables["place_names"] = dict.fromkeys(PLACE_NAMES_COLUMNS, "varchar")
    return {"raw": tables}


def _null_as(name: str) -> exp.Alias:
    return exp.alias_(exp.null(), name)


def _positional_unions(tree: exp.Expression) -> None:
    """sqlglot's lineage pairs UNION branches by position; DuckDB's UNION BY NAME pairs them by name.
    Reorder the right branch by the left one's names (missing columns as NULL) so positions agree."""
    for union in tree.find_all(exp.Union):
        left, right = union.this, union.expression
        if not union.args.get("by_name") or not isinstance(left, exp.Select) or not isinstance(right, exp.Select):
            continue
        left_names = [s.alias_or_name for s in left.selects]
        right_by_name = {s.alias_or_name: s for s in right.selects}
        extra = [name for name in right_by_name if name not in left_names]
        left.set("expressions", left.selects + [_null_as(name) for name in extra])
        right.set("expressions", [right_by_name.get(name) or _null_as(name) for name in left_names + extra])
        union.set("by_name", None)


@dataclass
class PreparedModels:
    """Every model's SELECT, qualified and with stars expanded, and its output columns."""

    queries: dict[str, exp.Query]
    columns: dict[str, list[str]]


def prepare(graph: ModelGraph) -> PreparedModels:
    schema = raw_schema()
    queries: dict[str, exp.Query] = {}
    columns: dict[str, list[str]] = {}
    for name in graph.order():
        model = graph.models[name]
        try:
            tree = qualify(
                sqlglot.parse_one(model.sql, read=DIALECT),
                dialect=DIALECT,
                schema=schema,
                validate_qualify_columns=False,
                identify=False,
            )
        except SqlglotError as error:
            raise ModelError(
                f"sqlglot cannot resolve the columns of model {model.name}: {str(error).splitlines()[0]}",
                model.path,
                "fix the model's SQL",
            ) from error
        _positional_unions(tree)
        queries[name] = tree
        columns[name] = [s.alias_or_name for s in tree.selects]
        schema.setdefault(model.schema, {})[model.name] = dict.fromkeys(columns[name], "unknown")
    return PreparedModels(queries, columns)


@dataclass
class ColumnNode:
    """A column of a model or raw table, with how the model computes it and the columns it reads."""

    table: str  # schema.table, e.g. marts.fct_growth_rates or raw.figures
    column: str
    expression: str | None = None  # the model's expression, when it is more than a copy of one column
    inputs: list[ColumnNode] = field(default_factory=list)

    @property
    def name(self) -> str:
        return f"{self.table}.{self.column}"

    @property
    def is_raw(self) -> bool:
        return self.table.startswith("raw.")

    def raw_columns(self) -> list[str]:
        found, todo = set(), [self]
        while todo:
            node = todo.pop()
            if node.is_raw:
                found.add(node.name)
            todo.extend(node.inputs)
        return sorted(found)


def resolve_target(graph: ModelGraph, columns: dict[str, list[str]], target: str) -> tuple[str, str]:
    """`schema.model.column` or `model.column` -> (qualified model name, column)."""
    where = f"clusterdw lineage {target}"
    parts = target.strip().split(".")
    if len(parts) not in (2, 3) or not all(parts):
        raise ClusterdwError(
            f"{target!r} is not MODEL.COLUMN",
            where,
            "write e.g. marts.fct_growth_rates.rate_pct or fct_growth_rates.rate_pct",
        )
    *model_parts, column = parts
    wanted = ".".join(model_parts)
    if model_parts[0] == "raw" or (len(model_parts) == 1 and wanted in raw_schema()["raw"]):
        raise ClusterdwError(
            f"{wanted} is a raw table: lineage ends at raw columns", where, "trace a column of a staging or marts model"
        )
    matches = [q for q, m in graph.models.items() if wanted in (q, m.name)]
    if len(matches) != 1:
        names = sorted(m.name for m in graph.models.values())
        close = difflib.get_close_matches(model_parts[-1], names, n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise ClusterdwError(f"no model named {wanted!r}", where, f"{hint}models: {', '.join(names)}")
    model = matches[0]
    if column not in columns[model]:
        close = difflib.get_close_matches(column, columns[model], n=1)
        hint = f"did you mean {close[0]}? " if close else ""
        raise ClusterdwError(
            f"model {model} has no column {column!r}",
            graph.models[model].path,
            f"{hint}its columns: {', '.join(columns[model])}",
        )
    return model, column


def _column_of(node: Node) -> str:
    return node.name.split(".")[-1]


def _how(node: Node) -> str | None:
    """How a model computes its output column: the first expressions below it that are more than a
    copy of a column (one per UNION branch, joined by ' | ')."""
    found: list[str] = []
    seen: set[int] = set()
    todo = [node]
    while todo:
        current = todo.pop(0)
        if id(current) in seen or isinstance(current.expression, exp.Table):
            continue
        seen.add(id(current))
        expression = current.expression
        inner = expression.this if isinstance(expression, exp.Alias) else expression
        if isinstance(inner, exp.Column):  # a copy: look further down, within the same model
            todo.extend(d for d in current.downstream if d.source_name == node.source_name)
            continue
        text = " ".join(inner.sql(dialect=DIALECT).split())
        if text not in found:
            found.append(text)
    if not found:
        return None
    text = " | ".join(found)
    return text if len(text) <= MAX_EXPRESSION else text[: MAX_EXPRESSION - 1] + "…"


def _boundaries(node: Node) -> list[Node]:
    """The first nodes below `node` that are columns of another model or of a raw table."""
    found, seen, todo = [], set(), list(node.downstream)
    while todo:
        child = todo.pop(0)
        if id(child) in seen:
            continue
        seen.add(id(child))
        if isinstance(child.expression, exp.Table) or child.source_name != node.source_name:
            found.append(child)
        else:
            todo.extend(child.downstream)
    return found


def _collapse(node: Node, table: str, done: dict[str, ColumnNode]) -> ColumnNode:
    """sqlglot's node tree (one node per CTE step) -> one node per model or raw column."""
    key = f"{table}.{_column_of(node)}"
    if key in done:
        return done[key]
    result = done[key] = ColumnNode(table, _column_of(node), _how(node))
    inputs: dict[str, ColumnNode] = {}
    for child in _boundaries(node):
        if isinstance(child.expression, exp.Table):
            source = child.expression
            raw = ColumnNode(f"{source.db}.{source.name}" if source.db else source.name, _column_of(child))
            inputs.setdefault(raw.name, done.setdefault(raw.name, raw))
        else:
            upstream = _collapse(child, child.source_name, done)
            inputs.setdefault(upstream.name, upstream)
    result.inputs = sorted(inputs.values(), key=lambda n: (n.is_raw, n.name))
    return result


def trace(graph: ModelGraph, target: str, prepared: PreparedModels | None = None) -> ColumnNode:
    """The lineage of one column, e.g. `marts.fct_growth_rates.rate_pct`, down to raw columns."""
    prepared = prepared or prepare(graph)
    model, column = resolve_target(graph, prepared.columns, target)
    try:
        root = lineage(column, prepared.queries[model], schema=raw_schema(), sources=prepared.queries, dialect=DIALECT)
    except SqlglotError as error:
        raise ModelError(
            f"sqlglot cannot trace {model}.{column}: {str(error).splitlines()[0]}",
            graph.models[model].path,
            "simplify the expression, or report it",
        ) from error
    return _collapse(root, model, {})


def render(root: ColumnNode) -> list[str]:
    """An indented tree, each model column with its expression, then the raw columns it comes from."""
    lines = [root.name + (f"  = {root.expression}" if root.expression else "")]
    shown: set[str] = set()

    def walk(node: ColumnNode, prefix: str) -> None:
        for i, child in enumerate(node.inputs):
            last = i == len(node.inputs) - 1
            repeat = child.name in shown and child.inputs
            how = f"  = {child.expression}" if child.expression and not repeat else ""
            branch = "└── " if last else "├── "
            lines.append(f"{prefix}{branch}{child.name}{how}{'  (see above)' if repeat else ''}")
            if not repeat:
                shown.add(child.name)
                walk(child, prefix + ("    " if last else "│   "))

    walk(root, "")
    raw = root.raw_columns()
    lines.append(f"raw columns ({len(raw)}): {', '.join(raw) if raw else 'none (a constant or a row count)'}")
    return lines
