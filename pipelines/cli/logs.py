"""Log lines on stderr: plain for people, JSON lines for log collectors."""

from __future__ import annotations

import json
import logging
import re
import sys
from datetime import UTC, datetime

import click

_format = "plain"


def log_format() -> str:
    """The format chosen by --log-format: the progress bar and error lines follow it."""
    return _format


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        return json.dumps(entry, ensure_ascii=False)


class PlainFormatter(logging.Formatter):
    """A log line of one line: a raw value's newline or ESC in a message is written as its escape."""

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        record.message = printable(record.message)
        return super().formatMessage(record)


def setup_logging(log_format: str = "plain", verbose: bool = False) -> None:
    global _format
    _format = log_format
    handler = logging.StreamHandler(sys.stderr)
    if log_format == "json":
        handler.setFormatter(JsonFormatter())
    else:
        handler.setFormatter(PlainFormatter("%(asctime)s %(levelname)s %(message)s", "%H:%M:%S"))
    root = logging.getLogger()
    root.handlers[:] = [handler]
    # with JSON logs, stderr holds JSON lines only: Python's warnings (a library's FutureWarning) too
    logging.captureWarnings(log_format == "json")
    root.setLevel(logging.WARNING)
    logging.getLogger("clusterdw").setLevel(logging.INFO)  # one line per step: the run's progress
    logging.getLogger("pipelines").setLevel(logging.DEBUG if verbose else logging.WARNING)


# Control characters (a newline, ESC, DEL, C1) and invisible format characters (bidi controls,
# zero-width spaces): in a raw value they would forge an `Error:` line or drive the terminal.
_UNPRINTABLE = re.compile(
    "[\x00-\x1f\x7f-\x9f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb]"
)


def printable(line: str) -> str:
    """The line with every control or invisible character written as its escape (\\n, \\x1b, \\u202e),
    as Python's repr writes it: one line on stderr that shows what the value holds."""
    return _UNPRINTABLE.sub(lambda m: repr(m.group())[1:-1] if m.group() not in "\t" else "\\t", line)


def echo_error(line: str) -> None:
    """An error for the user on stderr: a plain line, or with --log-format json one more JSON line."""
    line = printable(line)
    if _format == "json":
        logging.getLogger("clusterdw").error(line)
    else:
        click.echo(line, err=True)
