"""Model unit tests: each model's SQL file, run by DuckDB on small hand-written input rows, must give
the expected output rows.

The fact models read only marts.int_figures, so each test creates that one table in an in-memory
database, inserts a few figures and runs the model's SELECT from marts/<model>.sql as it stands.
stg_figures is tested the same way on hand-made raw tables, built with the real build().
"""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import duckdb
import pytest

from pipelines.docs.lineage import prepare
from pipelines.load.contracts import CONTRACTS
from pipelines.models.builder import build, load_graph

REPO = Path(__file__).resolve().parents[2]

# marts.int_figures as the fact models see it: its columns (checked against int_figures.sql below) and types
INT_FIGURES = {
    "figure_id": "varchar",
    "document_id": "varchar",
    "city_key": "varchar",
    "cluster_key": "varchar",
    "enterprise_name": "varchar",
    "metric_code": "varchar",
    "rate_of_metric_code": "varchar",
    "metric_kind": "varchar",
    "fact_table": "varchar",
    "period_start_year": "integer",
    "period_end_year": "integer",
    "year": "integer",
    "period_kind": "varchar",
    "status": "varchar",
    "is_target": "boolean",
    "qualifier": "varchar",
    "is_approximate": "boolean",
    "value_reported": "decimal(18, 4)",
    "unit_as_written": "varchar",
    "unit_measure": "varchar",
    "unit_multiplier": "integer",
    "value_in_base_unit": "decimal(38, 4)",
    "place_as_written": "varchar",
    "cluster_as_written": "varchar",
    "evidence": "varchar",
    "is_year_inferred": "boolean",
    "is_corrected": "boolean",
    "annotation_note": "varchar",
    "subject_as_written": "varchar",
    "subject_key": "varchar",
    "subject": "varchar",
    "period_start_month": "integer",
    "period_end_month": "integer",
    "period_key": "varchar",
    "is_part_of_year": "boolean",
    "value_class": "varchar",
    "is_level_comparable": "boolean",
    "value_low_in_base_unit": "decimal(38, 6)",
    "value_high_in_base_unit": "decimal(38, 6)",
    "is_low_included": "boolean",
    "is_high_included": "boolean",
}
VALUE_CLASSES = {
    "exact": "exact",
    "about": "approximate",
    "nearly": "approximate",
    "more_than": "lower_bound",
    "at_least": "lower_bound",
    "at_most": "upper_bound",
    "less_than": "upper_bound",
}

# what each metric is, as the catalogue says (metric_kind, unit measure, fact table)
METRICS = {
    "output_value": ("level", "yuan", "fct_output_values"),
    "production_vehicles": ("level", "vehicle", "fct_output_values"),
    "enterprise_count": ("count", "count", "fct_output_values"),
    "growth_rate": ("rate", "percent", "fct_growth_rates"),
    "percentage_point_change": ("rate", "percentage_point", "fct_growth_rates"),
    "rd_intensity": ("share", "percent", "fct_rd_intensity"),
    "share": ("share", "percent", "fct_shares_ranks"),
    "rank": ("rank", "ordinal", "fct_shares_ranks"),
}
UNITS = {"亿元": 8, "万辆": 4, "辆": 0, "家": 0, "%": 0, "个百分点": 0, "位": 0}


def figure(figure_id: str, metric_code: str, value, unit: str, year: int, **fields) -> dict:
    """One int_figures row with defaults for everything a test does not care about."""
    kind, measure, fact_table = METRICS[metric_code]
    status = fields.get("status", "actual")
    qualifier = fields.get("qualifier", "exact")
    row = dict(
        figure_id=figure_id,
        document_id=f"{figure_id[:3]}_doc",
        city_key="liuzhou",
        cluster_key="none",
        enterprise_name=None,
        metric_code=metric_code,
        rate_of_metric_code=None,
        metric_kind=kind,
        fact_table=fact_table,
        period_start_year=year,
        period_end_year=year,
        year=year,
        period_kind="year",
        status=status,
        is_target=status == "target",
        qualifier=qualifier,
        is_approximate=qualifier != "exact",
        value_reported=Decimal(str(value)),
        unit_as_written=unit,
        unit_measure=measure,
        unit_multiplier=UNITS[unit],
        value_in_base_unit=Decimal(str(value)) * 10 ** UNITS[unit],
        place_as_written="柳州",
        cluster_as_written=None,
        evidence=f"{value}{unit}",
        is_year_inferred=False,
        is_corrected=False,
        annotation_note=None,
        subject_as_written=None,
        subject_key=None,
        subject=None,
        period_start_month=None,
        period_end_month=None,
        period_key=str(year),
        is_part_of_year=False,
        value_class=VALUE_CLASSES[qualifier],
        is_level_comparable=VALUE_CLASSES[qualifier] in ("exact", "approximate"),
        value_low_in_base_unit=None,
        value_high_in_base_unit=None,
        is_low_included=True,
        is_high_included=True,
    )
    row.update(fields)
    return row


