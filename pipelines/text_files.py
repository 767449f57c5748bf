"""Reading a project's own text files (a model's SQL, a suite's JSON): a regular file of UTF-8 text of
bounded size, or one clear error naming it. A FIFO planted as marts/x.sql would otherwise hang the run
under its lock, a GBK file end in an internal error, and /dev/zero fill the memory."""

from __future__ import annotations

import os
import stat
from pathlib import Path

from .errors import ClusterdwError, Location

MAX_TEXT_BYTES = 4 << 20  # the largest model or suite is a few KB


def read_text(path: Path, error: type[ClusterdwError] = ClusterdwError, limit: int = MAX_TEXT_BYTES) -> str:
    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer; it is refused unread.
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC), "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                raise error(
                    "not a regular file (a FIFO, device, socket or folder)",
                    Location(str(path)),
                    "put the file itself there, or remove it",
                )
            os.set_blocking(handle.fileno(), True)
            data = handle.read(limit + 1)
    except OSError as failure:
        raise error(
            f"cannot be read: {failure.strerror}", Location(str(path)), "make it readable (chmod u+r), or remove it"
        ) from failure
    if len(data) > limit:
        raise error(
            f"over the {limit:,} bytes a project file may take",
            Location(str(path)),
            "keep models and suites short, or remove the file",
        )
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as failure:
        line = data[: failure.start].count(b"\n") + 1
        raise error("not UTF-8 text (was it saved as GBK?)", Location(str(path), line), "save it as UTF-8") from None
