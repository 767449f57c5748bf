"""A frame several suites validate alike: checks/shared/<name>.sql, named by a suite's meta.clusterdw.frame,
in which `this_table` is the suite's own table."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from pipelines.errors import ClusterdwError
from pipelines.validate.suites import read_suites

from helpers import copy_project


def set_frame(project: Path, suite: str, frame: object) -> Path:
    path = project / "checks" / f"{suite}.json"
    definition = json.loads(path.read_text(encoding="utf-8"))
    definition["meta"]["clusterdw"]["frame"] = frame
    path.write_text(json.dumps(definition), encoding="utf-8")
    return path


def test_both_suites_read_the_shared_frame_each_on_its_own_table(tmp_path):
    suites = {s.name: s for s in read_suites(copy_project(tmp_path / "project"))}
    for name in ("fct_output_values", "fct_shares_ranks"):
        assert f'with this_table as (select * from "marts"."{name}")' in suites[name].frame_sql, name
        assert "facts as (select * from this_table)" in suites[name].frame_sql
    con = duckdb.connect()
    con.execute("create schema marts")
    con.execute(
        "create table marts.dim_metric as select 'share' as metric_code, 'fct_shares_ranks' as fact_table, "
        "'percent' as unit_measure, 0.0 as min_plausible_value, 100.0 as max_plausible_value"
    )
    con.execute(
        "create table marts.fct_shares_ranks as select '001-001' as figure_id, 'share' as metric_code, "
        "120.0 as value_in_base_unit, false as is_target, 2020 as period_start_year, 2020 as period_end_year"
    )
    # the shared frame, before the declared tests' columns are added around it (declared.py)
    frame = (
        suites["fct_shares_ranks"]
        .frame_sql.split("with __checked as (\n", 1)[1]
        .split("\n)\n\nselect\n    __checked", 1)[0]
    )
    row = con.sql(f"select metric_fact_table, outside_plausible_range from ({frame})").fetchall()
    assert row == [("fct_shares_ranks", "001-001: share 120.0 outside [0.0, 100.0]")]


@pytest.mark.parametrize("frame", ["../../etc/passwd", "Fact_Values", 3])
def test_a_frame_that_is_not_a_plain_name_is_refused(tmp_path, frame):
    project = copy_project(tmp_path / "project")
    path = set_frame(project, "fct_output_values", frame)
    with pytest.raises(ClusterdwError, match="meta.clusterdw.frame is not the name of a shared frame") as raised:
        read_suites(project)
    assert str(path) in str(raised.value.where)


def test_a_shared_frame_that_is_not_there_is_named(tmp_path):
    project = copy_project(tmp_path / "project")
    set_frame(project, "fct_output_values", "no_such_frame")
    with pytest.raises(ClusterdwError, match="the suite's shared frame is not there") as raised:
        read_suites(project)
    assert str(raised.value.where).endswith("checks/shared/no_such_frame.sql")


def test_a_frame_written_twice_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "checks" / "fct_output_values.sql").write_text("select * from marts.fct_output_values\n")
    with pytest.raises(ClusterdwError, match="written twice: in meta.clusterdw.frame and in fct_output_values.sql"):
        read_suites(project)


def test_a_shared_frame_of_two_statements_is_refused(tmp_path):
    project = copy_project(tmp_path / "project")
    (project / "checks" / "shared" / "fact_values.sql").write_text("select 1; attach 'x.duckdb'\n")
    with pytest.raises(ClusterdwError, match="must be one SELECT"):
        read_suites(project)
