"""The GX suites of checks/: each is seen to fail on bad data, and a critical failure publishes nothing.

The project is loaded and built once per module into a DuckDB file; each case copies that file,
breaks one thing with SQL, and validates only the suite concerned, asserting which expectation
(type and column) fails and with which severity.
"""

from __future__ import annotations

import json
import shutil
from dataclasses import dataclass
from pathlib import Path

import pytest

from pipelines.errors import ClusterdwError
from pipelines.publish import warehouse
from pipelines.validate.suites import validate

from helpers import REPO, edit_figure, read_rows

NULL = "expect_column_values_to_be_null"
NOT_NULL = "expect_column_values_to_not_be_null"
UNIQUE = "expect_column_values_to_be_unique"
IN_SET = "expect_column_values_to_be_in_set"
NOT_IN_SET = "expect_column_values_to_not_be_in_set"
BETWEEN = "expect_column_values_to_be_between"
CONTAINS = "expect_column_distinct_values_to_contain_set"
PAIR_EQUAL = "expect_column_pair_values_to_be_equal"
PAIR_GE = "expect_column_pair_values_a_to_be_greater_than_b"
COMPOUND_UNIQUE = "expect_compound_columns_to_be_unique"
IN_EVIDENCE = "expect_column_pair_values_value_in_evidence"


@dataclass(frozen=True)
class Case:
    suite: str
    sql: str  # one or more statements, `;`-separated, that break the data
    expectation: str
    column: str
    severity: str = "critical"
    sample: str | None = None  # text the failure's sample of unexpected values must hold


def first(table: str, key: str, where: str = "true") -> str:
    """SQL for the smallest key of a table's rows: cases pick rows without hard-coding the data."""
    return f"(select min({key}) from {table} where {where})"


# a dated figure: open-ended targets have no years
FIGURE = first("staging.stg_figures", "figure_id", "status = 'actual'")
OUTPUT_FIGURE = first("marts.fct_output_values", "figure_id")
GROWTH_ROW = first("marts.fct_growth_rates", "growth_rate_id", "metric_code = 'growth_rate'")
TARGET = first("marts.fct_targets_vs_actuals", "target_figure_id")
# an open-ended target (no deadline stated): cases give it a year, or a comparison it did not make
OPEN_TARGET = first("marts.fct_targets_vs_actuals", "target_figure_id", "is_open_ended")
# an actual whose subject (place, cluster, enterprise, metric, period kind) is also reported for a later year
EARLIER_ACTUAL = """
    select f.* from marts.int_figures as f
    where not f.is_target and f.year < (
        select max(g.year) from marts.int_figures as g
        where not g.is_target and g.city_key = f.city_key and g.cluster_key = f.cluster_key
            and g.enterprise_name is not distinct from f.enterprise_name and g.metric_code = f.metric_code
            and g.rate_of_metric_code is not distinct from f.rate_of_metric_code
            and g.unit_measure = f.unit_measure and g.period_kind = f.period_kind)
    order by f.figure_id limit 1"""

# a fact of one whole year
YEAR_FACT = first("marts.fct_facts", "fact_key", "period_kind = 'year'")

