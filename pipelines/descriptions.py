"""Model and column descriptions, kept beside each model as `<model>.yml`, written with COMMENT ON."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from .errors import ModelError
from .sql import one_statement, qualified, quote, sql_literal

# libyaml's loader where PyYAML has it: the same safe loading, and the project's 22 files read in
# 0.006 s instead of 0.07 s.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class ModelDoc:
    description: str = ""
    grain: str = ""
    columns: dict[str, str] = field(default_factory=dict)

    @property
    def table_comment(self) -> str:
        return f"{self.description.strip()} Grain: {self.grain.strip()}" if self.grain else self.description.strip()


def read_doc(sql_path: Path) -> ModelDoc:
    path = sql_path.with_suffix(".yml")
    if not path.exists():
        return ModelDoc()
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER) or {}
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ModelError(f"YAML does not parse: {getattr(error, 'problem', error)}", where, "fix the YAML") from error
    columns = data.get("columns") or {}
    if not isinstance(columns, dict):
        raise ModelError("`columns` must map column names to descriptions", path, "write `column_name: description`")
    return ModelDoc(str(data.get("description", "")), str(data.get("grain", "")),
                    {str(k): str(v).strip() for k, v in columns.items()})


def write_comments(con, schema: str, table: str, doc: ModelDoc, sql_path: Path) -> None:
    """COMMENT ON the table and each documented column; a documented column that is missing is an error.
    Names are quoted and texts are literals: a column may be called anything, `say "hi"` included."""
    actual = [r[0] for r in con.execute(
        "select column_name from duckdb_columns() where schema_name = ? and table_name = ? "
        "and database_name = current_database()", [schema, table]).fetchall()]
    stale = sorted(set(doc.columns) - set(actual))
    if stale:
        raise ModelError(f"{sql_path.with_suffix('.yml').name} describes column(s) the model does not have: "
                         f"{', '.join(stale)}", sql_path.with_suffix(".yml"), "remove or rename them")
    name = qualified(schema, table)
    statements = [f"comment on table {name} is {sql_literal(doc.table_comment)}"] if doc.table_comment else []
    statements += [f"comment on column {name}.{quote(column)} is {sql_literal(text)}"
                   for column, text in doc.columns.items()]
    if not statements:
        return
    # One transaction, so one commit: each statement alone commits and syncs the WAL to disk, which
    # made the comments of the project's 305 columns take longer than building its tables.
    con.execute("begin transaction")
    try:
        for statement in statements:
            con.execute(one_statement(statement))
    except BaseException:
        con.execute("rollback")
        raise
    con.execute("commit")
