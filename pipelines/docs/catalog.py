"""The catalog `clusterdw docs` prints: every model with its description, grain and columns, and the
dependency graph as edges and as an indented tree.

Descriptions come from the YAML beside each model. Column names and types come from the warehouse
built last (the published file or the dev file, whichever is newer); a model not built there gets
its column names from its SQL, resolved by sqlglot.
"""

from __future__ import annotations

import textwrap
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..errors import ClusterdwError
from ..models.builder import load_graph
from ..models.descriptions import read_doc
from ..models.graph import MODEL_SCHEMAS
from ..project import Project

WIDTH = 100


@dataclass
class ColumnDoc:
    name: str
    data_type: str | None
    description: str | None  # None: the YAML does not describe it
    in_model: bool = True  # False: the YAML describes a column the model does not have


@dataclass
class ModelEntry:
    name: str  # schema.model
    path: Path
    description: str
    grain: str
    parents: list[str]
    children: list[str]
    columns: list[ColumnDoc] = field(default_factory=list)
    rows: int | None = None  # from the warehouse, when built there


@dataclass
class Catalog:
    models: dict[str, ModelEntry]  # staging then marts, by name
    edges: list[tuple[str, str]]  # (table read, model reading it)
    columns_from: Path | None  # the warehouse file the columns were read from

    @property
    def sources(self) -> list[str]:
        return sorted({parent for parent, _ in self.edges if parent not in self.models})


def _reading_order(name: str) -> tuple[int, str]:
    schema, model = name.split(".", 1)
    return MODEL_SCHEMAS.index(schema), model


def newest_warehouse(project: Project) -> Path | None:
    built = [p for p in (project.db_path, project.dev_db_path) if p.exists()]
    return max(built, key=lambda p: p.stat().st_mtime) if built else None


def _built_columns(db_path: Path) -> tuple[dict[str, list[tuple[str, str]]], dict[str, int]]:
    """Columns (name, type) and row counts of every staging and marts table in a warehouse file."""
    con = duckdb.connect(str(db_path), read_only=True)
    try:
        columns: dict[str, list[tuple[str, str]]] = {}
        for table, column, data_type in con.execute(
            "select schema_name || '.' || table_name, column_name, data_type from duckdb_columns() "
            "where schema_name in ('staging', 'marts') order by schema_name, table_name, column_index"
        ).fetchall():
            columns.setdefault(table, []).append((column, data_type))
        rows = dict(
            con.execute(
                "select schema_name || '.' || table_name, estimated_size from duckdb_tables() "
                "where schema_name in ('staging', 'marts')"
            ).fetchall()
        )
        return columns, rows
    finally:
        con.close()


def build_catalog(project: Project) -> Catalog:
    graph = load_graph(project.project_dir)
    db_path = newest_warehouse(project)
    built, rows = {}, {}
    if db_path is not None:
        try:
            built, rows = _built_columns(db_path)
        except duckdb.Error:  # held by a running build: fall back to the SQL
            db_path = None
    inferred = None
    if any(name not in built for name in graph.models):
        from .lineage import prepare  # sqlglot resolution of every model's columns: only when needed

        inferred = prepare(graph).columns
    models: dict[str, ModelEntry] = {}
    for name in sorted(graph.order(), key=_reading_order):
        model = graph.models[name]
        doc = read_doc(model.path)
        actual = built.get(name) or [(column, None) for column in inferred[name]]
        columns = [ColumnDoc(column, data_type, doc.columns.get(column)) for column, data_type in actual]
        names = {column for column, _ in actual}
        columns += [
            ColumnDoc(column, None, text, in_model=False) for column, text in doc.columns.items() if column not in names
        ]
        models[name] = ModelEntry(
            name,
            model.path,
            doc.description.strip(),
            doc.grain.strip(),
            sorted(model.depends_on),
            sorted(graph.children(name)),
            columns,
            rows.get(name),
        )
    edges = [(parent, name) for name in models for parent in models[name].parents]
    return Catalog(models, edges, db_path)


