"""The warehouse file: open a build beside the published file, and publish it by atomic rename.

Write-audit-publish: a run builds into `<db>.building-<run id>`, validates it, then renames it over
the published file. A reader holding the published file keeps the old one until it reopens, and a
failed or killed run leaves the published file as it was. Files are written in a storage format
that both the Python duckdb and the DuckDB CLI 1.4+/1.5 can open.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from contextlib import contextmanager
from pathlib import Path

import duckdb

from .errors import ClusterdwError, PathRefused

STORAGE_VERSION = "v1.4.0"
DUCKDB_MAGIC = b"DUCK"  # bytes 8..12 of every DuckDB database file
BUILD_SUFFIX = ".building-"


# DuckDB's buffer pool may take 80% of RAM by default, and a process keeps what it took: 18 GiB for a
# build of 10M figures that runs as fast in 3 GB (benchmarks/RESULTS.md). Larger work spills to disk.
DEFAULT_MEMORY_LIMIT = "3GB"
MEMORY_LIMIT_ENV = "CLUSTERDW_MEMORY_LIMIT"


# While GX validates a frame DuckDB idles, yet keeps what it read cached up to its limit: at 10M figures
# gigabytes beside the frame. Validation's queries need far less than a build's.
VALIDATION_MEMORY_LIMIT = "1GB"


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
        raise ClusterdwError(f"{MEMORY_LIMIT_ENV}={limit!r} is not a memory size DuckDB reads",
                             MEMORY_LIMIT_ENV, "give a size such as 3GB or 512MB, or unset it") from error
    try:
        # The path as a parameter, never pasted in: /home/o'brien/... is a path like any other.
        con.execute(f"attach ? as warehouse (storage_version '{STORAGE_VERSION}')", [str(path)])
    except duckdb.Error as error:
        con.close()
        message = str(error).splitlines()[0]
        if "lock" in message.lower():
            raise ClusterdwError(f"the database is open in another process: {message}", path,
                                 "close the other DuckDB session, or use `clusterdw run`, which builds a new file")
        raise ClusterdwError(f"cannot open the database: {message}", path,
                             "check the path and its permissions") from error
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
    except duckdb.Error:
        return None
    try:
        _WAREHOUSE_ANSWERS[identity] = bool(con.execute(
            "select count(*) from duckdb_tables() where schema_name = 'meta' and table_name = 'runs'"
        ).fetchall()[0][0])
        return _WAREHOUSE_ANSWERS[identity]
    finally:
        con.close()


def ensure_replaceable(db_path: Path) -> None:
    """Refuse to replace anything but a missing file or a warehouse that clusterdw built."""
    if db_path.is_dir():
        raise PathRefused("the --db path is a directory", db_path, "give the path of a .duckdb file")
    if not db_path.exists():
        return
    if not is_duckdb_file(db_path):
        raise PathRefused("refusing to overwrite a file that is not a DuckDB warehouse", db_path,
                          "choose another --db path, or move that file away")
    # A DuckDB file that can't be looked into (another program writes it) is replaced as a warehouse:
    # the holder keeps its copy, since a rename never changes an open file.
    if is_clusterdw_warehouse(db_path) is False:
        raise PathRefused("refusing to overwrite a DuckDB database that clusterdw did not build (it has no "
                          "meta.runs)", db_path, "choose another --db path, or move that file away")


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


def remove_stale_builds(db_path: Path) -> list[Path]:
    """Builds left by killed runs; safe to delete because the caller holds the project's lock."""
    stale = sorted(db_path.parent.glob(f"{db_path.name}{BUILD_SUFFIX}*"))
    for path in stale:
        path.unlink(missing_ok=True)
    for spill in db_path.parent.glob(f".{db_path.name}{BUILD_SUFFIX}*.tmp"):
        shutil.rmtree(spill, ignore_errors=True)
    return stale


def publish(build_path: Path, db_path: Path) -> None:
    """Make the build durable, then rename it over the published file (atomic on POSIX)."""
    ensure_replaceable(db_path)
    with build_path.open("rb") as handle:
        os.fsync(handle.fileno())
    os.replace(build_path, db_path)
    directory = os.open(db_path.parent, os.O_RDONLY)
    try:
        os.fsync(directory)
    finally:
        os.close(directory)
