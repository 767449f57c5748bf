"""`clusterdw lineage MODEL.COLUMN`: a column traced through the models down to raw columns."""

from __future__ import annotations

import pytest
import yaml

from pipelines.docs.lineage import prepare, render, trace
from pipelines.errors import ClusterdwError
from pipelines.models.builder import load_graph

from helpers import REPO


@pytest.fixture(scope="module")
def graph():
    return load_graph(REPO)


@pytest.fixture(scope="module")
def prepared(graph):
    return prepare(graph)


def test_value_in_base_unit_traces_to_the_raw_value_and_the_unit_multiplier(graph, prepared):
    root = trace(graph, "marts.fct_output_values.value_in_base_unit", prepared)
    assert {"raw.figures.value", "raw.units.unit_multiplier"} <= set(root.raw_columns())
    # model by model: the fact reads int_figures, which reads stg_figures, where the value is computed
    [int_figures] = root.inputs
    assert int_figures.name == "marts.int_figures.value_in_base_unit"
    [staging] = int_figures.inputs
    assert staging.name == "staging.stg_figures.value_in_base_unit"
    assert "POWER(10, resolved.unit_multiplier)" in staging.expression
    assert {n.name for n in staging.inputs} >= {"raw.figures.value", "staging.stg_units.unit_multiplier"}


def test_a_corrected_column_traces_to_the_corrections_too(graph, prepared):
    root = trace(graph, "fct_growth_rates.rate_pct", prepared)  # the schema may be left out
    assert root.table == "marts.fct_growth_rates"
    assert {"raw.figures.value", "raw.corrections.corrected_value", "raw.units.unit_measure"} <= set(root.raw_columns())
    # a UNION: the expression of each branch (reported rates, rates computed from levels)
    assert "CASE WHEN reported.unit_measure = 'percent'" in root.expression and " | " in root.expression


def test_union_by_name_is_followed_by_name_not_position(graph, prepared):
    """dim_cluster unions clusters with its special members BY NAME, in another column order."""
    assert trace(graph, "marts.dim_cluster.cluster_note", prepared).raw_columns() == ["raw.clusters.note"]
    assert trace(graph, "marts.dim_cluster.cluster_type", prepared).raw_columns() == ["raw.clusters.cluster_type"]
    assert trace(graph, "marts.dim_cluster.member_city_count", prepared).raw_columns() == []


def test_renamed_columns_trace_to_their_raw_names(graph, prepared):
    root = trace(graph, "marts.dim_city.city_name_en", prepared)
    assert root.raw_columns() == ["raw.places.name_en"]
    assert trace(graph, "int_figures.city_key", prepared).raw_columns() == ["raw.place_names.place_key"]


def test_every_model_column_resolves_from_the_sql(graph, prepared):
    """`select *` and `exclude` resolve through the models to the raw contracts: the columns sqlglot
    finds are the columns each model's YAML describes (the build checks those against DuckDB)."""
    for name, model in graph.models.items():
        doc = yaml.safe_load(model.path.with_suffix(".yml").read_text(encoding="utf-8"))
        assert prepared.columns[name] == list(doc["columns"]), name


def test_render_prints_the_chain_and_the_raw_columns(graph, prepared):
    lines = render(trace(graph, "marts.fct_output_values.value_in_base_unit", prepared))
    assert lines[0] == "marts.fct_output_values.value_in_base_unit"
    assert lines[1] == "└── marts.int_figures.value_in_base_unit"
    assert lines[2].startswith("    └── staging.stg_figures.value_in_base_unit  = CAST(")
    assert "        │   └── raw.units.unit_multiplier" in lines
    assert lines[-1].startswith("raw columns (4): ") and "raw.figures.value" in lines[-1]


def test_lineage_command(project, cli):
    result = cli(project, "lineage", "marts.fct_rd_intensity.gap_to_national_pct_points")
    assert result.exit_code == 0, result.output
    assert result.output.startswith(
        "marts.fct_rd_intensity.gap_to_national_pct_points  = CAST(ROUND("
    )  # cast: both engines' type
    assert "└── marts.int_figures.value_reported" in result.output
    assert (
        "raw columns (3): raw.corrections.column_name, raw.corrections.corrected_value, raw.figures.value"
        in result.output
    )


@pytest.mark.parametrize(
    "target, what, fix",
    [
        (
            "marts.fct_growth_rate.rate_pct",
            "no model named 'marts.fct_growth_rate'",
            "did you mean fct_growth_rates? models: ",
        ),
        (
            "fct_growth_rates.rate",
            "model marts.fct_growth_rates has no column 'rate'",
            "did you mean rate_pct? its columns: growth_rate_id, ",
        ),
        ("rate_pct", "'rate_pct' is not MODEL.COLUMN", "write e.g. marts.fct_growth_rates.rate_pct"),
        ("raw.figures.value", "raw.figures is a raw table: lineage ends at raw columns", "staging or marts model"),
    ],
)
def test_unknown_model_or_column_is_an_error_with_a_fix(graph, prepared, target, what, fix):
    with pytest.raises(ClusterdwError) as caught:
        trace(graph, target, prepared)
    assert caught.value.what == what
    assert fix in caught.value.fix


def test_lineage_command_error(project, cli):
    result = cli(project, "lineage", "fct_growth_rates.rate")
    assert result.exit_code == 1
    assert "Error: model marts.fct_growth_rates has no column 'rate' — " in result.output
    assert "marts/fct_growth_rates.sql — did you mean rate_pct?" in result.output
