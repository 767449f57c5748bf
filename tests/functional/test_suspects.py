"""Validation on the rows DuckDB finds suspect (pipelines/validate/suspects): GX's verdicts, unexpected counts and
samples are those it gives on the whole frames, and the suspects gathered while counting are those a second
pass finds, for every case of bad data test_checks.py breaks; a table that passes reaches GX as one row."""

from __future__ import annotations

import json
import shutil

import pytest
from test_checks import CASES, Case, loaded_and_built  # noqa: F401  (the module's fixture)

import pipelines.validate.suites as validate_module
from pipelines.publish import warehouse
from pipelines.validate.suites import Validator, validate
from pipelines.validate.suspects.predicates import suspect_condition


def sample_values(sample: str | None):
    """The sample's values, not their order: the suspect rows come in an order of their own. A sample cut
    at 300 characters may then hold other values of the same failure: only the unexpected count says."""
    try:
        return sorted(json.loads(sample or "[]"), key=str)
    except ValueError:
        return "cut"


def validated(loaded_and_built, tmp_path, case: Case, monkeypatch, whole: bool = False, one_pass: bool = True):  # noqa: F811
    """(results, summaries) of the case's suite on a copy of the built file its SQL broke: on the suspect
    rows (as a run validates), on the `whole` frames, or with the suspects found by a second pass."""
    if whole:
        read_frames = validate_module._read_frames
        monkeypatch.setattr(
            validate_module, "_read_frames", lambda con, suites, **_: read_frames(con, suites, whole=True)
        )
    project, database = loaded_and_built
    copy = tmp_path / f"case-{whole}-{one_pass}.duckdb"
    shutil.copyfile(database, copy)
    con = warehouse.connect(copy)
    try:
        for statement in filter(str.strip, case.sql.split(";")):
            con.execute(statement).fetchall()
        results, summaries, _ = validate(con, project, only=[case.suite], one_pass=one_pass)
    finally:
        con.close()
    monkeypatch.undo()
    return results, summaries


def gx_outcome(results, summaries) -> list[tuple]:
    """What GX says: verdicts, unexpected counts and samples (as sets), and each suite's counts."""
    return [(r.expectation, r.column, r.success, r.unexpected_count, sample_values(r.sample)) for r in results] + [
        (s.suite, s.rows, s.passed, s.warned, s.failed) for s in summaries
    ]


def with_failing_rows(results, summaries) -> list[tuple]:
    """The same, and every failing row's key."""
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
def test_suspect_rows_give_gx_the_whole_frames_outcome_and_the_second_passs(
    loaded_and_built,  # noqa: F811
    tmp_path,
    case: Case,
    monkeypatch,
):
    """As a run validates (the suspect rows, gathered while counting): GX's outcome is the one it gives on
    the whole frames, and the suspects (failing rows included) are those a second pass over the frame
    finds (pipelines/validate/suspects/frame.py). The run's way is validated once and compared with both."""
    as_run = validated(loaded_and_built, tmp_path, case, monkeypatch)
    assert gx_outcome(*as_run) == gx_outcome(*validated(loaded_and_built, tmp_path, case, monkeypatch, whole=True))
    second_pass = validated(loaded_and_built, tmp_path, case, monkeypatch, one_pass=False)
    assert with_failing_rows(*as_run) == with_failing_rows(*second_pass)
    assert any(not success for _, _, success, *_ in gx_outcome(*as_run)[: len(as_run[0])])


def test_gx_sees_one_row_of_a_table_that_passes_and_only_the_suspects_of_one_that_does_not(
    loaded_and_built,  # noqa: F811  (the fixture imported above)
    monkeypatch,
):
    project, database = loaded_and_built
    seen = {}
    original = Validator.validate

    def recording(self, suite, frame):
        seen[suite.name] = len(frame)
        return original(self, suite, frame)

    monkeypatch.setattr(Validator, "validate", recording)
    con = warehouse.connect(database)
    try:
        results, summaries, _ = validate(con, project)
    finally:
        con.close()
    rows = {s.suite: s.rows for s in summaries}
    failing = {r.suite for r in results if not r.success}
    whole = {"dim_city", "dim_cluster", "stg_cue_words"}  # a distinct-value set: whole frames
    for name, length in seen.items():
        if name in whole or rows[name] <= 1:
            assert length == rows[name], name
        elif name in failing or name == "stg_figures":  # evidence with 万 or 十二: DuckDB cannot settle it
            assert 0 < length < rows[name], name
        else:
            assert length == 1, name
    assert {"int_figures", "fct_growth_rates", "fct_output_values"} - failing - {
        name for name, length in seen.items() if length == 1
    } == set()


def test_a_share_of_rows_or_an_unknown_expectation_needs_the_whole_frame():
    assert suspect_condition("expect_column_values_to_not_be_null", {"column": "x", "mostly": 0.9}) is None
    assert suspect_condition("expect_column_values_to_match_regex", {"column": "x", "regex": "a"}) is None
    assert suspect_condition("expect_column_values_to_be_between", {"column": "x", "min_value": "2020-01-01"}) is None