CASES = [
    # staging
    Case(
        "stg_documents",
        "insert into staging.stg_documents select * from staging.stg_documents limit 1",
        UNIQUE,
        "document_id",
    ),
    Case(
        "stg_documents",
        "update staging.stg_documents set published_year = published_year + 1 "
        f"where document_id = {first('staging.stg_documents', 'document_id')}",
        NULL,
        "inconsistent_published_year",
    ),
    Case(
        "stg_places",
        "update staging.stg_places set parent_place_key = 'atlantis' where place_key = 'nanning'",
        NULL,
        "unresolved_keys",
        sample="parent_place_key atlantis not in staging.stg_places",
    ),
    Case(
        "stg_places",
        "update staging.stg_places set place_key = 'unknown' where place_key = 'hengzhou'",
        NOT_IN_SET,
        "place_key",
    ),
    Case(
        "stg_place_names",
        "insert into staging.stg_place_names "
        "select place_name, 'guangxi' from staging.stg_place_names where place_key = 'nanning'",
        UNIQUE,
        "place_name",
    ),
    Case(
        "stg_clusters",
        "update staging.stg_clusters set parent_cluster_key = 'no_such_cluster' "
        f"where cluster_key = {first('staging.stg_clusters', 'cluster_key')}",
        NULL,
        "unresolved_keys",
        sample="parent_cluster_key no_such_cluster",
    ),
    Case(
        "stg_clusters",
        "update staging.stg_clusters set cluster_key = 'none' "
        f"where cluster_key = {first('staging.stg_clusters', 'cluster_key')}",
        NOT_IN_SET,
        "cluster_key",
    ),
    Case(
        "stg_cluster_aliases",
        "update staging.stg_cluster_aliases set cluster_key = 'no_such_cluster' "
        "where cluster_name_as_written = "
        f"{first('staging.stg_cluster_aliases', 'cluster_name_as_written')}",
        NULL,
        "unresolved_keys",
        sample="cluster_key no_such_cluster not in staging.stg_clusters",
    ),
    Case(
        "stg_cluster_members",
        "insert into staging.stg_cluster_members select * from staging.stg_cluster_members limit 1",
        COMPOUND_UNIQUE,
        "cluster_key, place_key",
    ),
    Case(
        "stg_cluster_members",
        "update staging.stg_cluster_members set member_order = 1",
        COMPOUND_UNIQUE,
        "cluster_key, member_order",
        "warning",
    ),
    Case(
        "stg_metrics",
        "update staging.stg_metrics set min_plausible_value = max_plausible_value + 1 where metric_code = 'share'",
        PAIR_GE,
        "max_plausible_value, min_plausible_value",
    ),
    Case(
        "stg_metrics",
        "update staging.stg_metrics set unit_measure = 'furlong' where metric_code = 'land_area'",
        NULL,
        "unresolved_keys",
        "warning",
        sample="unit_measure furlong",
    ),
    Case(
        "stg_units",
        "insert into staging.stg_units select * from staging.stg_units limit 1",
        COMPOUND_UNIQUE,
        "unit_as_written, unit_measure",
    ),
    Case(
        "stg_cue_words",
        "insert into staging.stg_cue_words select * from staging.stg_cue_words limit 1",
        COMPOUND_UNIQUE,
        "cue_kind, cue_word, cue_position",
    ),
    Case(
        "stg_cue_words",
        "update staging.stg_cue_words set cue_code = 'planned' where cue_word = '力争'",
        IN_SET,
        "cue_code",
        sample="planned",
    ),
    Case(
        "stg_cue_words",
        "update staging.stg_cue_words set cue_position = 'anywhere' where cue_word = '以上'",
        IN_SET,
        "cue_position",
        sample="anywhere",
    ),
    Case(
        "stg_cue_words", "delete from staging.stg_cue_words where cue_code = 'target'", CONTAINS, "cue_code", "warning"
    ),
    Case(
        "stg_corrections",
        "insert into staging.stg_corrections values ('999-999', 'value', '12', 'typo', 'c.csv', 2)",
        NULL,
        "unresolved_keys",
        sample="figure_id 999-999 not in raw.figures",
    ),
    Case(
        "stg_corrections",
        f"insert into staging.stg_corrections select {FIGURE}, 'status', 'planned', 'misread', 'c.csv', 2",
        NULL,
        "invalid_corrected_value",
        sample="planned",
    ),
    Case(
        "stg_corrections",
        f"insert into staging.stg_corrections select {FIGURE}, 'value', '5', null, 'c.csv', 2",
        NOT_NULL,
        "correction_reason",
    ),
    Case(
        "stg_figures", "insert into staging.stg_figures select * from staging.stg_figures limit 1", UNIQUE, "figure_id"
    ),
    Case(
        "stg_figures",
        f"update staging.stg_figures set value_as_transcribed = value_as_transcribed + 1000 where figure_id = {FIGURE}",
        IN_EVIDENCE,
        "value_as_transcribed, evidence",
    ),
    Case(
        "stg_figures",
        f"update staging.stg_figures set evidence = null where figure_id = {FIGURE}",
        IN_EVIDENCE,
        "value_as_transcribed, evidence",
    ),  # no evidence proves nothing
    Case(
        "stg_figures",
        f"update staging.stg_figures set period_start_year = period_end_year + 1 where figure_id = {FIGURE}",
        PAIR_GE,
        "period_end_year, period_start_year",
    ),
    Case(
        "stg_figures",
        f"update staging.stg_figures set period_start_year = 2099, period_end_year = 2099 where figure_id = {FIGURE}",
        BETWEEN,
        "period_end_year",
    ),
    Case(
        "stg_figures",
        f"update staging.stg_figures set status = 'planned' where figure_id = {FIGURE}",
        IN_SET,
        "status",
        sample="planned",
    ),
    Case(
        "stg_figures",
        f"update staging.stg_figures set qualifier = 'roughly' where figure_id = {FIGURE}",
        IN_SET,
        "qualifier",
        sample="roughly",
    ),
    Case(
        "stg_figures",
        "update staging.stg_figures set unit_measure = 'tonne' where figure_id = "
        f"{first('staging.stg_figures', 'figure_id', 'unit_measure = ' + repr('yuan'))}",
        PAIR_EQUAL,
        "unit_measure, metric_unit_measure",
    ),
    Case(
        "stg_figures",
        "update staging.stg_figures set value_in_base_unit = 150 where figure_id = "
        f"{first('staging.stg_figures', 'figure_id', 'metric_code = ' + repr('share'))}",
        NULL,
        "outside_plausible_range",
        sample="share 150.0 outside [0.0, 100.0]",
    ),
    Case(
        "stg_figures",
        f"update staging.stg_figures set place_key = 'unknown' where figure_id = {FIGURE}",
        NULL,
        "unresolved_keys",
        sample="unresolved",
    ),
    Case(
        "stg_figures",
        f"update staging.stg_figures set source_line = null where figure_id = {FIGURE}",
        NOT_NULL,
        "source_line",
    ),
    Case(
        "stg_figures",
        f"delete from marts.fct_output_values where figure_id = {OUTPUT_FIGURE}",
        BETWEEN,
        "fact_table_count",
        sample="0",
    ),
    Case(
        "stg_figures",
        "insert into marts.fct_shares_ranks by name "
        f"select * exclude (fact_table) from marts.int_figures where figure_id = {OUTPUT_FIGURE}",
        BETWEEN,
        "fact_table_count",
        sample="2",
    ),
    # marts
    Case(
        "int_figures",
        f"update marts.int_figures set city_key = 'atlantis' where figure_id = {FIGURE}",
        NULL,
        "unresolved_keys",
        sample="city_key atlantis not in marts.dim_city",
    ),
    Case(
        "int_figures",
        f"update marts.int_figures set period_end_year = 2077 where figure_id = {FIGURE}",
        NULL,
        "unresolved_keys",
        sample="period_end_year 2077 not in marts.dim_year",
    ),
    Case(
        "int_figures",
        f"update marts.int_figures set document_id = null where figure_id = {FIGURE}",
        NULL,
        "unresolved_keys",
        sample="document_id missing",
    ),
    Case(
        "int_figures",
        f"update marts.int_figures set fact_table = 'fct_rd_intensity' where figure_id = {OUTPUT_FIGURE}",
        PAIR_EQUAL,
        "fact_table, metric_fact_table",
    ),
    Case(
        "int_figures",
        f"update marts.int_figures set qualifier = 'roughly' where figure_id = {FIGURE}",
        IN_SET,
        "qualifier",
    ),
    Case(
        "dim_city",
        "insert into marts.dim_city select * from marts.dim_city where city_key = 'nanning'",
        UNIQUE,
        "city_key",
    ),
    Case("dim_city", "delete from marts.dim_city where city_key = 'unknown'", CONTAINS, "city_key"),
    Case(
        "dim_city", "update marts.dim_city set is_in_guangxi = null where city_key = 'china'", NOT_NULL, "is_in_guangxi"
    ),
    Case(
        "dim_city",
        "update marts.dim_city set prefecture_city_key = 'atlantis' where city_key = 'nanning'",
        NULL,
        "unresolved_keys",
        sample="prefecture_city_key atlantis",
    ),
    Case("dim_cluster", "delete from marts.dim_cluster where cluster_key = 'none'", CONTAINS, "cluster_key"),
    Case(
        "dim_cluster",
        "update marts.dim_cluster set member_city_count = member_city_count + 1 "
        f"where cluster_key = {first('marts.bridge_cluster_city', 'cluster_key')}",
        PAIR_EQUAL,
        "member_city_count, bridge_member_count",
    ),
    Case(
        "bridge_cluster_city",
        "insert into marts.bridge_cluster_city select * from marts.bridge_cluster_city limit 1",
        COMPOUND_UNIQUE,
        "cluster_key, city_key",
    ),
    Case(
        "bridge_cluster_city",
        "update marts.bridge_cluster_city set city_key = 'atlantis' "
        f"where cluster_key = {first('marts.bridge_cluster_city', 'cluster_key')}",
        NULL,
        "unresolved_keys",
        sample="city_key atlantis not in marts.dim_city",
    ),
    Case(
        "dim_year",
        "insert into marts.dim_year select * replace (2099 as year) from marts.dim_year limit 1",
        BETWEEN,
        "year",
    ),
    Case("dim_year", "insert into marts.dim_year select * from marts.dim_year limit 1", UNIQUE, "year"),
    Case(
        "dim_year",
        "update marts.dim_year set year_of_five_year_plan = 6 where year = 2020",
        BETWEEN,
        "year_of_five_year_plan",
    ),
    Case("dim_metric", "insert into marts.dim_metric select * from marts.dim_metric limit 1", UNIQUE, "metric_code"),
    Case(
        "dim_metric",
        "update marts.dim_metric set min_plausible_value = null where metric_code = 'share'",
        NOT_NULL,
        "min_plausible_value",
        "warning",
    ),
    Case(
        "dim_metric",
        "update marts.dim_metric set max_plausible_value = -1 where metric_code = 'share'",
        PAIR_GE,
        "max_plausible_value, min_plausible_value",
    ),
    Case(
        "dim_source_document",
        "update marts.dim_source_document set figure_count = figure_count + 1 "
        f"where document_id = {first('marts.dim_source_document', 'document_id')}",
        PAIR_EQUAL,
        "figure_count, int_figure_count",
    ),
    Case(
        "dim_source_document",
        "insert into marts.dim_source_document "
        "select * replace ('999_unannotated' as document_id, 0 as figure_count) "
        "from marts.dim_source_document limit 1",
        BETWEEN,
        "figure_count",
        "warning",
    ),
    Case(
        "fct_output_values",
        "insert into marts.fct_output_values select * from marts.fct_output_values limit 1",
        UNIQUE,
        "figure_id",
    ),
    Case(
        "fct_output_values",
        f"update marts.fct_output_values set period_end_year = 2099 where figure_id = {OUTPUT_FIGURE}",
        NULL,
        "unresolved_keys",
        sample="period_end_year 2099 not in marts.dim_year",
    ),
    Case(
        "fct_output_values",
        f"update marts.fct_output_values set document_id = 'ghost' where figure_id = {OUTPUT_FIGURE}",
        NULL,
        "unresolved_keys",
        sample="document_id ghost not in marts.dim_source_document",
    ),
    Case(
        "fct_output_values",
        "update marts.fct_output_values set value_in_base_unit = 12.5 where figure_id = "
        f"{first('marts.fct_output_values', 'figure_id', 'metric_kind = ' + repr('count'))}",
        NULL,
        "non_whole_count",
        sample="12.5",
    ),
    Case(
        "fct_output_values",
        f"update marts.fct_output_values set value_in_base_unit = -5 where figure_id = {OUTPUT_FIGURE}",
        NULL,
        "outside_plausible_range",
        sample="-5.0 outside",
    ),
    Case(
        "fct_output_values",
        "update marts.fct_output_values set unit_measure = 'tonne' where figure_id = "
        f"{first('marts.fct_output_values', 'figure_id', 'unit_measure = ' + repr('yuan'))}",
        PAIR_EQUAL,
        "unit_measure, metric_unit_measure",
    ),
    Case(
        "fct_output_values",
        f"update marts.fct_output_values set metric_code = 'share' where figure_id = {OUTPUT_FIGURE}",
        IN_SET,
        "metric_fact_table",
        sample="fct_shares_ranks",
    ),
    Case(
        "fct_growth_rates",
        "insert into marts.fct_growth_rates select * from marts.fct_growth_rates limit 1",
        UNIQUE,
        "growth_rate_id",
    ),
    Case(
        "fct_growth_rates",
        "update marts.fct_growth_rates set computed_rate_pct = rate_pct - 5, "
        f"reported_minus_computed_pct_points = 5 where growth_rate_id = {GROWTH_ROW}",
        BETWEEN,
        "reported_minus_computed_pct_points",
        "warning",
    ),
    Case(
        "fct_growth_rates",
        f"update marts.fct_growth_rates set value_reported = -150 where growth_rate_id = {GROWTH_ROW}",
        NULL,
        "outside_plausible_range",
        sample="growth_rate -150.0 outside [-100.0, ",
    ),
    Case(
        "fct_growth_rates",
        f"update marts.fct_growth_rates set level_figure_id = '999-999' where growth_rate_id = {GROWTH_ROW}",
        NULL,
        "unresolved_keys",
        sample="level_figure_id 999-999 not in marts.int_figures",
    ),
    Case(
        "fct_growth_rates",
        "update marts.fct_growth_rates set computed_from_figure_ids = ['999-998', '999-999'] "
        f"where growth_rate_id = {GROWTH_ROW}",
        NULL,
        "unresolved_keys",
        sample="computed_from_figure_ids 999-998, 999-999",
    ),
    Case(
        "fct_growth_rates",
        f"update marts.fct_growth_rates set figure_id = null where growth_rate_id = {GROWTH_ROW}",
        NULL,
        "unresolved_keys",
        sample="figure_id missing",
    ),
    Case(
        "fct_rd_intensity",
        "update marts.fct_rd_intensity set rd_intensity_pct = 12 "
        f"where figure_id = {first('marts.fct_rd_intensity', 'figure_id')}",
        BETWEEN,
        "rd_intensity_pct",
    ),
    Case(
        "fct_rd_intensity",
        "update marts.fct_rd_intensity set national_figure_id = '999-999' "
        f"where figure_id = {first('marts.fct_rd_intensity', 'figure_id')}",
        NULL,
        "unresolved_keys",
        sample="national_figure_id 999-999",
    ),
    Case(
        "fct_shares_ranks",
        "update marts.fct_shares_ranks set value_in_base_unit = 120 where figure_id = "
        f"{first('marts.fct_shares_ranks', 'figure_id', 'metric_code = ' + repr('share'))}",
        NULL,
        "outside_plausible_range",
        sample="outside [0.0, 100.0]",
    ),
    Case(
        "fct_shares_ranks",
        "update marts.fct_shares_ranks set value_in_base_unit = 2.5 where figure_id = "
        f"{first('marts.fct_shares_ranks', 'figure_id', 'metric_kind = ' + repr('rank'))}",
        NULL,
        "non_whole_rank",
        sample="2.5",
    ),
    Case(
        "fct_shares_ranks",
        "update marts.fct_shares_ranks set rate_of_metric_code = 'ghost_metric' "
        f"where figure_id = {first('marts.fct_shares_ranks', 'figure_id')}",
        NULL,
        "unresolved_keys",
        sample="rate_of_metric_code ghost_metric",
    ),
    Case(
        "fct_targets_vs_actuals",
        "insert into marts.fct_targets_vs_actuals select * from marts.fct_targets_vs_actuals limit 1",
        COMPOUND_UNIQUE,
        "target_figure_id, actual_figure_id",
    ),
    Case(
        "fct_targets_vs_actuals",
        "update marts.fct_targets_vs_actuals set actual_figure_id = target_figure_id "
        f"where target_figure_id = {TARGET}",
        NULL,
        "unresolved_keys",
        sample="not an actual of marts.int_figures",
    ),
    Case(
        "fct_targets_vs_actuals",
        f"update marts.fct_targets_vs_actuals set unit_measure = 'tonne' where target_figure_id = {TARGET}",
        PAIR_EQUAL,
        "unit_measure, metric_unit_measure",
    ),
    Case(
        "fct_targets_vs_actuals",
        f"update marts.fct_targets_vs_actuals set comparison = 'reached' where target_figure_id = {TARGET}",
        IN_SET,
        "comparison",
        sample="reached",
    ),
    Case(
        "fct_targets_vs_actuals",
        f"update marts.fct_targets_vs_actuals set comparison = 'met' where target_figure_id = {OPEN_TARGET}",
        PAIR_EQUAL,
        "comparison, expected_comparison",
    ),
    Case(
        "fct_targets_vs_actuals",
        f"update marts.fct_targets_vs_actuals set target_year = 2026 where target_figure_id = {OPEN_TARGET}",
        NULL,
        "comparison_problem",
        sample="open-ended, yet target_year 2026",
    ),
    Case(
        "fct_targets_vs_actuals",
        "update marts.fct_targets_vs_actuals as t set city_key = a.city_key, "
        "cluster_key = a.cluster_key, enterprise_name = a.enterprise_name, "
        "metric_code = a.metric_code, rate_of_metric_code = a.rate_of_metric_code, "
        "unit_measure = a.unit_measure, target_period_kind = a.period_kind, "
        "actual_figure_id = a.figure_id, actual_year = a.year, has_actual = true, "
        f"comparison = 'latest_actual_no_deadline' from ({EARLIER_ACTUAL}) as a "
        f"where t.target_figure_id = {OPEN_TARGET}",
        NULL,
        "comparison_problem",
        sample="not the latest actual",
    ),
    Case(
        "fct_targets_vs_actuals",
        # a dated target given an actual of the year after: planted, as the project data need not hold a
        # dated comparison (the one they held compared 规上 industry's growth with all industry's target)
        "update marts.fct_targets_vs_actuals set has_actual = true, actual_year = target_year + 1, "
        f"actual_figure_id = {first('marts.int_figures', 'figure_id', 'not is_target')}, comparison = 'not_met' "
        f"where target_figure_id = {first('marts.fct_targets_vs_actuals', 'target_figure_id', 'not is_open_ended')}",
        NULL,
        "comparison_problem",
        sample="compared with a target for",
    ),
    Case(
        "int_figures",
        "update marts.int_figures set period_start_year = null, period_end_year = null, "
        f"year = null where figure_id = {first('marts.int_figures', 'figure_id', 'not is_target')}",
        NULL,
        "unresolved_keys",
        sample="period_start_year missing for an actual",
    ),
    Case(
        "int_figures",
        f"update marts.int_figures set period_end_year = 2026 where figure_id = {OPEN_TARGET}",
        NULL,
        "unresolved_keys",
        sample="period_start_year missing beside period_end_year",
    ),
    # one answer per fact (more planted rows in tests/test_facts.py)
    Case(
        "fct_facts",
        "update marts.fct_facts set is_conflict = true, conflicting_figure_ids = figure_ids "
        f"where fact_key = {first('marts.fct_facts', 'fact_key', 'n_figures > 1')}",
        NULL,
        "conflict",
        "warning",
        sample="disagree on",
    ),
    Case(
        "fct_facts",
        f"update marts.fct_facts set period_end_month = 5 where fact_key = {YEAR_FACT}",
        NULL,
        "impossible_combination",
        sample="one month of a part of a year is missing",
    ),
    Case(
        "int_fact_figures",
        "insert into marts.int_fact_figures select * from marts.int_fact_figures limit 1",
        UNIQUE,
        "figure_id",
    ),
    Case(
        "bridge_fact_figure",
        "update marts.bridge_fact_figure set is_chosen = false "
        f"where figure_id = {first('marts.bridge_fact_figure', 'figure_id', 'is_chosen')}",
        BETWEEN,
        "chosen_figures",
    ),
    Case(
        "fct_cluster_figures",
        "update marts.fct_cluster_figures set recognised_cluster_key = 'automotive'",
        IN_SET,
        "recognised_cluster_type",
    ),
    Case(
        "stg_subjects",
        "insert into staging.stg_subjects select * from staging.stg_subjects limit 1",
        UNIQUE,
        "subject_as_written",
    ),
    Case(
        "stg_cluster_industries",
        "update staging.stg_cluster_industries set cluster_key = 'automotive'",
        IN_SET,
        "cluster_type",
    ),
]


