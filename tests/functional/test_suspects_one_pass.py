"""A suite that warns computes its frame once: its suspect rows come from the counting pass
(pipelines/validate/suspects/frame.py). That they are the rows a second pass finds, for every case of bad
data test_checks.py breaks, is tested in test_suspects.py beside the whole frames' outcome."""

from __future__ import annotations

import shutil

from test_checks import CASES, Case, loaded_and_built  # noqa: F401  (the module's fixture)

import pipelines.validate.frames as frames_module
from pipelines.publish import warehouse
from pipelines.validate.suites import validate


def broken_copy(loaded_and_built, tmp_path, sql: str, name: str):  # noqa: F811
    project, database = loaded_and_built
    copy = tmp_path / f"{name}.duckdb"
    shutil.copyfile(database, copy)
    con = warehouse.connect(copy)
    for statement in filter(str.strip, sql.split(";")):
        con.execute(statement).fetchall()
    return project, con


def test_a_suite_that_warns_computes_its_frame_once(loaded_and_built, tmp_path, monkeypatch):  # noqa: F811
    # a share above 100 % fails a row's own condition (no uniqueness): its rows come from the counting pass
    sql = "update marts.fct_shares_ranks set value_in_base_unit = 120 where metric_code = 'share'"
    project, con = broken_copy(loaded_and_built, tmp_path, sql, "warns")
    read = []
    fetch = frames_module.gx_frame
    monkeypatch.setattr(frames_module, "gx_frame", lambda cursor, query: read.append(query) or fetch(cursor, query))
    try:
        results, _, _ = validate(con, project, only=["fct_shares_ranks"])
    finally:
        con.close()
    assert [r for r in results if not r.success], "the planted share did not fail"
    # the frame's own SQL (checks/fct_shares_ranks.sql) went to DuckDB once, in the counting pass, and no
    # fetched query holds it again
    assert [q for q in read if "with frame as" in q] == []
