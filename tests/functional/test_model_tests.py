"""Data tests declared beside the models (their .yml), compiled into the GX suites; the suites hold no
SQL in JSON; the table of expectation kinds; GX's speed patches change no result."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import duckdb
import pytest
from test_checks import loaded_and_built  # noqa: F401  (the module's fixture: the project loaded and built once)

from pipelines.errors import ModelError
from pipelines.models.descriptions import read_doc
from pipelines.publish import warehouse
from pipelines.validate.frames import gx_frame
from pipelines.validate.kinds import columns_of, needs_every_row
from pipelines.validate.suites import Validator, read_suites, suite_columns, validate
from pipelines.validate.suspects import suspect_queries

from helpers import REPO


def sql_lines_in_json(project: Path) -> int:
    lines = 0
    for path in (project / "checks").glob("*.json"):
        frame_sql = json.loads(path.read_text(encoding="utf-8"))["meta"]["clusterdw"].get("frame_sql")
        lines += len(frame_sql) if isinstance(frame_sql, list) else len((frame_sql or "").splitlines())
    return lines


def test_the_suites_hold_no_sql_in_json_and_each_sql_file_is_one_select():
    assert sql_lines_in_json(REPO) == 0
    for path in (REPO / "checks").glob("*.sql"):
        assert (REPO / "checks" / f"{path.stem}.json").exists(), f"{path.name} belongs to no suite"
        [statement] = duckdb.extract_statements(path.read_text(encoding="utf-8"))
        assert statement.type == duckdb.StatementType.SELECT, path


def test_every_model_declares_tests_beside_it():
    for folder in ("staging", "marts"):
        for sql in (REPO / folder).glob("*.sql"):
            assert read_doc(sql).tests, f"{sql.stem}.yml declares no data_tests"


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    "text, key, line",
    [
        ("descripton: Units.\n", "descripton", 1),  # only unknown keys: descriptions were dropped without a word
        ("description: Units.\ncolumns:\n  unit_as_written:\n    description: x\n    tests: [not_null]\n", "tests", 5),
        ("columns:\n  unit_as_written:\n    data_tests:\n      - accepted_values: {valeus: [a]}\n", "valeus", 4),
        ("columns:\n  unit_as_written:\n    data_tests:\n      - not_nul\n", "not_nul", 4),
        ("data_tests:\n  - unique_combination: {columns: [a, b], severity: fatal}\n", "fatal", 2),
    ],
)
def test_a_key_the_schema_does_not_know_is_an_error_naming_file_line_and_key(tmp_path, text, key, line):
    model = write(tmp_path / "stg_units.sql", "select 1 as unit_as_written")
    write(tmp_path / "stg_units.yml", text)
    with pytest.raises(ModelError) as raised:
        read_doc(model)
    assert key in raised.value.what
    assert raised.value.where == f"{tmp_path / 'stg_units.yml'}:{line}"


def test_a_test_missing_its_arguments_says_which(tmp_path):
    model = write(tmp_path / "m.sql", "select 1 as k")
    write(tmp_path / "m.yml", "columns:\n  k:\n    data_tests:\n      - relationships: {to: marts.dim_city}\n")
    with pytest.raises(ModelError, match="needs field"):
        read_doc(model)


def validate_copy(loaded_and_built, tmp_path: Path, project: Path, only: list[str], sql: str = ""):  # noqa: F811
    copy = tmp_path / "case.duckdb"
    shutil.copyfile(loaded_and_built[1], copy)
    con = warehouse.connect(copy)
    try:
        if sql:
            con.execute(sql).fetchall()
        return validate(con, project, only=only)[0]
    finally:
        con.close()


def test_declared_tests_fail_with_their_severity_and_a_warning_group_of_keys(loaded_and_built, tmp_path):  # noqa: F811
    project = tmp_path / "project"
    shutil.copytree(loaded_and_built[0], project)
    path = project / "staging" / "stg_place_names.yml"
    text = path.read_text(encoding="utf-8").replace(
        "columns:\n",
        "data_tests:\n  - expression:\n"
        "      name: long_place_name\n      sql: length(place_name) < 4\n      show: place_name\n"
        "      severity: warning\ncolumns:\n",
        1,
    )
    text = text.replace(
        "      - relationships:\n          to: staging.stg_places\n",
        "      - relationships: {to: staging.stg_clusters, field: cluster_key, severity: warning}\n"
        "      - relationships:\n          to: staging.stg_places\n",
        1,
    )
    write(path, text)
    results = validate_copy(loaded_and_built, tmp_path, project, ["stg_place_names"])
    by_column = {r.column: r for r in results}
    assert by_column["unresolved_keys"].success and by_column["unresolved_keys"].severity == "critical"
    warned = by_column["unresolved_keys_warning"]
    assert (warned.success, warned.severity) == (False, "warning")
    assert "not in staging.stg_clusters" in warned.sample
    long_names = by_column["long_place_name"]
    assert (long_names.success, long_names.severity) == (False, "warning")
    assert long_names.unexpected_count > 0
    assert not [r for r in results if not r.success and r.severity == "critical"]


def test_gx_speed_patches_change_no_result(loaded_and_built, tmp_path):  # noqa: F811
    project, database = loaded_and_built
    copy = tmp_path / "broken.duckdb"
    shutil.copyfile(database, copy)
    con = warehouse.connect(copy)
    try:  # failures to compare too: a key that does not resolve, a duplicate, a value outside its range
        con.execute(
            "update marts.int_figures set city_key = 'atlantis' where figure_id = "
            "(select min(figure_id) from marts.int_figures)"
        ).fetchall()
        con.execute("insert into marts.dim_year select * replace (2099 as year) from marts.dim_year limit 1").fetchall()
        suites = read_suites(project, ["int_figures", "dim_year", "stg_figures", "fct_targets_vs_actuals"])
        frames = {suite.name: gx_frame(con, suite.frame_sql) for suite in suites}
    finally:
        con.close()
    outcomes = {}
    for patched in (True, False):
        for docs in (None, tmp_path / f"docs-{patched}"):
            validator = Validator(docs, speed_patches=patched)
            outcomes[patched, docs is None] = [validator.validate(suite, frames[suite.name]) for suite in suites]
    for fast in (True, False):
        assert outcomes[True, fast] == outcomes[False, fast]
    failed = [r for results in outcomes[True, True] for r in results if not r.success]
    assert {r.suite for r in failed} >= {"int_figures", "dim_year"}


def test_the_kinds_table_answers_for_columns_and_whole_frames():
    assert columns_of("expect_column_pair_values_to_be_equal", {"column_A": "a", "column_B": "b"}) == ["a", "b"]
    assert columns_of("expect_compound_columns_to_be_unique", {"column_list": ["a", "b"]}) == ["a", "b"]
    assert columns_of("expect_table_row_count_to_be_between", {"min_value": 1}) is None
    assert needs_every_row("expect_column_distinct_values_to_contain_set", {"column": "a"})
    assert needs_every_row("expect_column_values_to_not_be_null", {"column": "a", "mostly": 0.9})
    assert not needs_every_row("expect_column_values_to_not_be_null", {"column": "a"})
    row_count = {
        "expectations": [
            {"type": "expect_column_values_to_not_be_null", "kwargs": {"column": "a"}},
            {"type": "expect_table_row_count_to_be_between", "kwargs": {"min_value": 1}},
        ]
    }
    assert suite_columns(row_count) is None
    contains = {
        "expectations": [
            {"type": "expect_column_distinct_values_to_contain_set", "kwargs": {"column": "a", "value_set": ["x"]}}
        ]
    }
    assert suspect_queries(contains, "select 'x' as a", ["a"]) is None