def select(catalog: Catalog, names: list[str]) -> list[str]:
    """Model names as given (`fct_growth_rates` or `marts.fct_growth_rates`) -> qualified names."""
    chosen = []
    for name in names:
        matches = [q for q in catalog.models if name == q or q.split(".", 1)[1] == name]
        if len(matches) != 1:
            raise ClusterdwError(
                f"no model named {name!r}",
                f"clusterdw docs {name}",
                "choose one of: " + ", ".join(q.split(".", 1)[1] for q in catalog.models),
            )
        chosen.append(matches[0])
    return chosen


def _wrapped(text: str, indent: str) -> list[str]:
    return textwrap.wrap(" ".join(text.split()), WIDTH, initial_indent=indent, subsequent_indent=indent) or [indent]


def render_model(entry: ModelEntry) -> list[str]:
    rows = f", {entry.rows} rows" if entry.rows is not None else ""
    lines = [f"{entry.name}  ({entry.path.parent.name}/{entry.path.name}{rows})"]
    lines += _wrapped(entry.description or "(no description: add one to the model's .yml)", "  ")
    if entry.grain:
        lines += _wrapped(f"Grain: {entry.grain}", "  ")
    lines.append(f"  Reads: {', '.join(entry.parents) or '-'}")
    lines.append(f"  Read by: {', '.join(entry.children) or '-'}")
    lines.append(f"  Columns ({len([c for c in entry.columns if c.in_model])}):")
    for column in entry.columns:
        label = f"    {column.name}" + (f" ({column.data_type})" if column.data_type else "")
        if not column.in_model:
            text = f"(described in the .yml but not in the model) {column.description}"
        else:
            text = column.description or "(no description: add one to the model's .yml)"
        lines.append(label)
        lines += _wrapped(text, " " * 8)
    return lines


def tree(catalog: Catalog, roots: list[str], step) -> list[str]:
    """An indented tree from `roots`, following `step` (children or parents); a subtree shown once."""
    lines: list[str] = []
    shown: set[str] = set()

    def walk(name: str, depth: int) -> None:
        nexts = step(name)
        repeat = name in shown and nexts
        lines.append("  " * depth + name + ("  (…see above)" if repeat else ""))
        if repeat:
            return
        shown.add(name)
        for nxt in nexts:
            walk(nxt, depth + 1)

    for root in roots:
        walk(root, 0)
    return lines


def children_of(catalog: Catalog):
    readers: dict[str, list[str]] = {}
    for parent, child in catalog.edges:
        readers.setdefault(parent, []).append(child)
    return lambda name: sorted(readers.get(name, []))


def parents_of(catalog: Catalog):
    return lambda name: catalog.models[name].parents if name in catalog.models else []


def render(catalog: Catalog, names: list[str] | None = None) -> list[str]:
    """The whole catalog, or the chosen models with the tree of what each reads."""
    chosen = select(catalog, names) if names else list(catalog.models)
    source = (
        f"columns from {catalog.columns_from}"
        if catalog.columns_from
        else "no warehouse built yet: columns from the models' SQL (run `clusterdw run` to see types)"
    )
    counts = {schema: sum(1 for q in catalog.models if q.startswith(schema + ".")) for schema in ("staging", "marts")}
    lines = [
        f"{len(catalog.models)} models ({counts['staging']} staging, {counts['marts']} marts); {source}.",
        "Code lists: docs/codes.md. Trace a column to raw/: clusterdw lineage MODEL.COLUMN.",
        "",
    ]
    for name in chosen:
        lines += render_model(catalog.models[name]) + [""]
    if names:
        lines.append("What they read (each model, then the tables it reads, down to raw):")
        lines += tree(catalog, chosen, parents_of(catalog))
        return lines
    lines.append(f"Dependency graph ({len(catalog.edges)} edges: table read -> model reading it):")
    lines += [f"  {parent} -> {child}" for parent, child in catalog.edges]
    lines += ["", "Dependency tree (each raw table, then the models that read it, and so on):"]
    lines += tree(catalog, catalog.sources, children_of(catalog))
    described = sum(1 for m in catalog.models.values() for c in m.columns if c.in_model and c.description)
    total = sum(1 for m in catalog.models.values() for c in m.columns if c.in_model)
    lines += ["", f"{described} of {total} columns described."]
    return lines