def run_model(model: str, rows: list[dict]) -> list[dict]:
    """Create marts.int_figures holding `rows`, run marts/<model>.sql on it, return its rows as dicts."""
    con = duckdb.connect()
    con.execute("create schema marts")
    con.execute("create table marts.int_figures (" + ", ".join(f"{c} {t}" for c, t in INT_FIGURES.items()) + ")")
    for row in rows:
        typed = ", ".join(f"?::{INT_FIGURES[column]} as {column}" for column in row)
        con.execute(f"insert into marts.int_figures by name select {typed}", list(row.values()))
    result = con.execute((REPO / "marts" / f"{model}.sql").read_text(encoding="utf-8"))
    names = [d[0] for d in result.description]
    return [dict(zip(names, values)) for values in result.fetchall()]


def by(rows: list[dict], key: str) -> dict:
    keyed = {row[key]: row for row in rows}
    assert len(keyed) == len(rows), f"{key} is not unique: {[row[key] for row in rows]}"
    return keyed


def num(value) -> float | None:
    return None if value is None else float(value)


def test_int_figures_fixture_has_the_columns_of_int_figures_sql():
    """The hand-made marts.int_figures must stay the table int_figures.sql builds, or these tests test nothing."""
    assert prepare(load_graph(REPO)).columns["marts.int_figures"] == list(INT_FIGURES)


# fct_output_values ----------------------------------------------------------------------------------


def test_output_values_keeps_level_and_count_figures_as_they_are():
    rows = run_model(
        "fct_output_values",
        [
            figure("001-001", "output_value", 3.2, "亿元", 2023, qualifier="more_than"),
            figure("001-002", "enterprise_count", 57, "家", 2024, period_kind="as_of"),
            figure("001-003", "growth_rate", 8.5, "%", 2023, rate_of_metric_code="output_value"),
            figure("001-004", "share", 30, "%", 2023),
        ],
    )
    assert sorted(rows[0]) == sorted(set(INT_FIGURES) - {"fact_table", "rate_of_metric_code"})
    found = by(rows, "figure_id")
    assert set(found) == {"001-001", "001-002"}
    assert found["001-001"]["value_in_base_unit"] == Decimal("320000000")
    assert found["001-001"]["is_approximate"] is True
    assert found["001-002"]["value_in_base_unit"] == 57
    assert found["001-002"]["period_kind"] == "as_of"


# fct_shares_ranks -----------------------------------------------------------------------------------


def test_shares_ranks_keeps_shares_and_ranks_with_what_they_are_of():
    rows = run_model(
        "fct_shares_ranks",
        [
            figure("002-001", "share", 35.5, "%", 2023, rate_of_metric_code="enterprise_count"),
            figure("002-002", "rank", 5, "位", 2020, rate_of_metric_code="production_vehicles", qualifier="at_most"),
            figure("002-003", "output_value", 100, "亿元", 2023),
        ],
    )
    assert "fact_table" not in rows[0] and "rate_of_metric_code" in rows[0]
    found = by(rows, "figure_id")
    assert set(found) == {"002-001", "002-002"}
    assert found["002-001"]["rate_of_metric_code"] == "enterprise_count"
    assert (found["002-002"]["value_reported"], found["002-002"]["qualifier"]) == (5, "at_most")


# fct_growth_rates -----------------------------------------------------------------------------------


def level(figure_id, value, year, **fields):
    return figure(figure_id, "output_value", value, "亿元", year, **fields)