@pytest.fixture(scope="module")
def loaded_and_built(dev_built) -> tuple[Path, Path]:
    """The real project loaded and built once, without validation: (project folder, built DuckDB file)."""
    return dev_built, dev_built / "target" / "warehouse.dev.duckdb"


def run_suite(loaded_and_built, tmp_path: Path, suite: str, sql: str = ""):
    """Validate one suite on a copy of the built file after `sql` broke it; returns every result."""
    project, database = loaded_and_built
    copy = tmp_path / "case.duckdb"
    shutil.copyfile(database, copy)
    con = warehouse.connect(copy)
    try:
        for statement in filter(str.strip, sql.split(";")):
            con.execute(statement).fetchall()
        results, _, _ = validate(con, project, only=[suite])
    finally:
        con.close()
    assert results, f"no suite checks {suite}"
    return results


def test_every_suite_passes_on_the_project_data(loaded_and_built, tmp_path):
    project, database = loaded_and_built
    con = warehouse.connect(database)
    try:
        results, summaries, _ = validate(con, project)
    finally:
        con.close()
    failed = [
        f"{r.suite}: {r.expectation} on {r.column}: {r.sample}"
        for r in results
        if not r.success and r.severity == "critical"
    ]
    assert failed == []
    assert {s.suite for s in summaries} == {p.stem for p in (project / "checks").glob("*.json")}


