"""clusterdw build --engine spark: every table of a Spark build equals the DuckDB build's (columns and
types, row counts, EXCEPT ALL both ways), on the project's data and on a synthetic project. The session's
local SparkSession (conftest's `spark`): `build --engine spark` in-process finds it and uses it."""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.engines.compare import compare_builds
from pipelines.models.builder import load_graph
from pipelines.synth import synthesize

from helpers import REPO, SPARK_LOCAL, invoke

pytestmark = [pytest.mark.spark, SPARK_LOCAL]


def _both_engines(project: Path, cli) -> tuple[list, list[str]]:
    result = cli(project, "build")
    assert result.exit_code == 0, result.output
    return _spark_build_compared(project, cli)


def _spark_build_compared(project: Path, cli) -> tuple[list, list[str]]:
    """`build --engine spark` of a project whose DuckDB dev file is built, and each table compared."""
    result = cli(project, "build", "--engine", "spark")
    assert result.exit_code == 0, result.output
    names = load_graph(project).order()
    with duckdb.connect(str(project / "target" / "warehouse.dev.duckdb"), read_only=True) as con:
        return compare_builds(con, names, project / "target" / "spark"), names


def _assert_equal(comparisons) -> None:
    unequal = [c for c in comparisons if not c.equal]
    assert not unequal, "\n".join(
        f"{c.table}: rows {c.duckdb_rows} vs {c.spark_rows}, only in DuckDB {c.only_in_duckdb}, only in Spark "
        f"{c.only_in_spark}, types {c.type_differences}"
        for c in unequal
    )


@pytest.fixture(scope="module")
def spark_built(spark, dev_built_once, tmp_path_factory) -> tuple[Path, list]:
    """The real project built by both engines, once for the module: the session's DuckDB build, copied,
    then built on Spark beside it."""
    project = shutil.copytree(dev_built_once, tmp_path_factory.mktemp("spark") / "project")
    comparisons, _ = _spark_build_compared(project, invoke)
    return project, comparisons


def test_project_build_on_spark_equals_the_duckdb_build(spark_built):
    project, comparisons = spark_built
    assert [c.table for c in comparisons] == load_graph(project).order()  # every model, none left out
    assert all((project / "target" / "spark" / Path(*c.table.split("."))).is_dir() for c in comparisons)
    assert sum(c.spark_rows for c in comparisons if c.table.startswith("marts.")) > 0
    _assert_equal(comparisons)


def test_synthetic_project_on_spark_equals_the_duckdb_build(spark, tmp_path, cli):
    project = tmp_path / "synthetic"
    synthesize(REPO, project, 3000, seed=11, rows_per_file=1000)
    comparisons, names = _both_engines(project, cli)
    assert len(comparisons) == len(names)
    assert next(c for c in comparisons if c.table == "marts.fct_growth_rates").spark_rows > 100
    _assert_equal(comparisons)


def test_the_comparison_sees_a_changed_row(spark_built, tmp_path):
    """The equality above can fail: one value changed in a Spark output is found both ways."""
    project, _ = spark_built
    spark_dir = tmp_path / "spark"
    shutil.copytree(project / "target" / "spark", spark_dir)
    folder = spark_dir / "marts" / "dim_year"
    with duckdb.connect() as con:
        con.execute(
            f"copy (select * replace (five_year_plan_number + 1 as five_year_plan_number) from "
            f"read_parquet('{folder}/*.parquet')) to '{tmp_path}/changed.parquet' (format parquet)"
        )
    shutil.rmtree(folder)
    folder.mkdir()
    shutil.move(tmp_path / "changed.parquet", folder / "part-0.parquet")
    with duckdb.connect(str(project / "target" / "warehouse.dev.duckdb"), read_only=True) as con:
        [comparison] = compare_builds(con, ["marts.dim_year"], spark_dir)
    assert not comparison.equal
    assert comparison.only_in_duckdb == comparison.only_in_spark == comparison.duckdb_rows