def growth(figure_id, value, year, of="output_value", **fields):
    return figure(figure_id, "growth_rate", value, "%", year, rate_of_metric_code=of, **fields)


def test_growth_reported_rate_is_paired_with_its_level_and_the_growth_computed_from_levels():
    rows = by(
        run_model(
            "fct_growth_rates",
            [
                level("003-001", 100, 2020),
                level("003-002", 120, 2021),
                growth("003-003", 15, 2021),
            ],
        ),
        "growth_rate_id",
    )
    assert set(rows) == {"003-003"}  # the pair of levels is used by the reported rate: no derived row
    rate = rows["003-003"]
    assert (rate["figure_id"], rate["is_derived"], rate["rate_origin"]) == ("003-003", False, "reported")
    assert num(rate["rate_pct"]) == 15
    assert num(rate["computed_rate_pct"]) == 20.0  # 120 / 100 - 1
    assert num(rate["reported_minus_computed_pct_points"]) == -5.0  # the gap: reported 15 vs computed 20
    assert list(rate["computed_from_figure_ids"]) == ["003-001", "003-002"]
    # the level this growth is the growth of, and the level of the year before that they imply
    assert rate["level_figure_id"] == "003-002"
    assert rate["level_unit_measure"] == "yuan"
    assert num(rate["implied_previous_level_in_base_unit"]) == pytest.approx(120e8 / 1.15, abs=0.01)


def test_growth_is_derived_from_consecutive_levels_where_no_rate_is_reported():
    rows = by(
        run_model(
            "fct_growth_rates",
            [
                figure("004-001", "production_vehicles", 10, "万辆", 2022, city_key="nanning"),
                figure(
                    "004-002", "production_vehicles", 125000, "辆", 2023, city_key="nanning"
                ),  # other unit, same measure
            ],
        ),
        "growth_rate_id",
    )
    assert set(rows) == {"derived:004-001:004-002"}
    row = rows["derived:004-001:004-002"]
    assert (row["is_derived"], row["rate_origin"], row["figure_id"], row["document_id"]) == (
        True,
        "computed_from_levels",
        None,
        None,
    )
    assert (row["city_key"], row["metric_code"], row["rate_of_metric_code"]) == (
        "nanning",
        "growth_rate",
        "production_vehicles",
    )
    assert (row["period_start_year"], row["period_end_year"], row["year"], row["period_kind"]) == (
        2022,
        2023,
        2023,
        "year",
    )
    assert (row["status"], row["unit_measure"], row["qualifier"]) == ("actual", "percent", "exact")
    assert num(row["rate_pct"]) == num(row["computed_rate_pct"]) == 25.0
    assert list(row["computed_from_figure_ids"]) == ["004-001", "004-002"]
    assert row["reported_minus_computed_pct_points"] is None and row["implied_previous_level_in_base_unit"] is None


def test_growth_is_not_computed_across_a_gap_targets_other_subjects_or_a_zero_base():
    rows = run_model(
        "fct_growth_rates",
        [
            level("005-001", 100, 2019),
            level("005-002", 130, 2021),  # 2020 missing: no growth over two years
            level("005-003", 200, 2022, status="target"),  # a goal is not a level that grew
            level("005-004", 140, 2022, city_key="yulin"),  # another place
            level("005-005", 150, 2022, cluster_key="automotive"),  # another cluster
            level("005-006", 160, 2022, enterprise_name="柳工"),  # an enterprise
            level("005-007", 0, 2020, city_key="hezhou"),
            level("005-008", 5, 2021, city_key="hezhou"),  # from zero: no percentage
            level("005-009", 100, 2022, period_kind="cumulative"),  # not a one-year level
        ],
    )
    assert rows == []


