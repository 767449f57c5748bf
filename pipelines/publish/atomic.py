"""Everything clusterdw writes is written beside its final place and renamed, with the publish's durability:
the data forced to disk before the rename, the folder fsynced after it, so a crash leaves the old file or folder or
the new one, whole, never half of one. Two ways: a file (write_atomic), a folder (replace_dir)."""

from __future__ import annotations

import os
import shutil
import uuid
from pathlib import Path

from ..faults import fault_point
from .durable import TreeSync, fsync_dir
from .safe_open import create_new


def write_atomic(path: Path, data: bytes | str, tmp_name: str | None = None, fault: str | None = None) -> None:
    """`data` as the file at `path`: written to a new file beside it (never a file or link planted under a
    name known in advance), fsynced, renamed over `path`, and the rename made durable. On any failure the
    temporary file is removed and `path` is as it was. `tmp_name` names the temporary file for a caller
    that sweeps up those a killed process left; `fault` names a kill point (faults.fault_point) between
    the write and the rename, for tests."""
    tmp = path.with_name(tmp_name or f".{path.name}.{uuid.uuid4().hex}.tmp")
    handle = create_new(tmp)
    try:
        with handle:
            handle.write(data.encode("utf-8") if isinstance(data, str) else data)
            handle.flush()
            os.fsync(handle.fileno())
        if fault:
            fault_point(fault)
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    fsync_dir(path.parent)


def replace_dir(tmp: Path, final: Path, synced: TreeSync | None = None) -> None:
    """Put the fully written folder `tmp` in place of `final`: its files and folders forced to disk at once
    (`synced`, a TreeSync opened on `tmp` before its files were written, or one opened now), then two renames
    (a folder cannot be renamed over a non-empty one), the old folder set aside under tmp's name + ".old"
    (so a caller's sweep of its temporary folders finds it) and deleted only once the new one is in place;
    if the second rename fails, the old folder is put back."""
    if synced is None:
        with TreeSync(tmp) as now:  # still reports a write-back error no one has seen yet
            now.sync()
    else:
        synced.sync()
    if not final.exists():
        os.rename(tmp, final)
        fsync_dir(final.parent)
        return
    old = tmp.with_name(tmp.name + ".old")
    os.rename(final, old)
    try:
        os.rename(tmp, final)
    except BaseException:
        os.rename(old, final)
        raise
    fsync_dir(final.parent)
    shutil.rmtree(old, ignore_errors=True)
