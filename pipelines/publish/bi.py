"""What the export adds for BI tools beside one file per mart: a wide figures table a Power BI or Superset
user can load alone, and a data dictionary (table, column, type, description) as Parquet and CSV.

List columns never reach a file: the export writes each one as text, its items joined by LIST_SEPARATOR
(list_as_text), and says so in the column's description.
"""

from __future__ import annotations

import csv
import io

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq

from ..sql import quote

LIST_SEPARATOR = ","
WIDE, DICTIONARY, DICTIONARY_CSV = "figures_wide", "data_dictionary", "data_dictionary.csv"
DERIVED_FILES = (f"{WIDE}.parquet", f"{DICTIONARY}.parquet", DICTIONARY_CSV)
LIST_NOTE = f" (in the export: text, the items joined by '{LIST_SEPARATOR}')"

WIDE_DESCRIPTION = (
    "Every figure, one row each, with the names of its place, cluster and metric, its document, "
    "and the raw file and line it was annotated on: the one table to load for a dashboard."
)
# columns figures_wide adds to int_figures's own (whose descriptions come from the warehouse)
WIDE_COLUMNS = {
    "city_name_zh_hans": ("c.city_name_zh_hans", "The place's name in Simplified Chinese (dim_city)."),
    "city_name_en": ("c.city_name_en", "The place's name in English (dim_city)."),
    "admin_code": ("c.admin_code", "The place's 6-digit administrative code, where it has one (450200 Liuzhou)."),
    "prefecture_city_key": ("c.prefecture_city_key", "The prefecture city the place belongs to (a district's city)."),
    "cluster_name_zh_hans": ("k.cluster_name_zh_hans", "The cluster's or industry's name in Simplified Chinese."),
    "cluster_name_en": ("k.cluster_name_en", "The cluster's or industry's name in English."),
    "metric_name_en": ("m.metric_name_en", "The metric's name in English (dim_metric)."),
    "metric_name_zh": ("m.metric_name_zh", "The metric's name in Chinese (dim_metric)."),
    "document_title": ("d.document_title", "Title of the document that states the figure."),
    "publisher_name": ("d.publisher_name", "Who published the document, where it says."),
    "published_on": ("d.published_on", "When the document was published; read it at published_precision."),
    "published_precision": ("d.published_precision", "How much of published_on is known: day, month or year."),
    "source_file": ("s.source_file", "The raw CSV the figure was annotated in (raw/figures/...)."),
    "source_line": ("s.source_line", "The line of that CSV holding the figure's row."),
}


def list_as_text(column: str, data_type: str) -> str:
    """The select item that writes a column: a list column as text, any other as it is."""
    name = quote(column)
    return f"array_to_string({name}, '{LIST_SEPARATOR}') as {name}" if data_type.endswith("[]") else name


def wide_select(con: duckdb.DuckDBPyConnection) -> tuple[str, list[tuple[str, str, str | None]]]:
    """The SELECT of figures_wide and its columns (name, type, description)."""
    figure_columns = con.execute(
        "select column_name, data_type, comment from duckdb_columns() where schema_name = 'marts' "
        "and table_name = 'int_figures' and database_name = current_database() order by column_index"
    ).fetchall()
    has_source = con.execute(
        "select count(*) from duckdb_columns() where schema_name = 'staging' and table_name = 'stg_figures' "
        "and column_name = 'source_line' and database_name = current_database()"
    ).fetchone()[0]
    extra = {k: v for k, v in WIDE_COLUMNS.items() if has_source or not k.startswith("source_")}
    items = [f"f.{list_as_text(name, data_type)}" for name, data_type, _ in figure_columns]
    items += [f"{expression} as {quote(name)}" for name, (expression, _) in extra.items()]
    join_source = "left join staging.stg_figures as s using (figure_id)" if has_source else ""
    sql = (
        f"select {', '.join(items)} from marts.int_figures as f "
        "left join marts.dim_source_document as d using (document_id) "
        "left join marts.dim_city as c using (city_key) left join marts.dim_cluster as k using (cluster_key) "
        f"left join marts.dim_metric as m using (metric_code) {join_source} order by f.figure_id"
    )
    types = {row[0]: row[1] for row in con.execute(f"describe {sql}").fetchall()}
    columns = [
        (name, types[name], (text or "") + (LIST_NOTE if data_type.endswith("[]") else ""))
        for name, data_type, text in figure_columns
    ]
    columns += [(name, types[name], text) for name, (_, text) in extra.items()]
    return sql, columns


def dictionary_rows(entries: list[dict]) -> list[dict]:
    """One row per column of every exported table, as written to the files."""
    return [
        {
            "table": entry["file"].removesuffix(".parquet"),
            "column": column["name"],
            "type": column["duckdb_type"],
            "description": column["description"] or "",
        }
        for entry in entries
        for column in entry["columns"]
    ]


def write_dictionary(rows: list[dict], parquet_tmp, csv_tmp) -> int:
    keys = ["table", "column", "type", "description"]
    table = pa.table({k: pa.array([r[k] for r in rows], pa.string()) for k in keys})
    pq.write_table(table, parquet_tmp, compression="zstd")
    text = io.StringIO()
    writer = csv.DictWriter(text, fieldnames=keys, lineterminator="\n")
    writer.writeheader()
    writer.writerows(rows)
    with open(csv_tmp, "w", encoding="utf-8", newline="") as handle:
        handle.write(text.getvalue())
    return len(rows)
