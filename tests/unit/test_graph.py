"""The model graph: dependencies read from the SQL with sqlglot, order, cycles, unknown tables, selection."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.errors import ModelError
from pipelines.models.graph import ModelGraph, discover, tables_read

SOURCES = {"raw.figures", "raw.places"}


def write_models(root: Path, models: dict[str, str]) -> Path:
    for name, sql in models.items():
        schema, stem = name.split(".")
        (root / schema).mkdir(parents=True, exist_ok=True)
        (root / schema / f"{stem}.sql").write_text(sql, encoding="utf-8")
    return root


def graph_of(root: Path) -> ModelGraph:
    return ModelGraph(discover(root), SOURCES)


def test_tables_read_leaves_out_cte_names_and_reads_subqueries_and_joins():
    sql = """
        with figures as (select * from raw.figures),
        final as (select * from figures join staging.stg_places using (place_key))
        select * from final where place_key in (select place_key from marts.dim_city)
    """
    assert tables_read(sql) == {"raw.figures", "staging.stg_places", "marts.dim_city"}


def test_tables_read_sees_tables_inside_nested_ctes_and_unions():
    sql = (
        "select * from (with a as (select 1 as x from raw.places) select * from a) union all select 2 from raw.figures"
    )
    assert tables_read(sql) == {"raw.places", "raw.figures"}


def test_order_puts_each_model_after_what_it_reads(tmp_path):
    root = write_models(
        tmp_path,
        {
            "marts.fct": "select * from staging.stg_b join marts.dim using (k)",
            "marts.dim": "select * from staging.stg_a",
            "staging.stg_a": "select * from raw.places",
            "staging.stg_b": "select * from raw.figures",
        },
    )
    order = graph_of(root).order()
    assert order.index("staging.stg_a") < order.index("marts.dim") < order.index("marts.fct")
    assert order.index("staging.stg_b") < order.index("marts.fct")


def test_cycle_is_an_error_that_prints_its_path(tmp_path):
    root = write_models(
        tmp_path,
        {
            "marts.a": "select * from marts.b",
            "marts.b": "select * from marts.c",
            "marts.c": "select * from marts.a",
            "staging.stg_ok": "select * from raw.figures",
        },
    )
    with pytest.raises(ModelError) as caught:
        graph_of(root).order()
    message = caught.value.one_line()
    assert "cycle" in message
    for name in ("marts.a", "marts.b", "marts.c"):
        assert name in message
    assert ".sql" in message


def test_unknown_table_is_an_error_naming_the_file(tmp_path):
    root = write_models(tmp_path, {"marts.a": "select * from staging.stg_missing"})
    with pytest.raises(ModelError) as caught:
        graph_of(root)
    assert "staging.stg_missing" in caught.value.what
    assert caught.value.where.endswith("marts/a.sql")


def test_sql_that_does_not_parse_names_file_and_line(tmp_path):
    root = write_models(tmp_path, {"marts.bad": "select *\nfrom raw.figures\nwhere (x = 1"})
    with pytest.raises(ModelError) as caught:
        discover(root)
    assert "does not parse" in caught.value.what
    assert "marts/bad.sql:" in caught.value.where


def test_a_model_must_be_one_select(tmp_path):
    root = write_models(tmp_path, {"marts.two": "select 1; select 2", "marts.ddl": "create table x (a int)"})
    with pytest.raises(ModelError, match="exactly one SELECT"):
        discover(root)


@pytest.fixture
def chain(tmp_path) -> ModelGraph:
    root = write_models(
        tmp_path,
        {
            "staging.stg_a": "select * from raw.figures",
            "marts.b": "select * from staging.stg_a",
            "marts.c": "select * from marts.b",
            "marts.other": "select * from raw.places",
        },
    )
    return graph_of(root)


@pytest.mark.parametrize(
    "selector, expected",
    [
        ("b", ["marts.b"]),
        ("b+", ["marts.b", "marts.c"]),
        ("+b", ["staging.stg_a", "marts.b"]),
        ("+c", ["staging.stg_a", "marts.b", "marts.c"]),
        ("stg_a+", ["staging.stg_a", "marts.b", "marts.c"]),
        ("marts.other", ["marts.other"]),
    ],
)
def test_selection_like_dbt(chain, selector, expected):
    assert chain.select([selector]) == expected


def test_several_selectors_are_a_union_in_build_order(chain):
    assert chain.select(["c", "other"]) == [n for n in chain.order() if n in {"marts.c", "marts.other"}]


def test_unknown_selector_lists_the_models(chain):
    with pytest.raises(ModelError) as caught:
        chain.select(["nope"])
    assert "no model named 'nope'" in caught.value.what
    assert "choose one of" in caught.value.fix and "stg_a" in caught.value.fix


def test_the_projects_own_models_form_a_valid_graph():
    from pipelines.models.builder import load_graph

    graph = load_graph(Path(__file__).resolve().parents[2])
    order = graph.order()
    assert order.index("staging.stg_figures") < order.index("marts.int_figures") < order.index("marts.fct_growth_rates")
    assert {
        "marts.dim_city",
        "marts.dim_cluster",
        "marts.dim_year",
        "marts.fct_output_values",
        "marts.fct_growth_rates",
        "marts.fct_rd_intensity",
    } <= set(order)
