"""`clusterdw docs`: every model with its description, grain and columns, and the dependency graph."""

from __future__ import annotations

from pathlib import Path

import yaml
from click.testing import CliRunner

from pipelines.cli import main
from pipelines.docs.catalog import build_catalog
from pipelines.models.graph import discover
from pipelines.project import Project

from helpers import REPO


def invoke(project_dir: Path, *args: str):
    return CliRunner().invoke(main, ["--project-dir", str(project_dir), *args], catch_exceptions=False)


def test_docs_lists_every_model_and_column_with_its_description_and_type(dev_built):
    result = invoke(dev_built, "docs")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "columns from " + str(dev_built / "target" / "warehouse.dev.duckdb") in out
    for name, model in discover(REPO).items():
        doc = yaml.safe_load(model.path.with_suffix(".yml").read_text(encoding="utf-8"))
        assert f"\n{name}  ({model.schema}/{model.name}.sql, " in out
        for column in doc["columns"]:
            assert f"\n    {column} (" in out, f"{name}.{column}"
    assert "    value_in_base_unit (DECIMAL(38,4))\n        The value in the base unit of unit_measure" in out
    assert "  Grain: one row per annotated figure (figure_id)." in out
    assert "(no description" not in out
    total = sum(len(m.columns) for m in build_catalog(Project.at(dev_built)).models.values())
    assert f"{total} of {total} columns described." in out


def test_docs_prints_the_dependency_graph_as_edges_and_as_a_tree(dev_built):
    out = invoke(dev_built, "docs").output
    graph = out[out.index("Dependency graph") :]
    assert "  raw.figures -> staging.stg_figures\n" in graph
    assert "  staging.stg_figures -> marts.int_figures\n" in graph
    assert "  marts.int_figures -> marts.fct_growth_rates\n" in graph
    tree = graph[graph.index("Dependency tree") :]
    assert "raw.units\n  staging.stg_units\n    staging.stg_figures" in tree
    subtree = tree.split("\n      marts.int_figures\n", 1)[1].split("\n      marts.", 1)[0]  # int_figures' readers
    assert "\n        marts.fct_growth_rates\n" in "\n" + subtree + "\n"
    assert "staging.stg_figures  (…see above)" in tree  # a subtree is shown once


def test_docs_of_one_model_shows_what_it_reads_down_to_raw(dev_built):
    result = invoke(dev_built, "docs", "fct_rd_intensity")
    assert result.exit_code == 0, result.output
    out = result.output
    assert "\nmarts.fct_rd_intensity  (marts/fct_rd_intensity.sql" in out
    assert "marts.fct_growth_rates  (" not in out
    assert "  Reads: marts.int_figures\n" in out
    assert "marts.fct_rd_intensity\n  marts.int_figures\n    staging.stg_figures\n      raw.figures\n" in out


def test_docs_without_a_warehouse_takes_columns_from_the_sql(project, cli):
    result = cli(project, "docs", "marts.fct_output_values")
    assert result.exit_code == 0, result.output
    assert "no warehouse built yet: columns from the models' SQL" in result.output
    # `select * exclude (...)` resolved through int_figures and stg_figures down to the raw contracts
    assert "\n    value_in_base_unit\n        The value in the base unit" in result.output
    assert "\n    fact_table\n" not in result.output


def test_docs_flags_undescribed_and_stale_columns(project, cli):
    path = project / "marts" / "dim_year.yml"
    doc = yaml.safe_load(path.read_text(encoding="utf-8"))
    del doc["columns"]["year_of_five_year_plan"]
    doc["columns"]["plan_year_name"] = "A column the model no longer has."
    path.write_text(yaml.safe_dump(doc, allow_unicode=True, sort_keys=False), encoding="utf-8")
    out = cli(project, "docs").output
    assert "    year_of_five_year_plan\n        (no description: add one to the model's .yml)" in out
    assert "    plan_year_name\n        (described in the .yml but not in the model) A column" in out
    described, of, total = out.splitlines()[-1].split()[:3]
    assert (of, out.splitlines()[-1].endswith("columns described.")) == ("of", True)
    assert int(described) == int(total) - 1


def test_docs_of_an_unknown_model_is_an_error_with_the_choices(project, cli):
    result = cli(project, "docs", "fct_growth")
    assert result.exit_code == 1
    assert "Error: no model named 'fct_growth' — clusterdw docs fct_growth — choose one of: " in result.output
    assert "fct_growth_rates" in result.output
