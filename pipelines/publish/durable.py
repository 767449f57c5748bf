"""Making a write survive a crash: a file's data, and a rename's entry in its folder, forced to disk."""

from __future__ import annotations

import ctypes
import functools
import os
import platform
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

FSYNC_THREADS = 32  # fsyncs in flight at once: the journal commits those waiting together


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


class TreeSync:
    """Forces every file and folder written under `folder` to disk at once, after all are written.

    Open it before writing: on Linux 5.8 and later one syncfs(2) of the folder's filesystem flushes them
    all and commits the journal once, and it reports any write-back error on that filesystem since this
    was opened (an fsync of each file commits the journal once per file: 23 s for 5,000 files of 8 KB on
    this machine's disk, 0.4 s for syncfs; benchmarks/RESULTS.md). Elsewhere, each file and folder is
    fsynced, many at once."""

    def __init__(self, folder: Path, use_syncfs: bool = True):
        self.folder = Path(folder)
        self._fd = os.open(self.folder, os.O_RDONLY) if use_syncfs and _syncfs() is not None else None

    def sync(self) -> None:
        if self._fd is not None:
            if _syncfs()(self._fd) != 0:
                error = ctypes.get_errno()
                raise OSError(error, f"syncfs: {os.strerror(error)}", str(self.folder))
            return
        files, folders = [], []
        for folder, _, names in os.walk(self.folder):
            folders.append(Path(folder))
            files += [Path(folder) / name for name in names]
        with ThreadPoolExecutor(FSYNC_THREADS) as pool:
            list(pool.map(fsync_file, files))  # list(): the first error raises here
            list(pool.map(fsync_dir, folders))

    def close(self) -> None:
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def __enter__(self) -> TreeSync:
        return self

    def __exit__(self, *_) -> None:
        self.close()


@functools.cache
def _syncfs():
    """libc's syncfs where it reports write-back errors (Linux 5.8+: before, it returned 0 regardless)."""
    if platform.system() != "Linux" or _kernel() < (5, 8):
        return None
    try:
        function = ctypes.CDLL(None, use_errno=True).syncfs
    except (AttributeError, OSError):
        return None
    function.argtypes, function.restype = [ctypes.c_int], ctypes.c_int
    return function


def _kernel() -> tuple[int, int]:
    parts = platform.release().split(".")
    try:
        return int(parts[0]), int("".join(c for c in parts[1] if c.isdigit()) or 0)
    except (IndexError, ValueError):
        return (0, 0)