@pytest.mark.parametrize("case", CASES, ids=lambda c: f"{c.suite}-{c.column}-{c.expectation.removeprefix('expect_')}")
def test_bad_data_fails_the_expectation_that_guards_it(loaded_and_built, tmp_path, case: Case):
    results = run_suite(loaded_and_built, tmp_path, case.suite, case.sql)
    failed = [r for r in results if not r.success]
    match = [r for r in failed if r.expectation == case.expectation and r.column == case.column]
    assert match, f"{case.expectation} on {case.column} did not fail; failed: " + ", ".join(
        f"{r.expectation} on {r.column}" for r in failed
    )
    assert match[0].severity == case.severity
    if case.sample is not None:
        assert case.sample in (match[0].sample or ""), match[0].sample
    if case.severity == "warning":  # a warning is reported, and blocks nothing by itself
        assert not [r for r in failed if r.severity == "critical"], failed


def test_every_table_has_a_suite_and_every_suite_is_seen_to_fail():
    models = {f"{folder}.{p.stem}" for folder in ("staging", "marts") for p in (REPO / folder).glob("*.sql")}
    suites = {}
    for path in sorted((REPO / "checks").glob("*.json")):
        definition = json.loads(path.read_text(encoding="utf-8"))
        suites[path.stem] = definition["meta"]["clusterdw"]["table"]
        assert suites[path.stem].split(".")[-1] == path.stem, path
        for expectation in definition["expectations"]:
            assert expectation["severity"] in {"critical", "warning"}, (path.stem, expectation["type"])
            assert expectation["meta"]["guards"].strip(), (path.stem, expectation["type"])
    assert set(suites.values()) == models
    assert {c.suite for c in CASES} == set(suites)
    assert {c.severity for c in CASES} == {"critical", "warning"}


