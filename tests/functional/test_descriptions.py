"""Every staging and mart table, and every column, carries a description in DuckDB (COMMENT ON), so
an analyst sees it in the DuckDB shell; and docs/codes.md explains every code the tables hold."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest
import yaml

from pipelines.docs import codes as codes_md
from pipelines.load import contracts
from pipelines.models.graph import discover

from helpers import REPO


@pytest.fixture(scope="module")
def dev_db(dev_built) -> Path:
    """The dev warehouse of the project built once (`clusterdw build`, the same build() a run does, without
    the checks)."""
    return dev_built / "target" / "warehouse.dev.duckdb"


def query(db: Path, sql: str) -> list[tuple]:
    con = duckdb.connect(str(db), read_only=True)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def test_every_model_table_has_a_comment(dev_db):
    tables = dict(
        query(
            dev_db,
            "select schema_name || '.' || table_name, comment from duckdb_tables() "
            "where schema_name in ('staging', 'marts')",
        )
    )
    assert set(tables) == set(discover(REPO))  # every model was dev_db
    assert [name for name, comment in tables.items() if not (comment or "").strip()] == []
    assert "Grain: one row per" in tables["marts.fct_growth_rates"]


def test_every_model_column_has_a_comment(dev_db):
    columns = query(
        dev_db,
        "select schema_name || '.' || table_name || '.' || column_name, comment "
        "from duckdb_columns() where schema_name in ('staging', 'marts')",
    )
    assert len(columns) > 250
    assert [name for name, comment in columns if not (comment or "").strip()] == []


def test_comments_are_the_descriptions_beside_the_models(dev_db):
    doc = yaml.safe_load((REPO / "marts" / "fct_output_values.yml").read_text(encoding="utf-8"))
    [(comment,)] = query(
        dev_db,
        "select comment from duckdb_columns() where schema_name = 'marts' "
        "and table_name = 'fct_output_values' and column_name = 'value_in_base_unit'",
    )
    assert comment == doc["columns"]["value_in_base_unit"].strip()


def test_a_description_of_a_column_the_model_lacks_stops_the_build(project, cli):
    path = project / "staging" / "stg_units.yml"
    path.write_text(path.read_text(encoding="utf-8") + "  unit_name_fr: Nom de l'unité.\n", encoding="utf-8")
    result = cli(project, "build", "--select", "stg_units")
    assert result.exit_code == 4, result.output
    assert "stg_units.yml describes column(s) the model does not have: unit_name_fr" in result.output


def test_a_description_file_that_does_not_parse_names_its_line(project, cli):
    path = project / "staging" / "stg_units.yml"
    lines = path.read_text(encoding="utf-8").splitlines()
    opened = lines.index("columns:") + 2  # 1-based: the line under `columns:`
    lines.insert(opened - 1, "  unit_code: [never closed")
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result = cli(project, "build", "--select", "stg_units")
    assert result.exit_code == 4, result.output
    assert "Error: YAML does not parse" in result.output
    assert f"stg_units.yml:{opened + 1} — fix the YAML" in result.output  # where the list should have closed


def test_codes_doc_explains_every_code():
    # the catalogue's tables as the generator writes them from raw/reference: a new metric needs no hand edit
    text = codes_md.render(REPO, (REPO / "docs" / "codes.md").read_text(encoding="utf-8"))
    with (REPO / "raw" / "reference" / "metrics.csv").open(encoding="utf-8") as handle:
        metrics = list(csv.DictReader(handle))
    with (REPO / "raw" / "reference" / "units.csv").open(encoding="utf-8") as handle:
        units = list(csv.DictReader(handle))
    columns = {c.name: c for contract in contracts.CONTRACTS for c in contract.columns}
    codes = {f"`{m['metric_code']}`" for m in metrics} | {m["unit_measure"] for m in metrics}
    codes |= {f"{u['unit']} ({u['unit_multiplier']})" for u in units} | {f"`{u['unit_measure']}`" for u in units}
    codes |= {f"`{code}`" for code in contracts.PERIOD_KINDS + contracts.STATUSES + contracts.QUALIFIERS}
    codes |= {f"`{code}`" for code in columns["cluster_type"].allowed + columns["level"].allowed}
    codes |= {f"`{code}`" for code in columns["metric_kind"].allowed + columns["column_name"].allowed}
    assert sorted(code for code in codes if code not in text) == []
