"""Write the report's folder atomically: built in a temporary folder beside it, then renamed.

A folder the report replaces must be one it wrote (it holds MARKER); anything else is refused,
so `--out` never deletes a folder of someone else's.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..errors import ClusterdwError, PathRefused

MARKER = ".clusterdw-report"


def write_site(out_dir: Path, files: dict[str, str], folders: tuple[str, ...] = ()) -> Path:
    """Write `files` (name -> text) as the folder `out_dir`, replacing the report there; returns out_dir.
    A name may lie in one of `folders` (created first); any other folder in a name is an error."""
    out_dir = Path(out_dir).absolute()
    if out_dir.exists() and not out_dir.is_dir():
        raise PathRefused("the --out path is a file, not a folder", out_dir, "give a folder for the report")
    if out_dir.is_dir() and any(out_dir.iterdir()) and not (out_dir / MARKER).is_file():
        raise PathRefused("refusing to replace a folder clusterdw's report did not write", out_dir,
                          "choose an empty or new --out folder (default: target/report/)")
    try:
        out_dir.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.tmp-", dir=out_dir.parent))
    except OSError as error:
        raise ClusterdwError(f"cannot create the report folder: {error.strerror}", out_dir,
                             "choose a writable --out folder") from error
    try:
        for folder in folders:
            (staging / folder).mkdir(parents=True)
        for name, text in {**files, MARKER: "written by clusterdw report\n"}.items():
            with open(staging / name, "w", encoding="utf-8") as handle:
                handle.write(text)
                handle.flush()
                os.fsync(handle.fileno())
        for folder in folders:
            os.chmod(staging / folder, 0o755)
        os.chmod(staging, 0o755)
        _swap_in(staging, out_dir)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise
    return out_dir


def _swap_in(staging: Path, out_dir: Path) -> None:
    """Rename the new folder into place; an old report is renamed away first and then removed."""
    if not out_dir.exists():
        os.rename(staging, out_dir)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{out_dir.name}.old-", dir=out_dir.parent))
    os.rename(out_dir, old / out_dir.name)
    try:
        os.rename(staging, out_dir)
    except BaseException:
        os.rename(old / out_dir.name, out_dir)  # put the last report back
        raise
    finally:
        shutil.rmtree(old, ignore_errors=True)