def test_a_suite_gx_cannot_build_is_an_error_not_a_skipped_check(loaded_and_built, tmp_path):
    project, database = loaded_and_built
    stricter = tmp_path / "project"
    shutil.copytree(project, stricter)
    path = stricter / "checks" / "dim_year.json"
    definition = json.loads(path.read_text(encoding="utf-8"))
    definition["expectations"].append(
        {"type": "expect_column_values_to_be_sorted_somehow", "kwargs": {"column": "year"}, "severity": "critical"}
    )
    path.write_text(json.dumps(definition), encoding="utf-8")
    con = warehouse.connect(database)
    try:
        with pytest.raises(ClusterdwError, match="expect_column_values_to_be_sorted_somehow"):
            validate(con, stricter, only=["dim_year"])
        definition["expectations"][-1] = {"type": NOT_NULL, "kwargs": {"column": "no_such_column"}}
        path.write_text(json.dumps(definition), encoding="utf-8")
        with pytest.raises(ClusterdwError, match="suite dim_year cannot read its frame"):
            validate(con, stricter, only=["dim_year"])
    finally:
        con.close()


def test_validation_leaves_great_expectations_unpatched(loaded_and_built, tmp_path):
    from great_expectations.expectations.expectation import Expectation

    original = Expectation.__dict__["configuration"]
    run_suite(loaded_and_built, tmp_path, "dim_year")
    assert Expectation.__dict__["configuration"] is original


