"""Export every mart table of the published warehouse to Parquet for BI tools.

One zstd Parquet file per table (docs/export.md says why not Hive partitions), written under a
temporary name and renamed into place, so a reader never sees half a file. A manifest.json, written
last and the same way, records what was written: tables, files, row counts, schemas, the run id.
The manifest is also the record of ownership: export replaces or deletes only files it lists, and
refuses an output folder that holds anything else.
"""

from __future__ import annotations

import base64
import fcntl
import hashlib
import json
import logging
import os
import time
import uuid
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from pathlib import Path

import duckdb
import pyarrow as pa

from ..errors import ClusterdwError, DiskFull, PathRefused
from ..sql import qualified, sql_literal
from . import bi
from .atomic import write_atomic
from .durable import fsync_dir, fsync_file
from .run_results import now
from .safe_open import open_own

log = logging.getLogger(__name__)

MANIFEST_NAME = "manifest.json"
MANIFEST_VERSION = 1
GENERATOR = "clusterdw"
# Temporary names: hidden (dataset readers skip dot files) and not ending in .parquet (no `*.parquet` glob
# matches them, even a glob that does not skip dot files, like Python's and DuckDB's).
TMP_PREFIX, TMP_SUFFIX = ".clusterdw-tmp-", ".part"
LOCK_NAME = ".clusterdw-export.lock"
# Names about to be renamed in, kept until the manifest lists them: a kill between the renames and
# the manifest must not leave files that the next export takes for someone else's.
PENDING_NAME = ".clusterdw-export-pending.json"
SCHEMA = "marts"
COMPRESSION = "zstd"
ARROW_SCHEMA_KEY = "ARROW:schema"  # where Arrow writers keep the schema, field metadata included
# Keys of the Parquet key-value (schema) metadata; pyarrow also gets each field's `description`.
META_TABLE, META_DESCRIPTION, META_COLUMNS, META_RUN = (
    "clusterdw.table",
    "clusterdw.description",
    "clusterdw.column_descriptions",
    "clusterdw.run_id",
)


def export(db_path: Path, out_dir: Path, run_id: str | None = None) -> Path:
    """Write each table of schema marts in `db_path` to `out_dir`; return the manifest's path."""
    db_path, out_dir = Path(db_path).absolute(), Path(out_dir).absolute()
    if not db_path.is_file():
        raise ClusterdwError("there is no published warehouse to export", db_path, "run `clusterdw run` first")
    _refuse_foreign(out_dir)
    try:
        out_dir.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ClusterdwError(
            f"cannot create the export folder: {error.strerror}", out_dir, "choose a writable --out folder"
        ) from error
    started = time.perf_counter()
    with _export_lock(out_dir):  # two exports into one folder take turns
        previous = _refuse_foreign(out_dir)  # again: another export may have run while we waited
        _remove_leftover_tmp(out_dir)
        con = _open_read_only(db_path)
        try:
            run_id = run_id or _producing_run(con)
            tables = _tables(con)
            written = [
                (
                    out_dir / f"{TMP_PREFIX}{uuid.uuid4().hex[:8]}-{table}.parquet{TMP_SUFFIX}",
                    out_dir / f"{table}.parquet",
                )
                for table, _ in tables
            ]
            extra = [
                (out_dir / f"{TMP_PREFIX}{uuid.uuid4().hex[:8]}-{name}{TMP_SUFFIX}", out_dir / name)
                for name in bi.DERIVED_FILES
            ]
            try:
                entries = _write_tables(con, tables, [tmp for tmp, _ in written], run_id)
                derived = _write_derived(con, entries, [tmp for tmp, _ in extra], run_id)
            except BaseException:
                for tmp, _ in written + extra:
                    tmp.unlink(missing_ok=True)
                raise
            written += extra
        except BaseException as error:
            _raise_located(error, db_path, out_dir)
            raise
        finally:
            con.close()
        # Every file is complete on disk: rename them in together, then the manifest that lists them.
        pending = out_dir / PENDING_NAME
        _write_atomic(
            pending,
            json.dumps({"generator": GENERATOR, "tables": [{"file": final.name} for _, final in written]}).encode(),
        )
        for tmp, final in written:
            os.replace(tmp, final)
        manifest = {
            "generator": GENERATOR,
            "manifest_version": MANIFEST_VERSION,
            "run_id": run_id,
            "warehouse": str(db_path),
            "exported_at": now(),
            "layout": "one Parquet file per table",
            "compression": COMPRESSION,
            "tables": entries,
            "derived": derived,  # for BI tools: figures_wide, the data dictionary (docs/export.md)
        }
        manifest_path = out_dir / MANIFEST_NAME
        _write_atomic(manifest_path, json.dumps(manifest, ensure_ascii=False, indent=2).encode("utf-8"))
        pending.unlink()
        fsync_dir(out_dir)
        current = {final.name for _, final in written}
        for name in sorted(previous - current):  # tables that no longer exist: files we wrote earlier
            (out_dir / name).unlink(missing_ok=True)
            log.info("removed %s: its table is no longer in the warehouse", name)
    log.info("exported %d tables to %s in %.2fs", len(entries), out_dir, time.perf_counter() - started)
    return manifest_path


