"""One run at a time per warehouse: an advisory lock held for the whole run (released if killed)."""

from __future__ import annotations

import fcntl
import logging
import os
import time
from contextlib import contextmanager
from pathlib import Path

from .errors import LockBusy

log = logging.getLogger("clusterdw")


@contextmanager
def run_lock(db_path: Path, wait: bool = False, poll_seconds: float = 0.5):
    lock_path = db_path.with_name(f"{db_path.name}.lock")
    handle = lock_path.open("a+")
    try:
        waiting = False
        while True:
            try:
                fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
                break
            except BlockingIOError:
                handle.seek(0)
                holder = handle.read().strip() or "unknown"
                if wait and not waiting:  # say once why a scheduled run sits idle
                    log.info("waiting for %s, held by pid %s", lock_path, holder)
                    waiting = True
                if not wait:
                    raise LockBusy("another clusterdw run is in progress", f"{lock_path} (held by pid {holder})",
                                   "wait for it to finish, or pass --wait to queue behind it") from None
                time.sleep(poll_seconds)
        handle.truncate(0)
        handle.write(str(os.getpid()))
        handle.flush()
        yield
    finally:
        handle.close()  # closing the descriptor releases the lock