def _rd_intensity_figure(project: Path) -> str:
    for path in sorted((project / "raw" / "figures").glob("*.csv")):
        for row in read_rows(path)[1]:
            if row["metric_code"] == "rd_intensity":
                return row["figure_id"]
    raise AssertionError("the project has no rd_intensity figure")


def test_a_critical_failure_publishes_nothing(built_project, cli):
    project = built_project  # after `run --no-docs`, exit 0 (conftest.py)
    published = project / "target" / "warehouse.duckdb"
    before = published.read_bytes()

    # 45 % R&D intensity is in its evidence, so it passes the loader; its metric's plausible range is 0-10 %
    edit_figure(project, _rd_intensity_figure(project), value="45", evidence="研发投入强度达45%")
    result = cli(project, "run")  # with Data Docs: their way of validating blocks the publish too

    assert result.exit_code == 5, result.output
    error = result.output.strip().splitlines()[-1]
    assert error.startswith("Error: ") and "critical expectation(s) failed" in error, error
    assert "nothing was published" in error
    assert published.read_bytes() == before
    assert [p.name for p in published.parent.glob("*.building-*")] == []
    record = json.loads((project / "target" / "run_results.json").read_text(encoding="utf-8"))
    assert record["status"] == "failed"
    failed = {
        (e["suite"], e["column"]): e["sample"]
        for e in record["expectations"]
        if not e["success"] and e["severity"] == "critical"
    }
    assert "rd_intensity 45.0 outside [0.0, 10.0]" in failed[("stg_figures", "outside_plausible_range")]
    assert "45" in failed[("fct_rd_intensity", "rd_intensity_pct")]


