"""A progress bar for model building, shown only to a person: stderr a terminal and plain logs."""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager

import click

from .logs import log_format


@contextmanager
def model_progress(count: Callable[[], int], stream=None) -> Iterator[Callable[[str], None] | None]:
    """Yield build()'s `progress` callback, or None under cron, pipes, CI and JSON logs (no bar there)."""
    stream = stream or sys.stderr
    if log_format() != "plain" or not stream.isatty():
        yield None
        return
    with click.progressbar(
        length=count(), label="Building models", file=stream, show_pos=True, item_show_func=lambda name: name
    ) as bar:
        yield lambda name: bar.update(1, name)