def read_manifest(out_dir: Path, name: str = MANIFEST_NAME) -> dict | None:
    """The manifest of an export folder; None if there is none; PathRefused if it is not clusterdw's."""
    path = Path(out_dir) / name
    if not path.exists():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        manifest = None
    if not isinstance(manifest, dict) or manifest.get("generator") != GENERATOR:
        raise PathRefused(
            f"the folder holds a {name} that clusterdw did not write", path, "choose an empty or new --out folder"
        )
    for entry in manifest.get("tables", []) + manifest.get("derived", []):
        listed = entry.get("file", "") if isinstance(entry, dict) else ""
        if (
            not listed
            or listed != Path(listed).name
            or listed.startswith(".")
            or not (listed.endswith(".parquet") or listed == bi.DICTIONARY_CSV)
        ):
            raise PathRefused(
                f"the manifest lists a file outside its folder or not Parquet: {listed!r}",
                path,
                "remove the manifest only if you know the folder holds nothing else, or choose another --out folder",
            )
    return manifest


def _refuse_foreign(out_dir: Path) -> set[str]:
    """The file names the last export wrote; PathRefused if the folder holds anything else."""
    if out_dir.exists() and not out_dir.is_dir():
        raise PathRefused("the --out path is a file, not a folder", out_dir, "give a folder for the Parquet files")
    if not out_dir.exists():
        return set()
    owned = {
        entry["file"]
        for name in (MANIFEST_NAME, PENDING_NAME)
        for manifest in [read_manifest(out_dir, name) or {}]
        for entry in manifest.get("tables", []) + manifest.get("derived", [])
    }
    ours = owned | {MANIFEST_NAME, PENDING_NAME, LOCK_NAME}
    foreign = sorted(p.name for p in out_dir.iterdir() if p.name not in ours and not p.name.startswith(TMP_PREFIX))
    if foreign:
        shown = ", ".join(foreign[:3]) + (f" and {len(foreign) - 3} more" if len(foreign) > 3 else "")
        raise PathRefused(
            f"refusing to export into a folder holding files clusterdw did not write: {shown}",
            out_dir,
            "choose an empty or new --out folder (default: target/parquet/)",
        )
    return owned


@contextmanager
def _export_lock(out_dir: Path):
    """Held while exporting into `out_dir`; another export waits for it. The lock file may be left from
    an earlier export, and the folder may be shared: it is opened without following a link planted
    in its place (safe_open.open_own), so nothing it points at is truncated."""
    with open_own(out_dir / LOCK_NAME, "a+") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            log.info("waiting for %s: another export into this folder is running", out_dir / LOCK_NAME)
            fcntl.flock(handle, fcntl.LOCK_EX)
        yield  # closing the file releases the lock


