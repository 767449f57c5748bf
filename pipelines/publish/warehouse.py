"""The warehouse file: open a build beside the published file, and publish it by atomic rename.

Write-audit-publish: a run builds into `<db>.building-<run id>`, validates it, then renames it over
the published file. A reader holding the published file keeps the old one until it reopens, and a
failed or killed run leaves the published file as it was. Files are written in a storage format
that both the Python duckdb and the DuckDB CLI 1.4+/1.5 can open.
"""

from __future__ import annotations

import os
import shutil
import stat
import tempfile
from contextlib import contextmanager
from pathlib import Path

import duckdb

from ..errors import ClusterdwError, DamagedWarehouse, PathRefused
from ..faults import fault_point
from .durable import fsync_dir, fsync_file
from .lock import is_live

STORAGE_VERSION = "v1.4.0"
DUCKDB_MAGIC = b"DUCK"  # bytes 8..12 of every DuckDB database file
BUILD_SUFFIX = ".building-"


# DuckDB's buffer pool may take 80% of RAM by default, and a process keeps what it took: 18 GiB for a
# build of 10M figures that runs as fast in 3 GB (benchmarks/RESULTS.md). Larger work spills to disk.
DEFAULT_MEMORY_LIMIT = "3GB"
MEMORY_LIMIT_ENV = "CLUSTERDW_MEMORY_LIMIT"


# While GX validates a frame DuckDB idles, yet keeps what it read cached up to its limit: at 10M figures
# gigabytes beside the frame. GX now gets the suspect rows only (validate/suspects), but the suites' SQL
# (fct_facts's joins, uniqueness counts over 10M keys) needs more than 1GB: at 1M figures fct_facts's
# frame spilled 589 MB and took twice as long under a tenth of its 10M limit (benchmarks/RESULTS.md).
# 2GB keeps validation's peak under the build's (3GB plus the process).
VALIDATION_MEMORY_LIMIT = "2GB"


@contextmanager
def validation_memory(con: duckdb.DuckDBPyConnection):
    """DuckDB's memory limit lowered while validating (unless CLUSTERDW_MEMORY_LIMIT sets it), then
    restored; lowering it evicts what DuckDB cached beyond it."""
    if os.environ.get(MEMORY_LIMIT_ENV):
        yield
        return
    previous = con.execute("select current_setting('memory_limit')").fetchall()[0][0]
    con.execute(f"set memory_limit = '{VALIDATION_MEMORY_LIMIT}'")
    try:
        yield
    finally:
        con.execute(f"set memory_limit = '{previous}'")


def spill_dir_for(path: Path) -> Path:
    """Where DuckDB spills what does not fit in memory: a hidden folder of its own beside the file
    (DuckDB removes it on close; remove_stale_builds removes those of killed runs)."""
    return path.with_name(f".{path.name}.tmp")


def connect(path: Path) -> duckdb.DuckDBPyConnection:
    """A connection whose default catalog is the file at `path`, created if missing."""
    limit = os.environ.get(MEMORY_LIMIT_ENV) or DEFAULT_MEMORY_LIMIT
    try:
        con = duckdb.connect(config={"memory_limit": limit, "temp_directory": str(spill_dir_for(path))})
    except duckdb.Error as error:
        raise ClusterdwError(
            f"{MEMORY_LIMIT_ENV}={limit!r} is not a memory size DuckDB reads",
            MEMORY_LIMIT_ENV,
            "give a size such as 3GB or 512MB, or unset it",
        ) from error
    try:
        # The path as a parameter, never pasted in: /home/o'brien/... is a path like any other.
        con.execute(f"attach ? as warehouse (storage_version '{STORAGE_VERSION}')", [str(path)])
    except duckdb.Error as error:
        con.close()
        message = str(error).splitlines()[0]
        if "lock" in message.lower():
            raise ClusterdwError(
                f"the database is open in another process: {message}",
                path,
                "close the other DuckDB session, or use `clusterdw run`, which builds a new file",
            ) from error
        raise ClusterdwError(
            f"cannot open the database: {message}", path, "check the path and its permissions"
        ) from error
    con.execute("use warehouse")
    return con