def test_growth_rates_that_are_not_one_year_percentages_get_no_level_or_computation():
    rows = by(
        run_model(
            "fct_growth_rates",
            [
                level("006-001", 100, 2022),
                level("006-002", 110, 2023),
                growth("006-003", 7, 2023, period_start_year=2021, period_kind="average"),
                figure("006-004", "percentage_point_change", 1.5, "个百分点", 2023, rate_of_metric_code="share"),
                growth("006-005", 12, 2025, status="target"),
            ],
        ),
        "growth_rate_id",
    )
    assert set(rows) == {"006-003", "006-004", "006-005", "derived:006-001:006-002"}
    average = rows["006-003"]
    assert (num(average["rate_pct"]), average["period_start_year"], average["period_kind"]) == (7, 2021, "average")
    assert average["computed_rate_pct"] is None and average["level_figure_id"] is None
    points = rows["006-004"]
    assert points["rate_pct"] is None and points["unit_measure"] == "percentage_point"
    assert num(points["value_reported"]) == 1.5
    assert rows["006-005"]["is_target"] is True and rows["006-005"]["level_figure_id"] is None
    assert num(rows["derived:006-001:006-002"]["rate_pct"]) == 10.0


def test_growth_with_two_candidate_levels_names_neither():
    rows = by(
        run_model(
            "fct_growth_rates",
            [
                level("007-001", 120, 2021),
                level("007-002", 121, 2021, document_id="008_doc"),  # the same level, reported twice
                growth("007-003", 10, 2021),
            ],
        ),
        "growth_rate_id",
    )
    rate = rows["007-003"]
    assert rate["level_figure_id"] is None and rate["implied_previous_level_in_base_unit"] is None
    assert num(rate["rate_pct"]) == 10


def test_growth_reported_rate_stays_one_row_when_its_level_was_reported_twice():
    """Grain: one row per reported rate. Two reports of last year's level give two computed growths;
    the reported rate must not be repeated once per computed growth."""
    rows = run_model(
        "fct_growth_rates",
        [
            level("009-001", 100, 2020),
            level("009-002", 101, 2020, document_id="010_doc"),
            level("009-003", 120, 2021),
            growth("009-004", 20, 2021),
        ],
    )
    reported = [row for row in rows if row["figure_id"] == "009-004"]
    assert len(reported) == 1, [row["computed_from_figure_ids"] for row in reported]
    # which of the two growths to compare with is ambiguous: neither, and no derived row either,
    # since a rate is reported for that year
    assert reported[0]["computed_rate_pct"] is None and reported[0]["computed_from_figure_ids"] is None
    assert [row["growth_rate_id"] for row in rows] == ["009-004"]


# fct_rd_intensity -----------------------------------------------------------------------------------


def rd(figure_id, value, year, city_key, **fields):
    return figure(figure_id, "rd_intensity", value, "%", year, city_key=city_key, **fields)


def test_rd_intensity_beside_the_national_figure_with_gap_ratio_and_rank():
    rows = by(
        run_model(
            "fct_rd_intensity",
            [
                rd("011-001", 0.84, 2023, "guangxi"),
                rd("011-002", 2.65, 2023, "china"),
                rd("011-003", 2.70, 2023, "china", document_id="012_doc"),  # a second national figure: the first wins
                rd("011-004", 3.1, 2022, "liuzhou"),  # no national figure for 2022
                rd("011-005", 2.0, 2025, "guangxi", status="target"),
                rd("011-006", 3.0, 2025, "china"),  # an actual: not the national figure of a target
                figure("011-007", "rank", 28, "位", 2023, city_key="guangxi", rate_of_metric_code="rd_intensity"),
                figure("011-008", "rank", 3, "位", 2023, city_key="guangxi", rate_of_metric_code="output_value"),
                figure("011-009", "output_value", 5, "亿元", 2023, city_key="guangxi"),
            ],
        ),
        "figure_id",
    )
    assert set(rows) == {"011-001", "011-002", "011-003", "011-004", "011-005", "011-006"}
    guangxi = rows["011-001"]
    assert num(guangxi["rd_intensity_pct"]) == 0.84
    assert (num(guangxi["national_rd_intensity_pct"]), guangxi["national_figure_id"]) == (2.65, "011-002")
    assert num(guangxi["gap_to_national_pct_points"]) == -1.81
    assert num(guangxi["ratio_to_national"]) == 0.317  # 0.84 / 2.65
    assert (guangxi["reported_rank"], guangxi["rank_figure_id"]) == (28, "011-007")
    china = rows["011-002"]
    assert (num(china["gap_to_national_pct_points"]), num(china["ratio_to_national"])) == (0.0, 1.0)
    assert china["reported_rank"] is None
    for alone in ("011-004", "011-005"):
        assert rows[alone]["national_rd_intensity_pct"] is None and rows[alone]["gap_to_national_pct_points"] is None
        assert rows[alone]["ratio_to_national"] is None
    assert rows["011-005"]["is_target"] is True


