"""Log lines on stderr: plain for people, JSON lines for log collectors."""

from __future__ import annotations

import json
import logging
import sys
from datetime import datetime, timezone

import click

_format = "plain"


def log_format() -> str:
    """The format chosen by --log-format: the progress bar and error lines follow it."""
    return _format


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, timezone.utc).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        return json.dumps(entry, ensure_ascii=False)


def setup_logging(log_format: str = "plain", verbose: bool = False) -> None:
    global _format
    _format = log_format
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s", "%H:%M:%S"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    # with JSON logs, stderr holds JSON lines only: Python's warnings (a library's FutureWarning) too
    logging.captureWarnings(log_format == "json")
    root.setLevel(logging.WARNING)
    logging.getLogger("clusterdw").setLevel(logging.INFO)  # one line per step: the run's progress
    logging.getLogger("pipelines").setLevel(logging.DEBUG if verbose else logging.WARNING)


def echo_error(line: str) -> None:
    """An error for the user on stderr: a plain line, or with --log-format json one more JSON line."""
    if _format == "json":
        logging.getLogger("clusterdw").error(line)
    else:
        click.echo(line, err=True)
