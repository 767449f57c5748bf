"""The README's example queries run on the real data and answer their questions."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

README = Path(__file__).resolve().parents[2] / "README.md"
QUERIES = re.findall(r"```sql\n(.*?)```", README.read_text(encoding="utf-8"), flags=re.S)


@pytest.fixture(scope="module")
def warehouse(built) -> Path:
    return built / "target" / "warehouse.duckdb"


def run(warehouse: Path, sql: str) -> list[dict]:
    with duckdb.connect(str(warehouse), read_only=True) as con:
        cursor = con.execute(sql)
        names = [d[0] for d in cursor.description]
        return [dict(zip(names, row)) for row in cursor.fetchall()]


def test_the_readme_has_its_queries():
    assert len(QUERIES) >= 5


@pytest.mark.parametrize("sql", QUERIES, ids=[f"query{i + 1}" for i in range(len(QUERIES))])
def test_every_readme_query_returns_rows(warehouse, sql):
    assert run(warehouse, sql), sql


def test_liuzhou_nev_output_2020_to_2024(warehouse):
    rows = run(warehouse, QUERIES[0])
    assert {(r["year"], int(r["vehicles"])) for r in rows} >= {(2020, 187_000), (2024, 776_000)}


def test_nanning_is_in_six_advanced_manufacturing_clusters(warehouse):
    rows = [r for r in run(warehouse, QUERIES[1]) if r["cluster_type"] == "advanced_manufacturing_cluster"]
    assert len(rows) == 6  # document 001: 南寧6個先進制造業集群入選
    assert all("南宁" in r["member_cities_zh_hans"] for r in rows)


def test_guangxi_rd_intensity_gap_and_rank(warehouse):
    (row,) = run(warehouse, QUERIES[2])
    assert (row["year"], float(row["rd_intensity_pct"]), float(row["national_rd_intensity_pct"])) == (2023, 0.84, 2.65)
    assert float(row["gap_to_national_pct_points"]) == -1.81 and row["reported_rank"] == 28


def test_targets_lined_up_with_actuals(warehouse):
    rows = run(warehouse, QUERIES[3])
    met = [r for r in rows if r["actual_value_reported"] is not None]
    assert met and all(r["comparison"] != "no_actual_yet" for r in met)
    # 002-064 (工业增加值年均增长8%以上) is all industry's growth; 004-002's 6.5% is 规上工业's, another fact
    assert {r["comparison"] for r in rows if r["target_figure_id"] == "002-064"} == {"no_actual_yet"}
    assert len(rows) > len(met)  # targets without an actual are listed too
    # size tiers of 000 state no deadline: no year, and said so
    assert {r["comparison"] for r in rows if r["target_figure_id"] == "000-001"} == {"no_actual_yet"}
    assert all(r["target_year"] is None for r in rows if r["target_figure_id"].startswith("000-"))
