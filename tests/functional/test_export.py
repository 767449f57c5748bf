"""Parquet export for BI tools: exact types, descriptions in the schema, a manifest, atomic files, safe paths."""

from __future__ import annotations

import hashlib
import json
import threading
from decimal import Decimal
from pathlib import Path

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from click.testing import CliRunner

from pipelines.cli import main
from pipelines.errors import PathRefused
from pipelines.publish.bi import LIST_NOTE, list_as_text
from pipelines.publish.export import MANIFEST_NAME, PENDING_NAME, TMP_PREFIX, export

from helpers import fast_project

DIM_YEAR_DOC = """description: One row per calendar year, with its place in the five-year plans.
grain: one row per year
columns:
  year: The calendar year, e.g. 2025.
"""


@pytest.fixture(scope="module")
def exported(tmp_path_factory) -> tuple[Path, Path]:
    """One real run with `--export`: (project folder, export folder). Tests must not change either."""
    root = fast_project(tmp_path_factory.mktemp("export") / "project")  # export does not test the checks
    if not (root / "marts" / "dim_year.yml").exists():  # so at least one table and column carry a comment
        (root / "marts" / "dim_year.yml").write_text(DIM_YEAR_DOC, encoding="utf-8")
    out = root / "bi"
    result = CliRunner().invoke(
        main, ["--project-dir", str(root), "run", "--no-docs", "--export", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    assert f"Exported Parquet: manifest {out / MANIFEST_NAME}" in result.output
    return root, out


def warehouse(root: Path) -> duckdb.DuckDBPyConnection:
    return duckdb.connect(str(root / "target" / "warehouse.duckdb"), read_only=True)


def mart_columns(con) -> dict[str, list[tuple[str, str, str | None]]]:
    """table -> [(column, DuckDB type, comment)] of schema marts as exported, in column order: a list
    column is written as text (BI tools read no lists), its comment saying so."""
    tables: dict[str, list] = {}
    for table, column, data_type, comment in con.execute(
        "select table_name, column_name, data_type, comment from duckdb_columns() "
        "where schema_name = 'marts' order by table_name, column_index"
    ).fetchall():
        if data_type.endswith("[]"):
            data_type, comment = "VARCHAR", (comment or "") + LIST_NOTE
        tables.setdefault(table, []).append((column, data_type, comment))
    return tables


def as_exported(con, table: str) -> str:
    """The mart as the export writes it (list columns as text): a subquery."""
    stored = con.execute(
        "select column_name, data_type from duckdb_columns() where schema_name = 'marts' "
        "and table_name = ? order by column_index",
        [table],
    ).fetchall()
    return f"(select {', '.join(list_as_text(c, t) for c, t in stored)} from marts.{table})"


def normalised(rows) -> list[tuple]:
    """Rows as comparable tuples, order-free; pandas' NA as None, list-likes as lists."""

    def value(v):
        if v is pd.NA or v is None:
            return None
        if hasattr(v, "tolist") and not isinstance(v, (str, bytes)):
            return v.tolist()
        return v

    return sorted((tuple(value(v) for v in row) for row in rows), key=repr)


def test_every_mart_table_is_exported_and_listed_in_the_manifest(exported):
    root, out = exported
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    run = json.loads((root / "target" / "run_results.json").read_text(encoding="utf-8"))
    assert manifest["generator"] == "clusterdw" and manifest["compression"] == "zstd"
    assert manifest["run_id"] == run["run_id"] and run["export"] == str(out / MANIFEST_NAME)
    with warehouse(root) as con:
        tables = mart_columns(con)
        assert {e["table"] for e in manifest["tables"]} == {f"marts.{t}" for t in tables} and len(tables) >= 10
        for entry in manifest["tables"]:
            table = entry["table"].split(".")[1]
            path = out / entry["file"]
            assert entry["file"] == f"{table}.parquet"
            assert entry["rows"] == con.execute(f"select count(*) from marts.{table}").fetchall()[0][0]
            assert entry["sha256"] == hashlib.sha256(path.read_bytes()).hexdigest()
            assert entry["bytes"] == path.stat().st_size
            assert [(c["name"], c["duckdb_type"], c["description"]) for c in entry["columns"]] == tables[table]
            parquet = pq.ParquetFile(path)
            assert parquet.metadata.num_rows == entry["rows"]
            assert parquet.metadata.row_group(0).column(0).compression == "ZSTD"
            assert parquet.schema_arrow.metadata[b"clusterdw.run_id"].decode() == run["run_id"]
    assert sorted(p.name for p in out.iterdir() if not p.name.startswith(".")) == sorted(
        [MANIFEST_NAME] + [e["file"] for e in manifest["tables"] + manifest["derived"]]
    )


def test_read_back_with_pyarrow_pandas_and_duckdb_equals_the_warehouse(exported):
    root, out = exported
    with warehouse(root) as con:
        for table, columns in mart_columns(con).items():
            path = out / f"{table}.parquet"
            names = [c for c, _, _ in columns]
            expected = normalised(con.execute(f"select * from {as_exported(con, table)}").fetchall())
            arrow = pq.read_table(path)
            assert arrow.column_names == names
            assert normalised(tuple(r.values()) for r in arrow.to_pylist()) == expected, table
            frame = pd.read_parquet(path, dtype_backend="pyarrow")
            assert list(frame.columns) == names
            assert normalised(zip(*(frame[c].tolist() for c in names))) == expected, table
            reader = duckdb.connect()  # a fresh DuckDB reading only the Parquet file
            types = reader.execute(f"describe select * from read_parquet('{path}')").fetchall()
            assert [(name, data_type) for name, data_type, *_ in types] == [(c, t) for c, t, _ in columns], table
            assert normalised(reader.execute(f"select * from read_parquet('{path}')").fetchall()) == expected
            reader.close()
            differ = con.execute(
                f"select count(*) from ((select * from read_parquet('{path}') except all "
                f"select * from {as_exported(con, table)}) union all (select * from {as_exported(con, table)} except all "
                f"select * from read_parquet('{path}')))"
            ).fetchall()[0][0]
            assert differ == 0, table


def test_types_are_exact_decimals_years_and_dates(exported):
    root, out = exported
    seen = {"decimal": 0, "year": 0, "date": 0}
    with warehouse(root) as con:
        for table, columns in mart_columns(con).items():
            schema = pq.read_schema(out / f"{table}.parquet")
            plain = pd.read_parquet(out / f"{table}.parquet")  # pandas' default types, as a BI notebook gets them
            for column, data_type, _ in columns:
                arrow_type = schema.field(column).type
                if data_type.startswith("DECIMAL"):
                    precision, scale = map(int, data_type[8:-1].split(","))
                    assert arrow_type == pa.decimal128(precision, scale), (table, column)
                    assert all(isinstance(v, Decimal) for v in plain[column].dropna()), (table, column)
                    seen["decimal"] += 1
                if column.endswith("year") and not column.startswith("is_"):
                    assert pa.types.is_integer(arrow_type), (table, column, arrow_type)
                    seen["year"] += 1
                if data_type == "DATE":
                    assert arrow_type == pa.date32(), (table, column)
                    seen["date"] += 1
    assert seen["decimal"] and seen["year"] >= 5 and seen["date"], seen
    years = pd.read_parquet(out / "fct_output_values.parquet", dtype_backend="pyarrow")["year"]
    assert pa.types.is_integer(years.dtype.pyarrow_dtype)


def test_table_and_column_descriptions_travel_in_the_parquet_schema(exported):
    root, out = exported
    described = 0
    with warehouse(root) as con:
        comments = dict(
            con.execute("select table_name, comment from duckdb_tables() where schema_name = 'marts'").fetchall()
        )
        for table, columns in mart_columns(con).items():
            path = out / f"{table}.parquet"
            schema = pq.read_schema(path)
            expected = {column: comment for column, _, comment in columns if comment}
            described += len(expected)
            for column, _, comment in columns:
                metadata = schema.field(column).metadata or {}
                assert metadata.get(b"description", b"").decode() == (comment or ""), (table, column)
            assert json.loads(schema.metadata[b"clusterdw.column_descriptions"]) == expected
            assert schema.metadata.get(b"clusterdw.description", b"").decode() == (comments[table] or "")
            assert schema.metadata[b"clusterdw.table"] == f"marts.{table}".encode()
            in_duckdb = dict(
                con.execute("select decode(key), decode(value) from parquet_kv_metadata(?)", [str(path)]).fetchall()
            )
            assert json.loads(in_duckdb["clusterdw.column_descriptions"]) == expected
    assert described >= 1 and comments["dim_year"]


def test_export_command_defaults_to_target_parquet(exported, cli):
    root, out = exported
    result = cli(root, "export")
    assert result.exit_code == 0, result.output
    manifest = root / "target" / "parquet" / MANIFEST_NAME
    assert f"Manifest: {manifest}" in result.output and "mart tables" in result.output
    assert json.loads(manifest.read_text())["tables"] == json.loads((out / MANIFEST_NAME).read_text())["tables"]


def test_files_are_renamed_into_place_so_a_reader_never_sees_half_a_file(exported, tmp_path):
    root, _ = exported
    db, out = root / "target" / "warehouse.duckdb", tmp_path / "bi"
    export(db, out, None)
    target = out / "fct_output_values.parquet"
    before = target.stat().st_ino
    with target.open("rb") as held:  # a BI tool holding the file open
        leftover = out / f"{TMP_PREFIX}killed-fct_output_values.parquet.part"
        leftover.write_bytes(b"half a file from an export that was killed")
        errors: list[BaseException] = []
        stop = threading.Event()

        def read_all():
            while not stop.is_set():
                for path in out.glob("*.parquet"):  # the tool's glob never matches a temporary name
                    try:
                        pq.read_table(path)
                    except BaseException as error:  # noqa: BLE001 - any failed read is the bug
                        errors.append(error)

        reader = threading.Thread(target=read_all)
        reader.start()
        try:
            for _ in range(5):
                export(db, out, None)
        finally:
            stop.set()
            reader.join()
        assert errors == []
        assert target.stat().st_ino != before, "rewritten in place instead of renamed"
        assert pq.read_table(held).num_rows == pq.read_table(target).num_rows  # the old file is still whole
    assert not list(out.glob(f"{TMP_PREFIX}*")), "temporary files left behind"


@pytest.mark.parametrize(
    "foreign, content",
    [
        ("notes.txt", b"an analyst's notes"),
        ("dim_year.parquet", b"someone else's parquet"),
        (MANIFEST_NAME, b'{"hello": "not clusterdw"}'),
    ],
)
def test_refuses_a_folder_holding_files_it_did_not_write(exported, cli, tmp_path, foreign, content):
    root, _ = exported
    out = tmp_path / "shared"
    out.mkdir()
    (out / foreign).write_bytes(content)
    result = cli(root, "export", "--out", str(out))
    assert result.exit_code == PathRefused.exit_code, result.output
    assert "did not write" in result.output and str(out) in result.output
    assert [p.name for p in out.iterdir()] == [foreign] and (out / foreign).read_bytes() == content


def test_refuses_a_file_as_out_and_a_manifest_pointing_outside(exported, tmp_path):
    root, _ = exported
    db = root / "target" / "warehouse.duckdb"
    a_file = tmp_path / "report.xlsx"
    a_file.write_bytes(b"not a folder")
    with pytest.raises(PathRefused, match="is a file"):
        export(db, a_file, None)
    assert a_file.read_bytes() == b"not a folder"
    out = tmp_path / "bi"
    export(db, out, None)
    outside = tmp_path / "precious.parquet"
    outside.write_bytes(b"keep me")
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    manifest["tables"].append({"table": "marts.gone", "file": "../precious.parquet"})
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    with pytest.raises(PathRefused, match="outside its folder"):
        export(db, out, None)
    assert outside.read_bytes() == b"keep me"


def test_reexport_removes_only_files_its_manifest_lists(exported, tmp_path):
    root, _ = exported
    db, out = root / "target" / "warehouse.duckdb", tmp_path / "bi"
    out.mkdir()  # an empty folder is fine
    export(db, out, "run-given")
    manifest = json.loads((out / MANIFEST_NAME).read_text())
    assert manifest["run_id"] == "run-given"
    (out / "fct_dropped.parquet").write_bytes(b"written by an earlier export, table since dropped")
    manifest["tables"].append({"table": "marts.fct_dropped", "file": "fct_dropped.parquet"})
    (out / MANIFEST_NAME).write_text(json.dumps(manifest))
    export(db, out, None)
    assert not (out / "fct_dropped.parquet").exists()
    assert len(list(out.glob("*.parquet"))) == len(manifest["tables"]) - 1 + 2  # + figures_wide, data_dictionary


def test_an_export_killed_before_its_manifest_does_not_lock_the_folder(exported, tmp_path):
    root, _ = exported
    out = tmp_path / "bi"
    out.mkdir()
    # what a kill between the renames and the manifest leaves: renamed files and the pending list
    (out / "dim_year.parquet").write_bytes(b"renamed in by the killed export")
    (out / PENDING_NAME).write_text(json.dumps({"generator": "clusterdw", "tables": [{"file": "dim_year.parquet"}]}))
    export(root / "target" / "warehouse.duckdb", out, None)
    assert pq.read_table(out / "dim_year.parquet").num_rows > 0 and not (out / PENDING_NAME).exists()


def test_status_shows_the_export_of_a_run(exported, cli):
    root, out = exported
    result = cli(root, "status")
    assert result.exit_code == 0, result.output
    assert f"exported: {out / MANIFEST_NAME}" in result.stdout and "export " in result.stdout


def test_a_refused_export_after_publish_is_an_error_and_recorded(tmp_path, cli):
    root = fast_project(tmp_path / "project")
    out = tmp_path / "shared"
    out.mkdir()
    (out / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli(root, "run", "--no-docs", "--export", str(out))
    assert result.exit_code == PathRefused.exit_code, result.output
    assert (root / "target" / "warehouse.duckdb").exists(), "the publish before the export stands"
    assert [p.name for p in out.iterdir()] == ["notes.txt"]
    last = json.loads((root / "target" / "run_history.jsonl").read_text().splitlines()[-1])
    assert last["status"] == "success" and last["error"].startswith("published, but the export failed: ")
    assert "error: published, but the export failed" in cli(root, "status").stdout


def test_run_export_writes_nothing_when_the_run_fails(project, cli):
    (project / "marts" / "zz_broken.sql").write_text("select * from marts.no_such_table\n", encoding="utf-8")
    out = project / "bi"
    result = cli(project, "run", "--no-docs", "--export", str(out))
    assert result.exit_code != 0, result.output
    assert not out.exists() and not (project / "target" / "warehouse.duckdb").exists()


def test_export_without_a_warehouse_says_run_first(project, cli):
    result = cli(project, "export")
    assert result.exit_code == 1, result.output
    assert "no published warehouse" in result.output and "clusterdw run" in result.output
