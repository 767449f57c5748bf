"""Write a file beside its place and rename it over, so a reader (or a killed writer) never sees half.

A local helper until the project's shared one (pipelines/publish/atomic.py, branch `rooms`) lands."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from ..faults import fault_point


def write_atomic(path: Path, data: str | bytes, fault: str | None = None) -> None:
    """Write `data` to a temporary file in path's folder, fsync it, and rename it over `path`.
    `fault` names a kill point (faults.fault_point) between the write and the rename, for tests."""
    path.parent.mkdir(parents=True, exist_ok=True)
    raw = data.encode("utf-8") if isinstance(data, str) else data
    handle, temporary = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(raw)
            out.flush()
            os.fsync(out.fileno())
        if fault:
            fault_point(fault)
        os.replace(temporary, path)
    except BaseException:
        Path(temporary).unlink(missing_ok=True)
        raise
    folder = os.open(path.parent, os.O_RDONLY)
    try:
        os.fsync(folder)  # the rename itself survives a power loss
    finally:
        os.close(folder)
