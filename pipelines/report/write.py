"""Write the report's folder atomically: built in a temporary folder beside it, then renamed.

A folder the report replaces must be one it wrote (it holds MARKER); anything else is refused,
so `--out` never deletes a folder of someone else's.
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import tempfile
from pathlib import Path

from ..errors import ClusterdwError, PathRefused
from ..publish.atomic import replace_dir
from ..publish.durable import TreeSync

MARKER = ".clusterdw-report"


def write_site(out_dir: Path, files: dict[str, str], folders: tuple[str, ...] = ()) -> Path:
    """Write `files` (name -> text) as the folder `out_dir`, replacing the report there; returns out_dir.
    A name may lie in one of `folders` (created first); any other folder in a name is an error."""
    out_dir = refuse_foreign(out_dir)  # again: the folder may have changed while the report was built
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    except OSError as error:
        raise ClusterdwError(
            f"cannot create the report folder: {error.strerror}", out_dir, "choose a writable --out folder"
        ) from error
    try:
        with TreeSync(staging) as synced:  # opened before the writes, so it reports their write-back errors
            for folder in folders:
                (staging / folder).mkdir(parents=True)
            for name, text in {**files, MARKER: "written by clusterdw report\n"}.items():
                (staging / name).write_text(text, encoding="utf-8")
            for folder in folders:
                os.chmod(staging / folder, 0o755)
            os.chmod(staging, 0o755)
            # every file synced at once, then the folders swapped; the old one is put back on failure
            replace_dir(staging, out_dir, synced)
    except OSError as error:  # the last report is left as it was
        shutil.rmtree(staging, ignore_errors=True)
        if error.errno not in (errno.ENOSPC, errno.EDQUOT):
            raise
        raise ClusterdwError(
            f"cannot write the report: {error.strerror}",
            out_dir,
            "free space there, or pass --out a folder on a larger disk; the last report was left as it was",
        ) from error
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out_dir


def refuse_foreign(out_dir: Path) -> Path:
    """`out_dir` made absolute, or PathRefused if it is a file or a folder the report did not write
    (checked before a report is built, so a wrong --out costs nothing, and again before it is replaced)."""
    out_dir = Path(out_dir).absolute()
    if out_dir.exists() and not out_dir.is_dir():
        raise PathRefused("the --out path is a file, not a folder", out_dir, "give a folder for the report")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not _own_marker(out_dir / MARKER):
        raise PathRefused(
            "refusing to replace a folder clusterdw's report did not write",
            out_dir,
            "choose an empty or new --out folder (default: target/report/)",
        )
    return out_dir


def _own_marker(path: Path) -> bool:
    """The marker is a regular file of its own: a link planted as it (to any file) proves nothing."""
    try:
        found = os.lstat(path)
    except OSError:
        return False
    return stat.S_ISREG(found.st_mode) and found.st_nlink == 1
