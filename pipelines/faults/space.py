"""A full disk (ENOSPC, or a quota: EDQUOT) anywhere in a run becomes one error that names the folder,
the space the build needs and the space that is free, instead of an OSError or a DuckDB IO Error."""

from __future__ import annotations

import errno
import shutil
from pathlib import Path

import duckdb

from ..errors import DiskFull

_ERRNOS = (errno.ENOSPC, errno.EDQUOT)
_DUCKDB_TEXTS = ("no space left on device", "disk quota exceeded")


def is_disk_full(error: BaseException | None) -> bool:
    """Whether the error, or one it was raised from, is a full disk."""
    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OSError) and error.errno in _ERRNOS:
            return True
        if isinstance(error, duckdb.Error) and any(text in str(error).lower() for text in _DUCKDB_TEXTS):
            return True
        error = error.__cause__ or error.__context__
    return False


def _mb(size: int) -> str:
    return f"{size / 1e6:,.1f} MB"


def disk_full(folder: Path, published: Path, written: int) -> DiskFull:
    """The error for a build that ran out of space in `folder`: it needs about the size of the last
    published warehouse (a build is that file again, beside it), or more than it had written."""
    free = shutil.disk_usage(folder).free if folder.exists() else 0
    if published.is_file() and published.stat().st_size:
        needed = (
            f"about {_mb(published.stat().st_size * 5 // 4)} free (the last published warehouse and room for its log)"
        )
    elif written:
        needed = f"more than the {_mb(written)} it had written"
    else:
        needed = "room to start"
    return DiskFull(
        f"no space left on the disk while writing the build: it needs {needed}, {_mb(free)} are free",
        folder,
        "free space there, or pass --db a path on a larger disk; the published warehouse was left as it was",
    )
