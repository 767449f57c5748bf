"""`clusterdw test`: the unit tests of the models' .yml (given rows in, expected rows out) on DuckDB."""

from __future__ import annotations

import copy
import datetime
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.models.descriptions import read_doc
from pipelines.models.unit_tests import collect, empty_warehouse, run_test

from helpers import REPO

# the marts whose SQL holds logic (pairings, ranks, counts, computed values), not only renames
MARTS_WITH_LOGIC = (
    "fct_growth_rates",
    "fct_targets_vs_actuals",
    "fct_rd_intensity",
    "dim_cluster",
    "dim_source_document",
    "int_figures",
    "int_fact_figures",
    "bridge_fact_figure",
    "fct_facts",
    "fct_cluster_figures",
    "dim_city",
    "dim_year",
)


def test_every_mart_with_logic_has_unit_tests():
    for name in MARTS_WITH_LOGIC:
        assert read_doc(REPO / "marts" / f"{name}.sql").unit_tests, name


def test_the_projects_unit_tests_pass(project, cli):
    result = cli(project, "test")
    assert result.exit_code == 0, result.output
    total = sum(len(read_doc(REPO / "marts" / f"{name}.sql").unit_tests) for name in MARTS_WITH_LOGIC)
    assert f"{total} of {total} unit test(s) passed" in result.output
    assert "FAIL" not in result.output


def _changed(value):
    """Another value of the same type: what an expected row would say if the test were wrong."""
    if isinstance(value, bool):
        return not value
    if isinstance(value, (int, float, Decimal)):
        return value + 1
    if isinstance(value, datetime.date):
        return value + datetime.timedelta(days=1)
    if isinstance(value, str):
        return value + "x"
    return None  # null and lists: left as they are


def test_every_unit_test_fails_when_one_expected_value_is_changed():
    """Each test, with one value of its expected rows changed, fails: no test passes whatever the model does."""
    graph, tests = collect(REPO)
    assert {t.model for t in tests} >= {f"marts.{name}" for name in MARTS_WITH_LOGIC}
    con = empty_warehouse(REPO)
    try:
        for test in tests:
            assert run_test(con, graph, test).passed, test.name
            row, column = next((r, c) for r in test.expect for c in r if _changed(r[c]) is not None)
            broken = copy.deepcopy(test)
            broken.expect[test.expect.index(row)][column] = _changed(row[column])
            outcome = run_test(con, graph, broken)
            assert not outcome.passed and outcome.error is None, (test.model, test.name, column)
            assert outcome.missing and outcome.unexpected, (test.model, test.name, column)
    finally:
        con.close()


def test_select_runs_only_the_selected_models_tests(project, cli):
    result = cli(project, "test", "--select", "fct_rd_intensity")
    assert result.exit_code == 0, result.output
    assert "marts.fct_rd_intensity: gap_ratio_and_rank_against_the_nation" in result.output
    assert "fct_growth_rates" not in result.output


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, old
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_a_model_that_breaks_its_logic_fails_its_test_and_shows_the_rows(project, cli):
    # growth computed from the later level over itself: always 0 %
    replace(
        project / "marts" / "fct_growth_rates.sql",
        "/ cast(cast(earlier.value_in_base_unit as varchar) as double) - 1)",
        "/ cast(cast(later.value_in_base_unit as varchar) as double) - 1)",
    )
    result = cli(project, "test", "--select", "fct_growth_rates")
    assert result.exit_code == 4, result.output
    assert "FAIL  marts.fct_growth_rates: growth_from_two_levels" in result.output
    lines = result.output.splitlines()
    expected = lines.index("      expected, not given by the model (1):")
    assert "computed_rate_pct" in lines[expected + 1]
    assert "| 25.00 |" in lines[expected + 2]
    given = lines.index("      given by the model, not expected (1):")
    assert "| 0.00 |" in lines[given + 2]
    error = lines[-1]
    assert error.startswith("Error: ") and "fct_growth_rates.yml:" in error, error


def test_a_target_paired_with_an_older_actual_fails(project, cli):
    replace(project / "marts" / "fct_targets_vs_actuals.sql", "max(year) as latest_year", "min(year) as latest_year")
    result = cli(project, "test", "--select", "fct_targets_vs_actuals")
    assert result.exit_code == 4, result.output
    assert "FAIL  marts.fct_targets_vs_actuals: an_open_ended_target_is_set_beside_the_latest_actual" in result.output
    assert "pass  marts.fct_targets_vs_actuals: a_dated_target_is_compared_with_the_actual_of_its_year" in result.output


def test_rows_of_a_table_the_model_does_not_read_are_an_error_naming_the_file(project, cli):
    replace(
        project / "marts" / "int_figures.yml",
        "      staging.stg_figures:\n",
        "      marts.dim_city:\n        - {city_key: x}\n      staging.stg_figures:\n",
    )
    result = cli(project, "test", "--select", "int_figures")
    assert result.exit_code == 4, result.output
    assert "gives rows of marts.dim_city, which marts.int_figures does not read" in result.output
    assert "int_figures.yml:" in result.output


def test_an_unknown_column_or_key_in_a_unit_test_is_reported(project, cli):
    replace(project / "marts" / "int_figures.yml", "place_key: liuzhou", "place_kee: liuzhou")
    result = cli(project, "test", "--select", "int_figures")
    assert result.exit_code == 4, result.output
    assert "staging.stg_figures name columns it does not have: place_kee" in result.output
    replace(project / "marts" / "int_figures.yml", "    expect:\n", "    expected:\n")
    result = cli(project, "test", "--select", "int_figures")
    assert result.exit_code == 4, result.output
    assert "unknown key 'expected' in unit test" in result.output


@pytest.mark.parametrize(
    "model, old, new, failing",
    [
        # the earliest publication chosen instead of the latest
        (
            "bridge_fact_figure",
            "order by published_on desc nulls last, value_class_order, figure_id",
            "order by published_on nulls last, value_class_order, figure_id",
            "the_latest_publication_wins_even_over_an_exact_value",
        ),
        # a bound preferred to an exact value of the same publication
        (
            "bridge_fact_figure",
            "case value_class when 'exact' then 1 when 'approximate' then 2 else 3 end",
            "case value_class when 'exact' then 3 when 'approximate' then 2 else 1 end",
            "of_one_publication_exact_over_approximate_over_a_bound",
        ),
        # an open end ignored: 超1000 and 1000以内 would agree
        (
            "bridge_fact_figure",
            "(not is_low_included or is_fact_high_open)",
            "(false)",
            "intervals_that_do_not_overlap_conflict",
        ),
        # figures counted as sources
        (
            "fct_facts",
            "count(distinct document_id) as n_sources",
            "count(*) as n_sources",
            "one_document_stating_a_fact_twice_is_one_source",
        ),
        # 近X taken as an interval around X
        (
            "int_figures",
            "when qualifier in ('nearly', 'at_most', 'less_than') then value_reported",
            "when qualifier = 'nearly' then value_reported + written_half_unit "
            "when qualifier in ('at_most', 'less_than') then value_reported",
            "nearly_lies_just_under_its_value",
        ),
    ],
)
def test_a_fact_model_that_breaks_the_documented_rule_fails_its_test(project, cli, model, old, new, failing):
    replace(project / "marts" / f"{model}.sql", old, new)
    result = cli(project, "test", "--select", model)
    assert result.exit_code == 4, result.output
    assert f"FAIL  marts.{model}: {failing}" in result.output
