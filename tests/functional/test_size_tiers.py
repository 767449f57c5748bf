"""Counts of clusters at a size tier (两个万亿级产业集群) are size_tier_count, never compared with a count
of recognised clusters (cluster_count)."""

from __future__ import annotations

import duckdb

from helpers import REPO, read_rows

TIER = ("亿", "億")  # a tier is an amount of yuan: 千亿元产业, 万亿级, 产值超1000亿元


def counts_of_clusters() -> list[dict]:
    rows = []
    for path in sorted((REPO / "raw" / "figures").glob("*.csv")):
        rows += [r for r in read_rows(path)[1] if r["metric_code"] in ("cluster_count", "size_tier_count")]
    return rows


def test_a_count_of_clusters_at_a_tier_is_a_size_tier_count():
    rows = counts_of_clusters()
    coarse = [
        r["figure_id"] for r in rows if r["metric_code"] == "cluster_count" and any(t in r["evidence"] for t in TIER)
    ]
    assert coarse == []
    tiers = [r["figure_id"] for r in rows if r["metric_code"] == "size_tier_count"]
    assert "002-010" in tiers and all(any(t in r["evidence"] for t in TIER) for r in rows if r["figure_id"] in tiers)


def test_the_trillion_tier_target_is_not_compared_with_the_recognised_cluster_count(built):
    con = duckdb.connect(str(built / "target" / "warehouse.duckdb"), read_only=True)
    try:
        pairs = con.execute(
            "select target_figure_id, metric_code, actual_figure_id, comparison "
            "from marts.fct_targets_vs_actuals where target_figure_id = '002-010'"
        ).fetchall()
        tier_actuals = con.execute(
            "select distinct t.actual_figure_id from marts.fct_targets_vs_actuals as t "
            "join marts.int_figures as a on a.figure_id = t.actual_figure_id "
            "where a.metric_code <> t.metric_code"
        ).fetchall()
        recognised = con.execute("select metric_code from marts.int_figures where figure_id = '001-003'").fetchall()
    finally:
        con.close()
    assert recognised == [("cluster_count",)]
    assert [(t, m) for t, m, _, _ in pairs] == [("002-010", "size_tier_count")]
    assert pairs[0][2] != "001-003", pairs
    assert tier_actuals == []
