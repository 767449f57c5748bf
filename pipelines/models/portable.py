"""The SQL subset that DuckDB and Spark run the same way.

A model is DuckDB SQL that sqlglot transpiles to Spark SQL. A few constructs transpile without an
error yet give other types or other rows on Spark, or do not run there at all; each is a graph
error on both engines, naming the model's file and line and the portable way to write it.
"""

from __future__ import annotations

import re
from pathlib import Path

from sqlglot import exp

from ..errors import ModelError

_UNION_BY_NAME = re.compile(r"\bunion\s+(?:all\s+)?by\s+name\b", re.IGNORECASE)
_COMMENT = re.compile(r"--[^\n]*|/\*.*?\*/", re.DOTALL)


def _blank_comments(sql: str) -> str:
    """The SQL with its comments turned to spaces (lines and offsets kept), so a search skips them."""
    return _COMMENT.sub(lambda m: re.sub(r"[^\n]", " ", m.group(0)), sql)


def _line_of_node(node: exp.Expression, sql: str) -> int | None:
    """The line of the first token sqlglot kept a position for, in the node or below it."""
    starts = [n.meta["start"] for n in node.walk() if isinstance(n.meta.get("start"), int)]
    return sql.count("\n", 0, min(starts)) + 1 if starts else None


def _branches(union: exp.SetOperation, ctes: dict[str, exp.Expression]) -> list[exp.Expression]:
    """The SELECTs a set operation puts together, through nested set operations, parentheses and
    `select * from cte` (the CTE's own SELECT is what gives the branch its columns)."""
    found, todo, seen = [], [union.left, union.right], set()
    while todo:
        side = todo.pop(0)
        while isinstance(side, exp.Subquery) and not side.alias:
            side = side.this
        source = side.args.get("from_") if isinstance(side, exp.Select) else None
        if isinstance(side, exp.SetOperation):
            todo[:0] = [side.left, side.right]
        elif (
            isinstance(side, exp.Select)
            and len(side.expressions) == 1
            and isinstance(side.expressions[0], exp.Star)
            and source is not None
            and isinstance(source.this, exp.Table)
            and not source.this.db
            and source.this.name in ctes
            and source.this.name not in seen
        ):
            seen.add(source.this.name)
            todo.insert(0, ctes[source.this.name])
        else:
            found.append(side)
    return found


def _findings(tree: exp.Expression, sql: str):
    """(line, what, portable alternative) for each construct known not to port, in the order met."""
    ctes = {cte.alias: cte.this for cte in tree.find_all(exp.CTE)}
    for node in tree.walk():
        if isinstance(node, exp.SetOperation) and node.args.get("by_name"):
            found = _UNION_BY_NAME.search(_blank_comments(sql))
            line = sql.count("\n", 0, found.start()) + 1 if found else _line_of_node(node, sql)
            yield (
                line,
                "`union ... by name` (Spark has no such union)",
                "list the columns in the same order in every branch and use `union all`",
            )
        if isinstance(node, exp.SetOperation):
            for branch in _branches(node, ctes):
                for column in branch.expressions if isinstance(branch, exp.Select) else []:
                    if isinstance(column.unalias(), exp.Null):
                        yield (
                            _line_of_node(column, sql),
                            f"untyped `null` in a union (column {column.alias_or_name or '?'}: "
                            "its type would be the engine's guess)",
                            "cast it to the column's type, e.g. `cast(null as varchar) as x`",
                        )
        elif isinstance(node, exp.GenerateSeries) and not isinstance(node.parent, exp.Table):
            # a list of numbers; `from range(n)`, a table, fails on Spark with an error (its column is `id`)
            yield (
                _line_of_node(node, sql),
                "`range(...)`/`generate_series(...)` (Spark's `sequence` gives other types)",
                "join a small table of offsets, e.g. `(values (0), (1), (2)) as offsets(n)`, on a range condition",
            )
        elif isinstance(node, exp.Bracket) and not all(
            isinstance(key, exp.Literal) and key.is_string for key in node.expressions
        ):  # x['key']: a field
            yield (
                _line_of_node(node, sql),
                "a list subscript `x[i]` (DuckDB counts from 1, Spark from 0)",
                "a `case` expression (`case n when 1 then 'a' when 2 then 'b' end`) or a join to a lookup",
            )


def check_portable(tree: exp.Expression, path: Path, sql: str) -> None:
    """Raise ModelError at the first line holding a construct outside the portable subset."""
    findings = sorted(_findings(tree, sql), key=lambda finding: finding[0] or 0)
    if findings:
        line, what, alternative = findings[0]
        where = f"{path}:{line}" if line else str(path)
        raise ModelError(f"{what} does not run the same way on DuckDB and Spark", where, alternative)
