"""The suspect rows gathered while counting (pipelines/validate/suspects/frame.py) are those a second pass
over the frame finds: the same verdicts, unexpected counts, samples and failing rows for every case of bad
data test_checks.py breaks; and a suite that warns computes its frame once."""

from __future__ import annotations

import shutil

import pytest
from test_checks import CASES, Case, loaded_and_built  # noqa: F401  (the module's fixture)
from test_suspects import sample_values

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


def outcomes(loaded_and_built, tmp_path, case: Case, one_pass: bool) -> list[tuple]:  # noqa: F811
    project, con = broken_copy(loaded_and_built, tmp_path, case.sql, f"one-pass-{one_pass}")
    try:
        results, summaries, _ = validate(con, project, only=[case.suite], one_pass=one_pass)
    finally:
        con.close()
    return [
        (
            r.expectation,
            r.column,
            r.success,
            r.unexpected_count,
            sample_values(r.sample),
            sorted(map(str, r.failing_rows or [])),
        )
        for r in results
    ] + [(s.suite, s.rows, s.passed, s.warned, s.failed) for s in summaries]


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.suite}-{c.column}-{c.expectation.removeprefix('expect_')}")
def test_suspects_gathered_while_counting_give_the_second_passs_outcome(loaded_and_built, tmp_path, case):  # noqa: F811
    gathered = outcomes(loaded_and_built, tmp_path, case, one_pass=True)
    assert gathered == outcomes(loaded_and_built, tmp_path, case, one_pass=False)
    assert any(not success for _, _, success, *_ in gathered[:-1])


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
