"""The fct_facts suite's frame (checks/fct_facts.sql) stays about the size of the table it checks.

Its rank check once joined every value with every other value of its group (same metric, cluster,
period, status) before meeting the few ranks: at 1M synthetic figures a group holds 8,000 values, and
validation ran out of memory after six minutes. Measured here on 20,000 synthetic figures with DuckDB's
own profiler: no join of the frame may yield more rows than the table holds (the pairing of all values
gave 4.4 times as many). The verdicts on planted bad rows are tested in test_facts.py.
"""

from __future__ import annotations

import json

import duckdb
import pytest

from pipelines.load.loader import load
from pipelines.models.builder import build
from pipelines.publish import warehouse
from pipelines.synth import synthesize
from pipelines.validate.suites import read_suites

from helpers import REPO

pytestmark = pytest.mark.slow


def _join_rows(node: dict, found: list[int]) -> list[int]:
    if "JOIN" in (node.get("type") or ""):
        found.append(node["intermediate_rows"])
    for child in node.get("children", []):
        _join_rows(child, found)
    return found


def test_no_join_of_the_fct_facts_frame_yields_more_rows_than_the_table(tmp_path):
    project = tmp_path / "synth"
    synthesize(REPO, project, 20_000)
    database = tmp_path / "built.duckdb"
    con = warehouse.connect(database)
    try:
        load(con, project)
        build(con, project)
    finally:
        con.close()
    (suite,) = read_suites(project, ["fct_facts"])
    profile = tmp_path / "profile.json"
    con = duckdb.connect(str(database), read_only=True)
    try:
        facts = con.execute("select count(*) from marts.fct_facts").fetchone()[0]
        con.execute("pragma enable_profiling = 'json'")
        con.execute(f"pragma profiling_output = '{profile}'")
        # every checked column read, so that no join is pruned away
        checked = con.execute(
            f"select count(*), count(rank_contradicted), count(part_above_whole), "
            f"count(growth_disagrees_with_levels) from ({suite.frame_sql})"
        ).fetchone()
        con.execute("pragma disable_profiling")
    finally:
        con.close()
    assert checked[0] == facts
    joins = [rows for operator in json.loads(profile.read_text())["operator"] for rows in _join_rows(operator, [])]
    assert joins, "the profile lists no join: DuckDB's profile format changed"
    assert max(joins) <= facts, f"a join of the fct_facts frame yields {max(joins):,} rows for {facts:,} facts"
