"""`clusterdw test`: the unit tests of the models' .yml (given rows in, expected rows out) on DuckDB."""

from __future__ import annotations

from pathlib import Path

from pipelines.models.descriptions import read_doc

from conftest import REPO

# the marts whose SQL holds logic (pairings, ranks, counts, computed values), not only renames
MARTS_WITH_LOGIC = (
    "fct_growth_rates",
    "fct_targets_vs_actuals",
    "fct_rd_intensity",
    "dim_cluster",
    "dim_source_document",
    "int_figures",
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
