"""Writing SQL text from names and values: quoted by sqlglot for DuckDB, never pasted in as they are."""

from __future__ import annotations

import re

import duckdb
from sqlglot import exp

# What a model's name (its file's stem) may be: a plain, lowercase SQL identifier, the same in DuckDB
# and Spark whether quoted or not.
PLAIN_IDENTIFIER = re.compile(r"[a-z_][a-z0-9_]*")


def sql_literal(text: str) -> str:
    """A DuckDB string literal holding `text` exactly."""
    return exp.Literal.string(text).sql(dialect="duckdb")


def quote(identifier: str) -> str:
    """A quoted DuckDB identifier naming exactly `identifier`, whatever it holds."""
    return exp.to_identifier(identifier, quoted=True).sql(dialect="duckdb")


def qualified(*parts: str) -> str:
    """`"schema"."table"` (or any dotted name), each part quoted."""
    return ".".join(quote(part) for part in parts)


def one_statement(sql: str) -> str:
    """`sql`, after DuckDB's own parser found exactly one statement in it: DuckDB runs every statement
    of a string, so a string built from text must never hold a second one."""
    found = len(duckdb.extract_statements(sql))
    if found != 1:
        raise ValueError(f"expected one SQL statement, found {found}")
    return sql
