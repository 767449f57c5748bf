"""Model and column descriptions, kept beside each model as `<model>.yml`, written with COMMENT ON.

The same file declares the model's data tests (data_tests.py) and unit tests (`unit_tests:`, run by
`clusterdw test`). A key the file's schema does not know is an error naming the file and the key: a
misspelt key would otherwise drop what it holds without a word."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from ..errors import Location, ModelError
from ..sql import one_statement, qualified, quote, sql_literal
from .data_tests import DeclaredTest, parse_tests, unknown_key

# libyaml's loader where PyYAML has it: the same safe loading, and the project's 22 files read in
# 0.006 s instead of 0.07 s.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


@dataclass
class ModelDoc:
    description: str = ""
    grain: str = ""
    columns: dict[str, str] = field(default_factory=dict)
    tests: list[DeclaredTest] = field(default_factory=list)
    unit_tests: list = field(default_factory=list)  # as written; pipelines/models/unit_tests.py reads them

    @property
    def table_comment(self) -> str:
        return f"{self.description.strip()} Grain: {self.grain.strip()}" if self.grain else self.description.strip()


# A model's descriptions fit in a few kilobytes (the project's largest .yml is under 10 KB); a larger
# file is a mistake or hostile (a "billion laughs" of aliases is small on disk, so types are checked
# before anything is turned into text).
MAX_YML_BYTES = 1 << 20
_SCALARS = (str, int, float, bool)
TOP_LEVEL_KEYS = ("description", "grain", "columns", "data_tests", "unit_tests")
COLUMN_KEYS = ("description", "data_tests")


def read_doc(sql_path: Path) -> ModelDoc:
    path = sql_path.with_suffix(".yml")
    if not path.exists():
        return ModelDoc()
    if not path.is_file() or path.stat().st_size > MAX_YML_BYTES:
        what = (
            "is not a regular file"
            if not path.is_file()
            else f"is {path.stat().st_size:,} bytes, over the {MAX_YML_BYTES:,} a model's descriptions may take"
        )
        raise ModelError(f"the model's descriptions file {what}", path, "keep description, grain and columns only")
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=_YAML_LOADER)
    except UnicodeDecodeError as error:
        raise ModelError("the file is not UTF-8 text", path, "save it as UTF-8") from error
    except RecursionError as error:
        raise ModelError("YAML nested too deeply", path, "keep description, grain and columns only") from error
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark else str(path)
        raise ModelError(f"YAML does not parse: {getattr(error, 'problem', error)}", where, "fix the YAML") from error
    data = {} if data is None else data
    text = path.read_text(encoding="utf-8")
    if not isinstance(data, dict):
        raise ModelError(
            f"the file holds a {type(data).__name__}, not a mapping",
            path,
            "write `description: ...`, `grain: ...` and `columns:` at the top level",
        )
    for key in data:
        if key not in TOP_LEVEL_KEYS:
            raise unknown_key(path, text, key, "at the top level", TOP_LEVEL_KEYS)
    for key in ("description", "grain"):
        if data.get(key) is not None and not isinstance(data[key], _SCALARS):
            raise ModelError(f"`{key}` must be text, not a {type(data[key]).__name__}", path, f"write `{key}: text`")
    columns = data.get("columns") or {}
    if not isinstance(columns, dict):
        raise ModelError("`columns` must map column names to descriptions", path, "write `column_name: description`")
    descriptions: dict[str, str] = {}
    tests: list[DeclaredTest] = []
    for name, entry in columns.items():
        if not isinstance(name, _SCALARS):
            raise ModelError(f"column {name!r}: a column name must be text", path, "write `column_name: description`")
        if isinstance(entry, dict):  # dbt's form: description and data_tests
            for key in entry:
                if key not in COLUMN_KEYS:
                    raise unknown_key(path, text, key, f"under column {name!r}", COLUMN_KEYS)
            description = entry.get("description")
            tests += parse_tests(entry.get("data_tests"), str(name), path, text)
        else:
            description = entry
        if not (description is None or isinstance(description, _SCALARS)):
            raise ModelError(
                f"column {name!r}: a description must be text, not a {type(description).__name__}",
                Location(str(path)),
                "write `column_name: description`",
            )
        if description is not None:
            descriptions[str(name)] = str(description).strip()
    tests += parse_tests(data.get("data_tests"), None, path, text)
    unit_tests = data.get("unit_tests") or []
    if not isinstance(unit_tests, list):
        raise ModelError("`unit_tests` must be a list", path, "write `unit_tests:` then `- name: ...` per test")
    return ModelDoc(str(data.get("description", "")), str(data.get("grain", "")), descriptions, tests, unit_tests)


def write_comments(con, schema: str, table: str, doc: ModelDoc, sql_path: Path) -> None:
    """COMMENT ON the table and each documented column; a documented column that is missing is an error.
    Names are quoted and texts are literals: a column may be called anything, `say "hi"` included."""
    actual = [
        r[0]
        for r in con.execute(
            "select column_name from duckdb_columns() where schema_name = ? and table_name = ? "
            "and database_name = current_database()",
            [schema, table],
        ).fetchall()
    ]
    stale = sorted(set(doc.columns) - set(actual))
    if stale:
        raise ModelError(
            f"{sql_path.with_suffix('.yml').name} describes column(s) the model does not have: {', '.join(stale)}",
            sql_path.with_suffix(".yml"),
            "remove or rename them",
        )
    name = qualified(schema, table)
    statements = [f"comment on table {name} is {sql_literal(doc.table_comment)}"] if doc.table_comment else []
    statements += [
        f"comment on column {name}.{quote(column)} is {sql_literal(text)}" for column, text in doc.columns.items()
    ]
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
