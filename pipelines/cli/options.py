"""Options that several commands take, declared once: the same flag reads the same way everywhere."""

from __future__ import annotations

from pathlib import Path

import click

SELECT_SYNTAX = "NAME, NAME+ (and descendants), +NAME (and ancestors)"


def select_option(what: str, syntax: str = SELECT_SYNTAX):
    """-s/--select, read as build reads it; `what` says what the chosen names pick."""
    return click.option("-s", "--select", "select", multiple=True, help=f"{what}: {syntax}. Repeatable.")


def engine_option(help: str):
    return click.option(
        "--engine", type=click.Choice(["duckdb", "spark"]), default="duckdb", show_default=True, help=help
    )


def out_dir_option(help: str, required: bool = False):
    """--out FOLDER, a folder the command writes (and refuses if it holds what clusterdw did not write)."""
    return click.option(
        "--out",
        "out_dir",
        required=required,
        type=click.Path(file_okay=False, path_type=Path),
        default=None,
        help=help,
    )