def test_select_rebuilds_only_the_chosen_model(spark_built, tmp_path, cli):
    project, _ = spark_built
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    spark_dir = copy / "target" / "spark"
    before = {p: p.stat().st_mtime_ns for p in spark_dir.glob("*/*/*.parquet")}
    result = cli(copy, "build", "--engine", "spark", "--select", "fct_rd_intensity")
    assert result.exit_code == 0, result.output
    assert "marts.fct_rd_intensity" in result.output and "marts.int_figures" not in result.output
    changed = {p.parent.name for p, t in before.items() if not p.exists() or p.stat().st_mtime_ns != t}
    assert changed == {"fct_rd_intensity"} | {p.parent.name for p in before if p.parent.parent.name == "raw"}
    assert not list(spark_dir.glob("*/.writing-*"))


def test_select_without_its_inputs_says_what_to_build(spark, project, cli):
    result = cli(project, "build", "--engine", "spark", "--select", "fct_rd_intensity")
    assert result.exit_code == 4, result.output
    assert "model fct_rd_intensity reads marts.int_figures, which no Spark build has written" in result.output
    assert "--select +fct_rd_intensity" in result.output


def test_a_model_failing_on_spark_names_its_file_and_keeps_the_last_output(spark_built, tmp_path, cli):
    project, _ = spark_built
    copy = tmp_path / "project"
    shutil.copytree(project, copy)
    output = copy / "target" / "spark" / "marts" / "dim_metric"
    files = sorted(p.name for p in output.iterdir())
    (copy / "marts" / "dim_metric.sql").write_text(
        "with\n\nmetrics as (select * from staging.stg_metrics),\n\n"
        "final as (select metric_code, no_such_column from metrics)\n\nselect * from final\n",
        encoding="utf-8",
    )
    result = cli(copy, "build", "--engine", "spark", "--select", "dim_metric")
    assert result.exit_code == 4, result.output
    line = result.output.strip().splitlines()[-1]
    assert line.startswith("Error: model dim_metric failed on Spark: ") and "no_such_column" in line
    assert f"— {copy / 'marts' / 'dim_metric.sql'} —" in line
    assert "line 1 pos" not in line and "Py4JJavaError" not in result.output  # one line, no JVM stack
    assert sorted(p.name for p in output.iterdir()) == files
    assert not list(output.parent.glob(".writing-*"))


def test_check_validates_the_spark_outputs(spark_built, tmp_path, cli):
    project, _ = spark_built
    result = cli(project, "check", "--engine", "spark")
    assert result.exit_code == 0, result.output
    assert "passed  dim_city" in result.output
    # no suite's line says failed (each line counts its expectations: "5 passed, 0 warned, 0 failed")
    assert not [line for line in result.output.splitlines() if line.strip().startswith("failed ")], result.output

    copy = tmp_path / "project"  # a city key twice in Spark's dim_city: the suite's uniqueness check fails
    shutil.copytree(project, copy)
    folder = copy / "target" / "spark" / "marts" / "dim_city"
    with duckdb.connect() as con:
        con.execute(
            f"copy (select * from read_parquet('{folder}/*.parquet') union all "
            f"(select * from read_parquet('{folder}/*.parquet') limit 1)) to '{tmp_path}/dup.parquet'"
        )
    shutil.rmtree(folder)
    folder.mkdir()
    shutil.move(tmp_path / "dup.parquet", folder / "part-0.parquet")
    result = cli(copy, "check", "--engine", "spark")
    assert result.exit_code == 5, result.output
    assert "dim_city" in result.output.strip().splitlines()[-1]


def test_a_tables_rows_are_counted_from_its_footers_without_a_spark_job(spark, tmp_path):
    """A build's row count of each model (HadoopFiles.count_rows): every part file's rows, 0 for an empty
    table, and no Spark job run for it (a job per model cost seconds)."""
    from pipelines.engines.spark_files import HadoopFiles

    parts, empty = (tmp_path / "parts").as_uri(), (tmp_path / "empty").as_uri()
    spark.range(1000).repartition(3).write.parquet(parts)
    spark.range(0).write.parquet(empty)
    tracker = spark.sparkContext.statusTracker()
    jobs = set(tracker.getJobIdsForGroup())
    assert len(list((tmp_path / "parts").glob("*.parquet"))) == 3
    assert HadoopFiles(spark).count_rows(parts) == 1000
    assert HadoopFiles(spark).count_rows(empty) == 0
    assert set(tracker.getJobIdsForGroup()) == jobs
    spark.read.parquet(parts).count()  # the way it was counted: a job, which the tracker sees
    assert set(tracker.getJobIdsForGroup()) != jobs
