"""The fct_facts suite's frame reads marts.fct_facts where it needs it, never through a CTE holding every
column of every fact (issue 28: 1.2 GB at 1M figures, spilling under validation's memory limit at 10M);
its rows are those of the materialized frame."""

from __future__ import annotations

import json

from pipelines.publish import warehouse
from pipelines.validate.suites import read_suites

SHARED = ("facts", "settled", "parts")  # the CTEs several parts of the frame read


def _materialized(plan: dict) -> list[str]:
    own = [plan["extra_info"]["CTE Name"]] if plan.get("name") == "CTE" and plan.get("extra_info") else []
    return own + [name for child in plan.get("children", []) for name in _materialized(child)]


def test_the_facts_frame_materializes_no_whole_table(dev_built):
    (suite,) = read_suites(dev_built, ["fct_facts"])
    con = warehouse.connect(dev_built / "target" / "warehouse.dev.duckdb")
    try:
        (_, plan), *_ = con.execute(f"explain (format json) {suite.frame_sql}").fetchall()
    finally:
        con.close()
    materialized = [name for tree in json.loads(plan) for name in _materialized(tree)]
    assert not set(materialized) & set(SHARED), materialized


def test_the_facts_frame_is_the_materialized_frames_rows(dev_built):
    (suite,) = read_suites(dev_built, ["fct_facts"])
    assert all(f"{name} as not materialized (" in suite.frame_sql for name in SHARED)
    materialized = suite.frame_sql
    for name in SHARED:
        materialized = materialized.replace(f"{name} as not materialized (", f"{name} as materialized (")
    con = warehouse.connect(dev_built / "target" / "warehouse.dev.duckdb")
    try:
        # a fact planted to fail the cross-checks too, so rows with messages are compared as well
        con.execute(
            "update marts.fct_facts set period_end_month = 5 where fact_key = "
            "(select min(fact_key) from marts.fct_facts where period_kind = 'year')"
        ).fetchall()
        counts = con.execute(
            f"select (select count(*) from ({suite.frame_sql})), (select count(*) from ({materialized})), "
            f"(select count(*) from (({suite.frame_sql}) except all ({materialized}))), "
            f"(select count(*) from (({materialized}) except all ({suite.frame_sql}))), "
            f"(select count(impossible_combination) from ({suite.frame_sql}))"
        ).fetchall()
    finally:
        con.close()
    rows, same_rows, only_new, only_old, impossible = counts[0]
    assert rows == same_rows > 400 and only_new == only_old == 0 and impossible >= 1
