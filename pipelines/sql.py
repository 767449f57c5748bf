"""Writing SQL text: a string literal and a quoted identifier."""

from __future__ import annotations


def sql_literal(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


def quote(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