# fct_targets_vs_actuals -----------------------------------------------------------------------------


def test_targets_are_lined_up_with_actuals_of_the_same_subject_year_and_period_kind():
    rows = run_model(
        "fct_targets_vs_actuals",
        [
            level("013-001", 1000, 2025, status="target", qualifier="at_least", unit_as_written="亿级"),
            level("013-002", 1100, 2025, qualifier="more_than"),  # met
            level("013-003", 500, 2025, status="target", city_key="nanning"),
            level("013-004", 400, 2025, city_key="nanning"),  # not met
            level("013-005", 900, 2025, city_key="nanning", document_id="014_doc"),  # a second actual: a second row
            level("013-006", 200, 2025, status="target", city_key="yulin"),
            level("013-007", 250, 2025, city_key="yulin", period_kind="cumulative"),  # another period kind
            level("013-008", 250, 2024, city_key="yulin"),  # another year
            level("013-009", 250, 2025, city_key="yulin", enterprise_name="玉柴集团"),  # an enterprise, not the city
            level("013-010", 250, 2025, city_key="yulin", cluster_key="machinery"),  # a cluster, not the city
            figure("013-011", "enterprise_count", 250, "家", 2025, city_key="yulin"),  # another metric
            level("013-012", 0, 2025, status="target", city_key="hezhou"),
            level("013-013", 10, 2025, city_key="hezhou"),
        ],
    )
    pairs = {(row["target_figure_id"], row["actual_figure_id"]): row for row in rows}
    assert set(pairs) == {
        ("013-001", "013-002"),
        ("013-003", "013-004"),
        ("013-003", "013-005"),
        ("013-006", None),
        ("013-012", "013-013"),
    }
    met = pairs["013-001", "013-002"]
    assert (met["has_actual"], met["is_target_met"], met["achievement_pct"]) == (True, True, 110.0)
    assert (met["target_qualifier"], met["target_unit_as_written"], met["unit_measure"]) == ("at_least", "亿级", "yuan")
    assert (met["target_value_in_base_unit"], met["actual_value_in_base_unit"]) == (Decimal("1e11"), Decimal("1.1e11"))
    assert (met["target_evidence"], met["actual_evidence"]) == ("1000亿元", "1100亿元")
    short = pairs["013-003", "013-004"]
    assert (short["is_target_met"], short["achievement_pct"]) == (False, 80.0)
    assert pairs["013-003", "013-005"]["actual_document_id"] == "014_doc"
    alone = pairs["013-006", None]
    assert (alone["has_actual"], alone["is_target_met"], alone["achievement_pct"]) == (False, None, None)
    assert alone["actual_value_in_base_unit"] is None
    zero = pairs["013-012", "013-013"]
    assert zero["achievement_pct"] is None and zero["is_target_met"] is True


def test_target_rates_match_actual_rates_of_the_same_metric_and_period():
    average = dict(period_start_year=2021, period_kind="average")
    rows = run_model(
        "fct_targets_vs_actuals",
        [
            growth("016-001", 8, 2025, status="target", qualifier="at_least", **average),
            growth("016-002", 9.5, 2025, **average),  # met
            growth("016-003", 12, 2025, of="investment", **average),  # growth of another metric
            growth("016-004", 7, 2025, period_start_year=2023, period_kind="average"),  # another period
        ],
    )
    assert [(row["target_figure_id"], row["actual_figure_id"]) for row in rows] == [("016-001", "016-002")]
    assert (rows[0]["rate_of_metric_code"], rows[0]["is_target_met"], rows[0]["achievement_pct"]) == (
        "output_value",
        True,
        118.8,
    )


def open_ended(figure_id, value, **fields):
    """A target whose document states no deadline: no period years."""
    return level(
        figure_id,
        value,
        None,
        status="target",
        qualifier="at_least",
        unit_as_written="亿级",
        period_start_year=None,
        period_end_year=None,
        **fields,
    )


