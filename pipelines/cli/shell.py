"""Open the published warehouse in the DuckDB CLI, read-only: the way analysts look inside."""

from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

from ..errors import ClusterdwError


def find_cli() -> Path | None:
    """The DuckDB CLI installed beside this Python (pip's duckdb-cli), else the first on PATH."""
    beside = Path(sys.prefix) / "bin" / "duckdb"
    if beside.is_file() and os.access(beside, os.X_OK):
        return beside
    found = shutil.which("duckdb")
    return Path(found) if found else None


def shell_command(db_path: Path, args: tuple[str, ...] = ()) -> list[str]:
    """The duckdb command line that opens `db_path` read-only, or a clear error saying what is missing."""
    if not db_path.is_file():
        raise ClusterdwError("there is no published warehouse to open", db_path, "run `clusterdw run` first")
    cli = find_cli()
    if cli is None:
        raise ClusterdwError(
            "the DuckDB CLI is not installed",
            f"looked in {Path(sys.prefix) / 'bin'} and PATH",
            "install it with `pip install duckdb-cli` (`make install` does), then retry",
        )
    return [str(cli), "-readonly", str(db_path), *args]


def exec_shell(db_path: Path, args: tuple[str, ...] = ()) -> None:
    """Replace this process by the DuckDB CLI, so it owns the terminal (history, Ctrl-C) directly."""
    command = shell_command(db_path, args)
    sys.stdout.flush()
    sys.stderr.flush()
    os.execv(command[0], command)
