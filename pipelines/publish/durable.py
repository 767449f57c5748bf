"""Making a write survive a crash: a file's data, and a rename's entry in its folder, forced to disk."""

from __future__ import annotations

import os
from pathlib import Path


def fsync_file(path: Path) -> None:
    with path.open("rb") as handle:
        os.fsync(handle.fileno())


def fsync_dir(directory: Path) -> None:
    """A rename is durable only once its folder is synced (POSIX says nothing of it otherwise)."""
    handle = os.open(directory, os.O_RDONLY)
    try:
        os.fsync(handle)
    finally:
        os.close(handle)
