"""Opening the files clusterdw keeps by name in a folder others may write in (target/, an export folder),
without being led elsewhere: never through a symlink, never into a file with other hard links, never a
FIFO or device. A planted link would otherwise make a root or cron run truncate any file it points at.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path
from typing import IO

from ..errors import PathRefused

_APPEND_MODES = {
    "a": os.O_WRONLY,
    "ab": os.O_WRONLY,
    "a+": os.O_RDWR,
    "ab+": os.O_RDWR,
    "a+b": os.O_RDWR,
}
_FIX = "remove it: clusterdw creates this file itself (and check who planted it)"


def open_own(path: Path, mode: str = "a+", encoding: str | None = None) -> IO:
    """`open(path, mode)` for an append mode, created if missing, refusing a symlink, a hard-linked file
    or anything but a regular file (PathRefused). Appending never truncates; a caller that rewrites
    the file truncates it after these checks, on the descriptor it holds."""
    if mode not in _APPEND_MODES:
        raise ValueError(f"open_own opens for appending only, not {mode!r}")
    # O_NONBLOCK: opening a FIFO does not wait for a reader; a regular file ignores it.
    flags = _APPEND_MODES[mode] | os.O_APPEND | os.O_CREAT | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK
    try:
        descriptor = os.open(path, flags, 0o644)
    except OSError as error:
        if error.errno == errno.ELOOP:  # O_NOFOLLOW met a symlink
            raise PathRefused(
                "refusing to open a symbolic link where clusterdw keeps its own file", path, _FIX
            ) from error
        raise PathRefused(f"cannot open: {error.strerror}", path, "check the folder's permissions") from error
    try:
        _refuse_shared(descriptor, path)
        os.set_blocking(descriptor, True)
        return open(descriptor, mode, encoding=None if "b" in mode else encoding or "utf-8")
    except BaseException:
        os.close(descriptor)
        raise


def create_new(path: Path) -> IO[bytes]:
    """A new file at `path` for writing bytes; refused if anything, a symlink included, is there."""
    try:
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_NOFOLLOW | os.O_CLOEXEC, 0o644)
    except FileExistsError as error:
        raise PathRefused("refusing to write a file that is already there", path, _FIX) from error
    return open(descriptor, "wb")


def _refuse_shared(descriptor: int, path: Path) -> None:
    """A file clusterdw writes must be its own: regular, and reachable by this one name only."""
    found = os.fstat(descriptor)
    if not stat.S_ISREG(found.st_mode):
        raise PathRefused(
            "refusing to open something that is not a regular file where clusterdw keeps its own file", path, _FIX
        )
    if found.st_nlink > 1:
        raise PathRefused(
            f"refusing to open a file with {found.st_nlink - 1} other hard link(s) where clusterdw keeps its own file",
            path,
            _FIX,
        )
