"""The export as BI tools load it: no list columns in any file, a data dictionary (table, column, type,
description) beside the files, and figures_wide, one documented table a dashboard can load alone."""

from __future__ import annotations

import csv
import json

import duckdb
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from pipelines.errors import PathRefused
from pipelines.publish.bi import DICTIONARY_CSV, WIDE_COLUMNS
from pipelines.publish.export import MANIFEST_NAME, export

from helpers import line_of


@pytest.fixture(scope="module")
def bi(built, tmp_path_factory):
    out = tmp_path_factory.mktemp("bi") / "parquet"
    export(built / "target" / "warehouse.duckdb", out)
    return built, out


def is_list(arrow_type) -> bool:
    return (
        pa.types.is_list(arrow_type)
        or pa.types.is_large_list(arrow_type)
        or pa.types.is_map(arrow_type)
        or pa.types.is_struct(arrow_type)
    )


def test_no_file_holds_a_list_column_the_warehouse_lists_become_text(bi):
    built, out = bi
    files = sorted(out.glob("*.parquet"))
    assert len(files) >= 14
    for path in files:
        assert not [f.name for f in pq.read_schema(path) if is_list(f.type)], path.name
    with duckdb.connect(str(built / "target" / "warehouse.duckdb"), read_only=True) as con:
        lists = con.execute(
            "select table_name, column_name from duckdb_columns() where schema_name = 'marts' and data_type like '%[]'"
        ).fetchall()
        assert ("fct_growth_rates", "computed_from_figure_ids") in lists  # the test has something to check
        for table, column in lists:
            expected = con.execute(f"select array_to_string({column}, ',') from marts.{table}").fetchall()
            written = duckdb.sql(f"select {column} from '{out / table}.parquet'").fetchall()
            assert sorted(written, key=repr) == sorted(expected, key=repr), table  # (all null in the project data)


def test_the_data_dictionary_describes_every_column_of_every_file(bi):
    _, out = bi
    with (out / DICTIONARY_CSV).open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == ["table", "column", "type", "description"]
    parquet = pd.read_parquet(out / "data_dictionary.parquet")
    assert parquet.to_dict("records") == rows
    by_table: dict[str, list[tuple[str, str]]] = {}
    for row in rows:
        by_table.setdefault(row["table"], []).append((row["column"], row["type"]))
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    files = [e["file"] for e in manifest["tables"]] + ["figures_wide.parquet"]
    assert set(by_table) == {f.removesuffix(".parquet") for f in files}
    for file in files:
        described = duckdb.sql(f"describe select * from '{out / file}'").fetchall()
        assert [(name, data_type) for name, data_type, *_ in described] == by_table[file.removesuffix(".parquet")], file
    wide = {r["column"]: r["description"] for r in rows if r["table"] == "figures_wide"}
    assert all(wide[name] for name in WIDE_COLUMNS) and wide["figure_id"]
    assert "text, the items joined by ','" in next(
        r["description"] for r in rows if r["column"] == "computed_from_figure_ids"
    )


def test_figures_wide_is_every_figure_with_its_names_document_and_raw_line(bi):
    built, out = bi
    wide = pd.read_parquet(out / "figures_wide.parquet", dtype_backend="pyarrow")  # loaded alone
    with duckdb.connect(str(built / "target" / "warehouse.duckdb"), read_only=True) as con:
        (n,) = con.execute("select count(*) from marts.int_figures").fetchone()
    assert len(wide) == n and wide["figure_id"].is_unique
    nev = wide[wide["figure_id"] == "002-007"].iloc[0]
    path = built / "raw" / "figures" / "002_f8316eb84ec5ff3b.csv"
    assert (nev["city_name_zh_hans"], nev["admin_code"], nev["cluster_name_zh_hans"], nev["metric_name_en"]) == (
        "柳州市",
        "450200",
        "新能源汽车",
        "vehicle production",
    )
    assert (nev["source_file"], nev["source_line"]) == (
        "raw/figures/002_f8316eb84ec5ff3b.csv",
        line_of(path, "002-007"),
    )
    assert str(nev["published_on"]) == "2021-01-01" and nev["published_precision"] == "year"
    schema = pq.read_schema(out / "figures_wide.parquet")
    assert schema.field("admin_code").metadata[b"description"].startswith(b"The place's 6-digit")
    assert schema.metadata[b"clusterdw.table"] == b"export.figures_wide"


def test_the_manifest_owns_the_derived_files_a_reexport_replaces_them_a_foreign_one_is_refused(bi, tmp_path):
    built, out = bi
    manifest = json.loads((out / MANIFEST_NAME).read_text(encoding="utf-8"))
    assert [e["file"] for e in manifest["derived"]] == [
        "figures_wide.parquet",
        "data_dictionary.parquet",
        DICTIONARY_CSV,
    ]
    for entry in manifest["derived"]:
        assert entry["bytes"] == (out / entry["file"]).stat().st_size and len(entry["sha256"]) == 64
    export(built / "target" / "warehouse.duckdb", out)  # its own derived files: replaced, not refused
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / DICTIONARY_CSV).write_text("mine\n", encoding="utf-8")
    with pytest.raises(PathRefused, match="files clusterdw did not write: data_dictionary.csv"):
        export(built / "target" / "warehouse.duckdb", foreign)
    assert (foreign / DICTIONARY_CSV).read_text(encoding="utf-8") == "mine\n"
