"""`clusterdw test --engine spark`: the models' unit tests on a local Spark session give the verdicts and the
differing rows the DuckDB run gives. The session's local SparkSession (conftest's `spark`): the in-process
CLI finds it and uses it."""

from __future__ import annotations

import pytest

from helpers import SPARK_LOCAL

pytestmark = [pytest.mark.spark, pytest.mark.slow, SPARK_LOCAL]


def _test_lines(output: str) -> list[str]:
    """What a run says of its tests, without the Spark session's lines."""
    return [line for line in output.splitlines() if not line.startswith("Spark")]


def test_every_unit_test_runs_on_spark_and_a_failing_one_prints_its_rows(project, cli, spark):
    # one expected value made wrong: two sources where the model counts... three
    path = project / "marts" / "fct_facts.yml"
    text = path.read_text(encoding="utf-8")
    old = "figure_ids: '001-001,002-001', n_sources: 2,"
    assert old in text
    path.write_text(text.replace(old, "figure_ids: '001-001,002-001', n_sources: 3,", 1), encoding="utf-8")

    on_spark = cli(project, "test", "--engine", "spark")
    assert on_spark.exit_code == 4, on_spark.output
    assert "Spark: application" in on_spark.output  # the models ran on Spark
    lines = _test_lines(on_spark.output)
    failed = [line for line in lines if line.startswith("FAIL")]
    assert len(failed) == 1 and "marts.fct_facts: two_documents_that_agree" in failed[0], lines
    passed = [line for line in lines if line.startswith("pass")]
    assert f"{len(passed)} of {len(passed) + 1} unit test(s) passed" in on_spark.output
    expected = lines.index("      expected, not given by the model (1):")
    assert "n_sources" in lines[expected + 1] and "| 3 |" in lines[expected + 2], lines
    given = lines.index("      given by the model, not expected (1):")
    assert "| 2 |" in lines[given + 2], lines

    # the same verdicts, rows and error line as on DuckDB
    on_duckdb = cli(project, "test")
    assert on_duckdb.exit_code == 4, on_duckdb.output
    assert _test_lines(on_spark.output) == _test_lines(on_duckdb.output)


def test_a_model_that_spark_cannot_run_is_a_failing_test_with_spark_s_reason(project, cli, spark):
    # a function DuckDB has and Spark does not: the test fails on Spark only, saying why
    path = project / "marts" / "fct_facts.sql"
    text = path.read_text(encoding="utf-8")
    old = "count(distinct document_id) as n_sources"
    assert old in text
    path.write_text(text.replace(old, "count(distinct strip_accents(document_id)) as n_sources"), encoding="utf-8")
    assert cli(project, "test", "--select", "fct_facts").exit_code == 0
    result = cli(project, "test", "--engine", "spark", "--select", "fct_facts")
    assert result.exit_code == 4, result.output
    assert "FAIL  marts.fct_facts: two_documents_that_agree" in result.output
    assert "on Spark: " in result.output and "strip_accents" in result.output.lower(), result.output
