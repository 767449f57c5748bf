"""The life of one run's build file, owned in one place (write-audit-publish, as a transaction):

    with build_file(db_path, run_id) as build:
        ...write into build.con...; build.tables = [...]

Entered: builds left by killed runs are removed and `<db>.building-<run id>` is created beside the
published file, flock-held so other runs see it live. Left normally: the build is sealed (checkpointed,
no WAL, fsynced), audited read-only for `build.tables`, and renamed over the published file. Left by any
exception, Ctrl-C and SIGTERM included: the build is removed and the published file is as it was; a full
disk is raised as DiskFull, naming the space the build needed."""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from ..faults.space import disk_full, is_disk_full
from . import warehouse
from .lock import BuildGuard

log = logging.getLogger("clusterdw")


@dataclass
class Build:
    """A build being written: its file, the connection to it, and the tables the audit must find in it."""

    path: Path
    con: duckdb.DuckDBPyConnection
    tables: list[str] = field(default_factory=list)


@contextmanager
def build_file(
    db_path: Path, run_id: str, publishing: Callable[[], AbstractContextManager] = nullcontext
) -> Iterator[Build]:
    """A new build beside `db_path`, published on success and removed on failure. `publishing` wraps the
    audit and rename (the run times them as its publish step)."""
    for stale in warehouse.remove_stale_builds(db_path):
        log.warning("removed a build left by an earlier run that did not finish: %s", stale.name)
    path = warehouse.build_path_for(db_path, run_id)
    guard = None
    try:
        con = warehouse.connect(path)
        try:
            guard = BuildGuard(path)
            build = Build(path, con)
            yield build
            warehouse.seal(con, path)
        finally:
            con.close()
        with publishing():
            warehouse.audit(path, run_id, build.tables)
            warehouse.publish(path, db_path)
    except BaseException as error:  # Ctrl-C and SIGTERM too: never leave a half build behind
        written = _size_of_build(path)
        if guard is not None:  # its descriptor would keep the removed build's space taken
            guard.release()
        warehouse.remove_build(path)
        if is_disk_full(error):
            raise disk_full(db_path.parent, db_path, written) from error
        raise
    finally:
        if guard is not None:
            guard.release()


def _size_of_build(path: Path) -> int:
    wal = path.with_name(path.name + ".wal")
    return sum(p.stat().st_size for p in (path, wal) if p.exists())