def test_check_with_docs_writes_data_docs(dev_built, cli, tmp_path):
    project = shutil.copytree(dev_built, tmp_path / "project")  # after `build`, exit 0 (conftest.py)
    result = cli(project, "check", "--docs")
    assert result.exit_code == 0, result.output

    index = project / "target" / "data_docs" / "index.html"
    assert index.is_file()
    assert f"Data Docs: {index}" in result.output
    assert "stg_figures" in index.read_text(encoding="utf-8")
    for suite in ("stg_figures", "fct_growth_rates"):
        assert f"passed  {suite}" in result.output or f"warned  {suite}" in result.output, result.output


def test_a_partial_dev_build_checks_what_is_built_and_skips_the_rest(loaded_and_built, tmp_path):
    project, database = loaded_and_built
    copy = tmp_path / "partial.duckdb"
    shutil.copyfile(database, copy)
    con = warehouse.connect(copy)
    try:
        con.execute("drop table marts.fct_targets_vs_actuals").fetchall()  # as `build --select` leaves it
        results, summaries, _ = validate(con, project, only=["fct_targets_vs_actuals", "dim_year"])
        outcomes = {s.suite: s.outcome for s in summaries}
        assert outcomes == {"fct_targets_vs_actuals": "skipped", "dim_year": "passed"}
        assert {r.suite for r in results} == {"dim_year"}

        # with every model built, a suite reading a table no model builds is an error, not a skip
        con.execute("create table marts.fct_targets_vs_actuals as select 1 as x").fetchall()
        stricter = tmp_path / "project"
        shutil.copytree(project, stricter)
        path = stricter / "checks" / "dim_year.json"
        definition = json.loads(path.read_text(encoding="utf-8"))
        definition["meta"]["clusterdw"]["table"] = "marts.dim_yaer"
        definition["meta"]["clusterdw"]["frame_sql"] = "select * from marts.dim_yaer"
        path.write_text(json.dumps(definition), encoding="utf-8")
        with pytest.raises(ClusterdwError, match="dim_yaer"):
            validate(con, stricter, only=["dim_yaer"])
    finally:
        con.close()