def is_duckdb_file(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(12)[8:12] == DUCKDB_MAGIC


# Answers of is_clusterdw_warehouse by file identity: a run asks before it starts and again before it
# publishes, and opening the file costs 50 ms; a file replaced or written meanwhile is looked at again.
_WAREHOUSE_ANSWERS: dict[tuple, bool] = {}


def is_clusterdw_warehouse(path: Path) -> bool | None:
    """Whether a DuckDB file was built by clusterdw (every run writes meta.runs); None when it can't be
    looked into (a writer holds its lock, or this process has it open with another configuration)."""
    try:
        stat = path.stat()
    except OSError:  # gone since the caller looked: nothing to look into
        return None
    identity = (stat.st_dev, stat.st_ino, stat.st_size, stat.st_mtime_ns)
    if identity in _WAREHOUSE_ANSWERS:
        return _WAREHOUSE_ANSWERS[identity]
    try:
        con = duckdb.connect(str(path), read_only=True)
    except duckdb.Error as error:
        if "lock" in str(error).lower():
            return None
        raise damaged(path, error) from error
    try:
        _WAREHOUSE_ANSWERS[identity] = bool(
            con.execute(
                "select count(*) from duckdb_tables() where schema_name = 'meta' and table_name = 'runs'"
            ).fetchall()[0][0]
        )
        return _WAREHOUSE_ANSWERS[identity]
    finally:
        con.close()


def damaged(path: Path, error: Exception | None = None) -> DamagedWarehouse:
    """The error for a warehouse file that DuckDB cannot open: truncated, emptied or overwritten."""
    why = "it is empty" if error is None else str(error).splitlines()[0]
    return DamagedWarehouse(
        f"the warehouse file is damaged and cannot be opened ({why})",
        path,
        f"move it aside (mv {path} {path}.damaged), then `clusterdw run` builds it again",
    )


def ensure_replaceable(db_path: Path) -> None:
    """Refuse to replace anything but a missing file or a warehouse that clusterdw built."""
    if db_path.is_dir():
        raise PathRefused("the --db path is a directory", db_path, "give the path of a .duckdb file")
    if not db_path.exists():
        return
    if db_path.is_file() and db_path.stat().st_size == 0:
        raise damaged(db_path)
    if not is_duckdb_file(db_path):
        raise PathRefused(
            "refusing to overwrite a file that is not a DuckDB warehouse",
            db_path,
            "choose another --db path, or move that file away",
        )
    # A DuckDB file that can't be looked into (another program writes it) is replaced as a warehouse:
    # the holder keeps its copy, since a rename never changes an open file.
    if is_clusterdw_warehouse(db_path) is False:
        raise PathRefused(
            "refusing to overwrite a DuckDB database that clusterdw did not build (it has no meta.runs)",
            db_path,
            "choose another --db path, or move that file away",
        )


def ensure_writable_dir(directory: Path) -> None:
    """Create the directory if needed and prove it writable by writing in it (os.access says yes to
    root everywhere, even in /proc or on a read-only mount)."""
    fix = "choose a --db path in a writable directory"
    blocking_file = next((p for p in (directory, *directory.parents) if p.exists() and not p.is_dir()), None)
    if blocking_file is not None:
        raise ClusterdwError("the --db path goes through a file, not a directory", blocking_file, fix)
    try:
        directory.mkdir(parents=True, exist_ok=True)
        handle, probe = tempfile.mkstemp(prefix=".clusterdw-write-test-", dir=directory)
        os.close(handle)
        os.unlink(probe)
    except OSError as error:
        raise ClusterdwError(f"cannot write in the target directory: {error.strerror}", directory, fix) from error


def build_path_for(db_path: Path, run_id: str) -> Path:
    return db_path.with_name(f"{db_path.name}{BUILD_SUFFIX}{run_id}")


def remove_build(build_path: Path) -> None:
    for path in (build_path, build_path.with_name(build_path.name + ".wal")):
        path.unlink(missing_ok=True)


def _plain_files(pattern: str, folder: Path) -> list[Path]:
    """Regular files only: a symlink or folder of such a name is not clusterdw's to judge or delete."""
    return sorted(p for p in folder.glob(pattern) if stat.S_ISREG(p.lstat().st_mode))


def live_builds(db_path: Path) -> list[Path]:
    """Builds whose run is alive (another run holds them, whatever became of the lock's path)."""
    return [
        p
        for p in _plain_files(f"{db_path.name}{BUILD_SUFFIX}*", db_path.parent)
        if not p.name.endswith(".wal") and is_live(p)
    ]


def remove_stale_builds(db_path: Path) -> list[Path]:
    """Builds (with their WAL and spill folder) left by killed runs: those no live process holds.
    Never judged by age: a build of a live run can be hours old."""
    prefix = f"{db_path.name}{BUILD_SUFFIX}"
    found = _plain_files(f"{prefix}*", db_path.parent)
    builds = {p.name[: -len(".wal")] if p.name.endswith(".wal") else p.name for p in found}
    stale = sorted(db_path.parent / name for name in builds if not is_live(db_path.parent / name))
    for path in stale:
        remove_build(path)
    for spill in db_path.parent.glob(f".{prefix}*.tmp"):  # DuckDB's spill folder: .<build>.tmp
        if spill.is_dir() and not spill.is_symlink() and not is_live(spill.with_name(spill.name[1 : -len(".tmp")])):
            shutil.rmtree(spill, ignore_errors=True)
    return stale


def seal(con: duckdb.DuckDBPyConnection, build_path: Path) -> None:
    """Checkpoint the build into its file and close it, leaving no WAL, and fsync it: closing alone
    does not say when DuckDB's checkpoint failed (a full disk left every table in an orphaned WAL
    while the renamed file held none)."""
    con.execute("checkpoint")
    con.close()
    wal = build_path.with_name(build_path.name + ".wal")
    if wal.exists() and wal.stat().st_size:
        raise ClusterdwError(
            "the build could not be written into its file: its write-ahead log remains",
            wal,
            "free disk space beside the warehouse, then run again",
        )
    wal.unlink(missing_ok=True)
    fsync_file(build_path)


def audit(build_path: Path, run_id: str, tables: list[str]) -> None:
    """Open the sealed build read-only, as a reader of the published file will, and check what it
    must hold before it may be renamed: the schemas, every table the run built, its own meta.runs row."""
    fix = "run again; if it happens again, rerun with --debug and report it"
    try:
        con = duckdb.connect(str(build_path), read_only=True)
    except duckdb.Error as error:
        raise ClusterdwError(f"the build does not open: {str(error).splitlines()[0]}", build_path, fix) from error
    try:
        present = {
            f"{schema}.{name}"
            for schema, name in con.execute(
                "select schema_name, table_name from duckdb_tables() where database_name = current_database()"
            ).fetchall()
        }
        schemas = {name.split(".")[0] for name in present}
        missing = sorted({"raw", "meta", *(name.split(".")[0] for name in tables)} - schemas)
        if missing:
            raise ClusterdwError(f"the build lacks schema(s): {', '.join(missing)}", build_path, fix)
        missing = sorted(set(tables) - present) + (["meta.runs"] if "meta.runs" not in present else [])
        if missing:
            raise ClusterdwError(f"the build lacks table(s): {', '.join(missing[:5])}", build_path, fix)
        if not con.execute("select count(*) from meta.runs where run_id = ?", [run_id]).fetchall()[0][0]:
            raise ClusterdwError(f"the build's meta.runs has no row for this run ({run_id})", build_path, fix)
    finally:
        con.close()


def keep_mode_and_group(published: Path, build_path: Path) -> None:
    """Give the build the published file's permission bits and group, so that a run does not undo what
    an admin set (chmod 600, chgrp analysts). A group this user is not in cannot be given: the file
    then keeps the user's group, and its mode is kept without group bits, never wider than before."""
    try:
        found = os.stat(published)
    except FileNotFoundError:
        return
    mode = stat.S_IMODE(found.st_mode)
    try:
        os.chown(build_path, -1, found.st_gid)
    except PermissionError:
        mode &= ~0o070
    os.chmod(build_path, mode)


def publish(build_path: Path, db_path: Path) -> None:
    """Rename the sealed, audited build over the published file (atomic on POSIX), then make the
    rename durable."""
    ensure_replaceable(db_path)
    keep_mode_and_group(db_path, build_path)
    fault_point("before-rename")
    os.replace(build_path, db_path)
    fault_point("after-rename")
    fsync_dir(db_path.parent)