def _remove_leftover_tmp(out_dir: Path) -> None:
    """Temporary files of an export that was killed: ours by name, and no export is running (we hold the lock)."""
    for path in out_dir.glob(f"{TMP_PREFIX}*"):
        path.unlink(missing_ok=True)


def _open_read_only(db_path: Path) -> duckdb.DuckDBPyConnection:
    try:
        return duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as error:
        message = str(error).splitlines()[0]
        if "lock" not in message.lower():  # not held by another process: the file itself is broken
            from .warehouse import damaged

            raise damaged(db_path, error) from error
        raise ClusterdwError(
            f"cannot open the warehouse read-only: {message}",
            db_path,
            "close a DuckDB session that holds it open read-write, then export again",
        ) from error


def _raise_located(error: BaseException, db_path: Path, out_dir: Path) -> None:
    """A full disk, or a warehouse cut short (its tables read past the file's end), as their own errors."""
    from ..faults.space import is_disk_full
    from .warehouse import damaged

    if is_disk_full(error):
        raise DiskFull(
            "no space left on the disk while writing the export",
            out_dir,
            "free space there, or pass --out a folder on a larger disk",
        ) from error
    if isinstance(error, duckdb.IOException) and "could not read enough bytes" in str(error).lower():
        raise damaged(db_path, error) from error


def _producing_run(con: duckdb.DuckDBPyConnection) -> str | None:
    """The run that published this file: the last successful run its meta.runs records."""
    has_meta = con.execute(
        "select count(*) from duckdb_tables() where schema_name = 'meta' "
        "and table_name = 'runs' and database_name = current_database()"
    ).fetchall()[0][0]
    if not has_meta:
        return None
    rows = con.execute(
        "select run_id from meta.runs where status = 'success' order by started_at desc limit 1"
    ).fetchall()
    return rows[0][0] if rows else None


def _tables(con: duckdb.DuckDBPyConnection) -> list[tuple[str, str | None]]:
    return con.execute(
        "select table_name, comment from duckdb_tables() where schema_name = ? "
        "and database_name = current_database() order by table_name",
        [SCHEMA],
    ).fetchall()


def _write_tables(
    con: duckdb.DuckDBPyConnection, tables: list[tuple[str, str | None]], tmps: list[Path], run_id: str | None
) -> list[dict]:
    """Every table in turn; DuckDB's COPY spreads each one over all cores, and a thread fsyncs and
    hashes each written file while the next is written (hashlib lets go of the GIL)."""
    with ThreadPoolExecutor(1, thread_name_prefix="clusterdw-hash") as hasher:
        written = []
        for (table, comment), tmp in zip(tables, tmps):
            entry = _write_table(con, table, comment, tmp, run_id)
            written.append((entry, hasher.submit(_durable_sha256, tmp)))
        return [entry | {"sha256": digest.result()} for entry, digest in written]