def test_an_open_ended_target_is_lined_up_with_the_latest_actual_of_its_subject():
    rows = run_model(
        "fct_targets_vs_actuals",
        [
            open_ended("017-001", 1000),
            level("017-002", 800, 2023),
            level("017-003", 900, 2024),  # the latest: the one compared
            level("017-004", 950, 2024, document_id="018_doc"),  # also the latest year: a second row
            level("017-005", 2000, 2025, period_kind="cumulative"),  # later, but another period kind
            level("017-006", 3000, 2025, city_key="nanning"),  # later, but another place
            open_ended("017-007", 500, city_key="yulin"),  # no actual at all
            level("017-008", 1000, 2026, status="target", city_key="guilin"),  # dated: compared with 2026 only
            level("017-009", 1200, 2025, city_key="guilin"),
            level("017-010", 1000, 2026, status="target", city_key="hechi"),
            level("017-011", 1000, 2026, city_key="hechi"),
        ],
    )
    pairs = {(row["target_figure_id"], row["actual_figure_id"]): row for row in rows}
    assert set(pairs) == {
        ("017-001", "017-003"),
        ("017-001", "017-004"),
        ("017-007", None),
        ("017-008", None),
        ("017-010", "017-011"),
    }
    latest = pairs["017-001", "017-003"]
    assert (latest["is_open_ended"], latest["target_year"], latest["target_period_start_year"]) == (True, None, None)
    assert (latest["comparison"], latest["actual_year"], latest["achievement_pct"], latest["is_target_met"]) == (
        "latest_actual_no_deadline",
        2024,
        90.0,
        None,
    )
    assert pairs["017-001", "017-004"]["actual_document_id"] == "018_doc"
    assert [pairs["017-007", None][k] for k in ("comparison", "has_actual", "is_open_ended")] == [
        "no_actual_yet",
        False,
        True,
    ]
    dated = pairs["017-008", None]
    assert (dated["comparison"], dated["is_open_ended"], dated["target_year"]) == ("no_actual_yet", False, 2026)
    assert (pairs["017-010", "017-011"]["comparison"], pairs["017-010", "017-011"]["is_target_met"]) == ("met", True)


def test_a_dated_target_says_met_or_not_met():
    rows = run_model(
        "fct_targets_vs_actuals",
        [
            level("019-001", 100, 2025, status="target"),
            level("019-002", 99, 2025),
            level("019-003", 100, 2025, status="target", city_key="yulin"),
            level("019-004", 100, 2025, city_key="yulin"),
        ],
    )
    assert {row["target_figure_id"]: row["comparison"] for row in rows} == {"019-001": "not_met", "019-003": "met"}


def test_targets_vs_actuals_is_in_the_sql_subset_spark_runs():
    """The model transpiles to Spark SQL as it stands (the subset both engines run the same way)."""
    import sqlglot

    sql = (REPO / "marts" / "fct_targets_vs_actuals.sql").read_text(encoding="utf-8")
    spark = sqlglot.transpile(sql, read="duckdb", write="spark", unsupported_level=sqlglot.ErrorLevel.RAISE)[0]
    assert sqlglot.parse_one(spark, read="spark") is not None
    assert "UNION" not in spark.upper() and "UNNEST" not in spark.upper()


# stg_figures ----------------------------------------------------------------------------------------


def raw_tables(con) -> None:
    """Empty raw tables as the loader creates them: the contracts' typed columns and the lineage columns."""
    con.execute("create schema raw")
    for contract in CONTRACTS:
        typed = ", ".join(f"{c.name} {c.sql_type}" for c in contract.columns)
        con.execute(
            f"create table raw.{contract.table} ({typed}, source_file varchar, source_line integer, "
            "source_file_sha256 varchar)"
        )
    con.execute("create table raw.place_names (name varchar, place_key varchar)")


def insert(con, table: str, *rows: dict) -> None:
    for row in rows:
        columns = ", ".join(row)
        con.execute(f"insert into raw.{table} ({columns}) values ({', '.join('?' for _ in row)})", list(row.values()))


def raw_figure(figure_id, metric_code, value, unit, **fields) -> dict:
    row = dict(
        figure_id=figure_id,
        document_id="015_doc",
        place="柳州",
        cluster=None,
        enterprise=None,
        metric_code=metric_code,
        rate_of_metric_code=None,
        period_start_year=2023,
        period_end_year=2023,
        period_kind="year",
        value=value,
        unit=unit,
        status="actual",
        qualifier="exact",
        evidence=f"{value}{unit}",
        is_year_inferred=False,
        note=None,
        source_file="raw/figures/015_doc.csv",
        source_line=2,
        source_file_sha256="ab" * 32,
    )
    return row | fields


