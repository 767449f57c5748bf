"""One run at a time per warehouse: an advisory lock held for the whole run (released if killed).

The lock is flock(2) on `<db>.lock`. A path can be unlinked or replaced while a run holds its lock,
so a lock is taken only on the file the path still names once locked, and each build file is
flock-ed too (BuildGuard): a run never deletes a build whose run is alive, whatever happened to the
lock's path. Lock files are opened without following a symlink and must be plain files of one link,
so a planted symlink or hard link can never make a root or cron run truncate another file.
"""

from __future__ import annotations

import fcntl
import logging
import os
import stat
import time
from contextlib import contextmanager
from pathlib import Path

from ..errors import LockBusy, PathRefused

log = logging.getLogger("clusterdw")

_OPEN_FLAGS = os.O_RDWR | os.O_CREAT | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC


def open_lock_file(lock_path: Path) -> int:
    """A descriptor of the lock file, created if missing; PathRefused for a symlink, a hard link or
    anything that is not a plain file (a FIFO would block a plain open forever)."""
    fix = "remove it (clusterdw creates its lock files itself), then run again"
    try:
        fd = os.open(lock_path, _OPEN_FLAGS, 0o644)
    except OSError as error:
        if os.path.islink(lock_path):
            raise PathRefused("refusing to open a lock file that is a symlink", lock_path, fix) from error
        raise PathRefused(f"cannot open the lock file: {error.strerror}", lock_path, fix) from error
    info = os.fstat(fd)
    if not stat.S_ISREG(info.st_mode) or info.st_nlink != 1:
        os.close(fd)
        kind = "a hard link to another file" if stat.S_ISREG(info.st_mode) else "not a regular file"
        raise PathRefused(f"refusing to use a lock file that is {kind}", lock_path, fix)
    return fd


def _still_named(fd: int, lock_path: Path) -> bool:
    """Whether the path still names the locked file (not unlinked or replaced since it was opened)."""
    try:
        named = os.lstat(lock_path)
    except FileNotFoundError:
        return False
    mine = os.fstat(fd)
    return (named.st_dev, named.st_ino) == (mine.st_dev, mine.st_ino)


@contextmanager
def run_lock(db_path: Path, wait: bool = False, poll_seconds: float = 0.5):
    lock_path = db_path.with_name(f"{db_path.name}.lock")
    waiting = False
    while True:
        fd = open_lock_file(lock_path)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            holder = os.pread(fd, 64, 0).decode("ascii", "replace").strip() or "unknown"
            os.close(fd)
            if not wait:
                raise LockBusy(
                    "another clusterdw run is in progress",
                    f"{lock_path} (held by pid {holder})",
                    "wait for it to finish, or pass --wait to queue behind it",
                ) from None
            if not waiting:  # say once why a scheduled run sits idle
                log.info("waiting for %s, held by pid %s", lock_path, holder)
                waiting = True
            time.sleep(poll_seconds)
            continue
        if _still_named(fd, lock_path):
            break
        os.close(fd)  # the path was unlinked or replaced between open and lock: lock what it names now
    try:
        try:
            os.ftruncate(fd, 0)
            os.pwrite(fd, str(os.getpid()).encode(), 0)
        except OSError:  # a full disk: the pid is for messages only; the lock is held all the same
            pass
        yield
    finally:
        os.close(fd)  # closing the descriptor releases the lock


class BuildGuard:
    """flock held on a build file for as long as its run lives: how another run tells a live build
    from one left by a killed run. flock is apart from the POSIX locks DuckDB takes on the same file."""

    def __init__(self, path: Path):
        self.fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
        fcntl.flock(self.fd, fcntl.LOCK_EX | fcntl.LOCK_NB)

    def release(self) -> None:
        if self.fd >= 0:
            os.close(self.fd)
            self.fd = -1


def is_live(path: Path) -> bool:
    """Whether a live process holds a build: its run's flock, or DuckDB's own lock on the file (held
    from the moment DuckDB creates it, before the run takes its flock)."""
    try:
        fd = os.open(path, os.O_RDWR | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return False
    except OSError:
        return True  # not ours to judge (a symlink, a folder): never deleted
    try:
        for lock in (fcntl.flock, fcntl.lockf):
            try:
                lock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except OSError:  # BlockingIOError, or EACCES for a POSIX lock
                return True
        return False
    finally:
        os.close(fd)  # releases what was just taken