def _write_table(
    con: duckdb.DuckDBPyConnection,
    table: str,
    comment: str | None,
    tmp: Path,
    run_id: str | None,
    select: tuple[str, list[tuple[str, str, str | None]]] | None = None,
    schema_name: str = SCHEMA,
) -> dict:
    """Write one table to `tmp` with its descriptions in the schema metadata; return its manifest entry.

    DuckDB's own COPY writes the file (parallel, streamed, as fast as DuckDB alone can). The column
    descriptions go in as an Arrow schema, the `ARROW:schema` key that pyarrow writes itself and reads
    back as each field's metadata; the same keys also stand plainly in the file's key-value metadata,
    for readers that are not Arrow."""
    if select is None:  # a mart: its columns as they are, a list column as text (BI tools read no lists)
        stored = con.execute(
            "select column_name, data_type, comment from duckdb_columns() where schema_name = ? "
            "and table_name = ? and database_name = current_database() order by column_index",
            [SCHEMA, table],
        ).fetchall()
        query = (
            f"select {', '.join(bi.list_as_text(name, data_type) for name, data_type, _ in stored)} "
            f"from {qualified(SCHEMA, table)}"
        )
        columns = [
            (name, "VARCHAR", (text or "") + bi.LIST_NOTE) if data_type.endswith("[]") else (name, data_type, text)
            for name, data_type, text in stored
        ]
    else:
        query, columns = select
    arrow_schema = con.sql(f"select * from ({query}) limit 0").to_arrow_table().schema
    descriptions = {name: text for name, _, text in columns if text}
    fields = [
        field.with_metadata({"description": descriptions[field.name]}) if field.name in descriptions else field
        for field in arrow_schema
    ]
    schema_meta = {META_TABLE: f"{schema_name}.{table}", META_COLUMNS: json.dumps(descriptions, ensure_ascii=False)}
    if comment:
        schema_meta[META_DESCRIPTION] = comment
    if run_id:
        schema_meta[META_RUN] = run_id
    schema = pa.schema(fields, metadata=schema_meta)
    kv_metadata = schema_meta | {ARROW_SCHEMA_KEY: base64.b64encode(schema.serialize().to_pybytes()).decode()}
    kv_sql = ", ".join(f"{sql_literal(key)}: {sql_literal(value)}" for key, value in kv_metadata.items())
    ((rows,),) = con.execute(
        f"copy ({query}) to {sql_literal(str(tmp))} (format parquet, compression {COMPRESSION}, "
        f"kv_metadata {{{kv_sql}}})"
    ).fetchall()
    return {
        "table": f"{schema_name}.{table}",
        "file": f"{table}.parquet",
        "rows": rows,
        "bytes": tmp.stat().st_size,
        "sha256": None,  # by _write_tables
        "description": comment,
        "columns": [
            {"name": name, "duckdb_type": duckdb_type, "arrow_type": str(schema.field(name).type), "description": text}
            for name, duckdb_type, text in columns
        ],
    }


def _write_derived(
    con: duckdb.DuckDBPyConnection, entries: list[dict], tmps: list[Path], run_id: str | None
) -> list[dict]:
    """figures_wide, then the data dictionary of every file (the marts' and figures_wide's), Parquet and CSV."""
    wide_tmp, dictionary_tmp, csv_tmp = tmps
    wide = _write_table(con, bi.WIDE, bi.WIDE_DESCRIPTION, wide_tmp, run_id, bi.wide_select(con), "export")
    rows = bi.dictionary_rows(entries + [wide])
    bi.write_dictionary(rows, dictionary_tmp, csv_tmp)
    described = []
    for name, tmp, description in (
        (f"{bi.DICTIONARY}.parquet", dictionary_tmp, "Every exported column: table, column, type, description."),
        (bi.DICTIONARY_CSV, csv_tmp, "The same, as CSV."),
    ):
        described.append(
            {
                "table": f"export.{bi.DICTIONARY}",
                "file": name,
                "rows": len(rows),
                "bytes": tmp.stat().st_size,
                "sha256": _durable_sha256(tmp),
                "description": description,
            }
        )
    return [wide | {"sha256": _durable_sha256(wide_tmp)}, *described]


def _durable_sha256(path: Path) -> str:
    """fsync the file, then return its SHA-256."""
    fsync_file(path)
    with path.open("rb") as handle:
        return hashlib.file_digest(handle, "sha256").hexdigest()


def _write_atomic(path: Path, content: bytes) -> None:
    """Under the export's temporary name, which a later export sweeps up if this one is killed."""
    write_atomic(path, content, tmp_name=f"{TMP_PREFIX}{uuid.uuid4().hex[:8]}-{path.name}{TMP_SUFFIX}")