def test_frames_read_ahead_within_a_memory_budget_still_come_in_order(loaded_and_built, tmp_path, monkeypatch):
    import pipelines.validate.suites as validation

    monkeypatch.setattr(validation, "FRAMES_AHEAD_BYTES", 0)  # as at 10M figures: no frame waits beyond the next
    project, database = loaded_and_built
    con = warehouse.connect(database)
    try:
        results, summaries, _ = validate(con, project, only=["dim_year", "dim_metric", "stg_units"])
    finally:
        con.close()
    assert [s.suite for s in summaries] == ["dim_metric", "dim_year", "stg_units"]
    assert [s.rows > 0 and s.outcome == "passed" for s in summaries] == [True] * 3


def test_a_selected_validation_reads_only_the_suites_it_selects(loaded_and_built, tmp_path):
    """`check --select dim_year` neither compiles nor checks fct_facts's suite: a frame SQL broken there is
    the whole validation's error, not the selected one's."""
    project, database = loaded_and_built
    broken = shutil.copytree(project, tmp_path / "project", ignore=shutil.ignore_patterns("target"))
    (broken / "checks" / "fct_facts.sql").write_text("select * from marts.fct_facts; drop table marts.dim_year")
    con = warehouse.connect(database)
    try:
        _, summaries, _ = validate(con, broken, only=["dim_year"])
        assert [s.suite for s in summaries] == ["dim_year"]
        with pytest.raises(ClusterdwError, match="must be one SELECT") as raised:
            validate(con, broken)
        assert "fct_facts.sql" in str(raised.value.where)
    finally:
        con.close()