def test_stg_figures_applies_corrections_resolves_names_and_converts_to_base_units():
    con = duckdb.connect()
    raw_tables(con)
    insert(con, "place_names", dict(name="柳州", place_key="liuzhou"), dict(name="南寧", place_key="nanning"))
    insert(con, "cluster_aliases", dict(alias="汽車", cluster_key="automotive"))
    for code, kind, measure in (
        ("output_value", "level", "yuan"),
        ("production_vehicles", "level", "vehicle"),
        ("talent_count", "count", "count"),
        ("rank", "rank", "ordinal"),
    ):
        insert(
            con,
            "metrics",
            dict(
                metric_code=code,
                name_zh=code,
                name_en=code,
                metric_kind=kind,
                unit_measure=measure,
                fact_table="fct_output_values",
                description=code,
            ),
        )
    for unit, measure, multiplier in (
        ("万亿元", "yuan", 12),
        ("亿元", "yuan", 8),
        ("万辆", "vehicle", 4),
        ("名", "count", 0),
        ("名", "ordinal", 0),
    ):
        insert(con, "units", dict(unit=unit, unit_measure=measure, unit_multiplier=multiplier, name_en=unit))
    insert(
        con,
        "figures",
        raw_figure("015-001", "output_value", 3.2, "万亿元"),
        raw_figure("015-002", "production_vehicles", 12, "万辆", place="南寧", cluster="汽車"),
        raw_figure("015-003", "talent_count", 300, "名", cluster="不存在"),
        raw_figure("015-004", "rank", 3, "名"),
        raw_figure("015-005", "output_value", 1700, "亿元", period_start_year=2020, period_end_year=2020),
    )
    insert(
        con,
        "corrections",
        dict(figure_id="015-002", column_name="value", corrected_value="15", reason="typo in the source"),
        dict(figure_id="015-002", column_name="status", corrected_value="target", reason="a goal, 力争"),
        dict(figure_id="015-005", column_name="unit", corrected_value="万亿元", reason="misread unit"),
        dict(figure_id="015-005", column_name="period_end_year", corrected_value="2021", reason="range"),
    )

    build(con, REPO, ["+stg_figures"])
    result = con.execute("select * from staging.stg_figures")
    names = [d[0] for d in result.description]
    rows = by([dict(zip(names, values)) for values in result.fetchall()], "figure_id")

    plain = rows["015-001"]
    assert (plain["value_reported"], plain["unit_multiplier"], plain["value_in_base_unit"]) == (
        Decimal("3.2"),
        12,
        Decimal("3200000000000"),
    )  # 3.2 * 10^12 yuan
    assert (plain["place_key"], plain["cluster_key"], plain["is_corrected"], plain["correction_reasons"]) == (
        "liuzhou",
        "none",
        False,
        None,
    )
    corrected = rows["015-002"]
    assert (corrected["value_as_transcribed"], corrected["value_reported"], corrected["value_in_base_unit"]) == (
        Decimal("12"),
        Decimal("15"),
        Decimal("150000"),
    )
    assert (corrected["status"], corrected["is_target"], corrected["is_corrected"]) == ("target", True, True)
    assert corrected["correction_reasons"] == "status: a goal, 力争; value: typo in the source"
    assert (corrected["place_key"], corrected["cluster_key"], corrected["place_as_written"]) == (
        "nanning",
        "automotive",
        "南寧",
    )
    # 名 counts people for a count metric and is a position for a rank: the metric's measure decides
    assert (rows["015-003"]["unit_measure"], rows["015-003"]["cluster_key"]) == ("count", "unknown")
    assert rows["015-004"]["unit_measure"] == "ordinal"
    unit_fixed = rows["015-005"]
    assert (unit_fixed["unit_as_written"], unit_fixed["value_in_base_unit"]) == ("万亿元", Decimal("1700e12"))
    assert (unit_fixed["period_start_year"], unit_fixed["period_end_year"]) == (2020, 2021)
