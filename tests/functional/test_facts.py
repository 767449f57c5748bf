"""One answer per fact (marts.fct_facts, marts.bridge_fact_figure) and the suite that checks it.

Two documents of planted figures are added to a copy of the real project: restatements that agree
within their rounding or qualifier, restatements that do not, parts of a year beside whole years, a
size tier beside a level, and figures that break the arithmetic cross-checks (growth against its
levels, a part above its whole, a rank against the values it ranks). The project is loaded and built
once per module with the real load and build, and the fct_facts suite is run on it.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import duckdb
import pytest

from pipelines.load.loader import load
from pipelines.models.builder import build
from pipelines.publish import warehouse
from pipelines.synth import synthesize
from pipelines.validate.suites import validate

from helpers import PROJECT_FOLDERS, REPO

HEADER = (
    "figure_id,document_id,place,cluster,enterprise,subject,metric_code,rate_of_metric_code,period_start_year,"
    "period_end_year,period_start_month,period_end_month,period_kind,value,unit,status,qualifier,evidence,"
    "is_year_inferred,note"
)
DOCUMENTS = (
    "901_facts_a,planted document a,,2024-01-01,zh-Hans,test\n902_facts_b,planted document b,,2025-01-01,zh-Hans,test\n"
)
# document a (published 2024) and document b (published 2025)
FIGURES_A = """
901-001,901_facts_a,柳州,,,,growth_rate,added_value,2023,2023,,,year,76.0,%,actual,exact,增长76.0%,false,
901-002,901_facts_a,柳州,,,,output_value,,2020,2020,,,year,1000,亿元,actual,more_than,超1000亿元,false,
901-003,901_facts_a,柳州,新能源汽车,,,production_vehicles,,2024,2024,,,year,300,万辆,actual,nearly,近300万辆,false,
901-004,901_facts_a,柳州,,,,output_value,,2023,2023,1,5,year_to_date,500,亿元,actual,exact,1-5月产值500亿元,false,
901-005,901_facts_a,柳州,,,,output_value,,2022,2022,1,5,year_to_date,400,亿元,actual,exact,1-5月产值400亿元,false,
901-006,901_facts_a,柳州,,,,growth_rate,output_value,2023,2023,1,5,year_to_date,25,%,actual,exact,1-5月增长25%,false,
901-007,901_facts_a,柳州,,,,output_value,,2023,2023,,,year,1300,亿元,actual,exact,产值1300亿元,false,
901-008,901_facts_a,柳州,,,,output_value,,2022,2022,,,year,1000,亿元,actual,exact,产值1000亿元,false,
901-009,901_facts_a,柳州,,,,growth_rate,output_value,2023,2023,,,year,50,%,actual,exact,增长50%,false,
901-011,901_facts_a,南宁,,,,rank,output_value,2023,2023,,,year,1,位,actual,exact,产值排名第1位,false,
901-012,901_facts_a,柳州,,,,output_value,,2023,2023,,,year,3000,亿级,actual,at_least,3000亿级,false,size tier
"""
FIGURES_B = """
902-001,902_facts_b,柳州,,,,growth_rate,added_value,2023,2023,,,year,76,%,actual,exact,增长76%,false,
902-002,902_facts_b,柳州,,,,output_value,,2020,2020,,,year,1200,亿元,actual,exact,产值1200亿元,false,
902-003,902_facts_b,柳州,新能源汽车,,,production_vehicles,,2024,2024,,,year,300.4,万辆,actual,exact,产量300.4万辆,false,
902-004,902_facts_b,南宁,,,,output_value,,2023,2023,,,year,800,亿元,actual,exact,产值800亿元,false,
902-005,902_facts_b,柳州,新能源汽车,,,production_vehicles,,2023,2023,,,year,180,万辆,actual,exact,产量180万辆,false,
902-006,902_facts_b,柳州,汽车产业,,,production_vehicles,,2023,2023,,,year,150,万辆,actual,exact,产量150万辆,false,
902-007,902_facts_b,柳州,,,,output_value,,2021,2021,,,year,900,亿元,actual,about,约900亿元,false,
902-008,902_facts_b,柳州,,,,output_value,,2021,2021,,,year,905,亿元,actual,exact,产值905亿元,false,
"""


def _build(project: Path, database: Path) -> None:
    con = warehouse.connect(database)
    try:
        load(con, project)
        build(con, project)
    finally:
        con.close()


@pytest.fixture(scope="module")
def planted(tmp_path_factory) -> tuple[Path, Path]:
    """The real project with the two planted documents, loaded and built: (project, DuckDB file)."""
    root = tmp_path_factory.mktemp("facts")
    project = root / "project"
    for folder in PROJECT_FOLDERS:
        shutil.copytree(REPO / folder, project / folder)
    with (project / "raw" / "documents.csv").open("a", encoding="utf-8") as handle:
        handle.write(DOCUMENTS)
    for name, rows in (("901_facts_a.csv", FIGURES_A), ("902_facts_b.csv", FIGURES_B)):
        (project / "raw" / "figures" / name).write_text(HEADER + rows, encoding="utf-8")
    database = root / "built.duckdb"
    _build(project, database)
    return project, database


def query(database: Path, sql: str) -> list[dict]:
    con = duckdb.connect(str(database), read_only=True)
    try:
        result = con.execute(sql)
        names = [d[0] for d in result.description]
        return [dict(zip(names, row)) for row in result.fetchall()]
    finally:
        con.close()


def fact_of(database: Path, figure_id: str) -> dict:
    rows = query(
        database,
        "select f.* from marts.fct_facts as f join marts.bridge_fact_figure as b using (fact_key) "
        f"where b.figure_id = '{figure_id}'",
    )
    assert len(rows) == 1, rows
    return rows[0]


def test_every_figure_is_in_one_fact_and_every_fact_is_one_row(planted):
    _, database = planted
    [counts] = query(
        database,
        """
        select
            (select count(*) from marts.int_figures) as figures,
            (select count(*) from marts.bridge_fact_figure) as bridged,
            (select count(distinct figure_id) from marts.bridge_fact_figure) as distinct_bridged,
            (select count(*) from marts.fct_facts) as facts,
            (select count(distinct fact_key) from marts.bridge_fact_figure) as bridged_facts,
            (select sum(n_figures) from marts.fct_facts) as figures_in_facts
    """,
    )
    assert counts["figures"] == counts["bridged"] == counts["distinct_bridged"] == counts["figures_in_facts"]
    assert counts["facts"] == counts["bridged_facts"]


def test_restatements_within_rounding_or_qualifier_agree(planted):
    _, database = planted
    growth = fact_of(database, "901-001")  # 76.0% and 76%: one fact, two documents
    assert growth["figure_ids"] == "901-001,902-001" and growth["n_sources"] == 2 and not growth["is_conflict"]
    assert growth["chosen_figure_id"] == "902-001" and growth["choice_rule"] == "latest_publication"
    bound = fact_of(database, "901-002")  # 超1000亿元 and 1200亿元
    assert bound["figure_ids"] == "901-002,902-002" and not bound["is_conflict"]
    about = fact_of(database, "902-007")  # 约900亿元 and 905亿元 of one document: the exact one answers
    assert not about["is_conflict"]
    assert about["chosen_figure_id"] == "902-008" and about["choice_rule"] == "exact_over_qualified"


def test_restatements_outside_each_other_conflict_and_name_their_figures(planted):
    _, database = planted
    fact = fact_of(database, "901-003")  # 近300万辆 (under 300) against 300.4万辆
    assert fact["is_conflict"] and fact["conflicting_figure_ids"] == "901-003,902-003"
    assert {
        r["figure_id"]
        for r in query(
            database, "select figure_id from marts.bridge_fact_figure where is_in_conflict and figure_id like '90%'"
        )
    } == {"901-003", "902-003"}


def test_months_and_size_tiers_are_facts_of_their_own(planted):
    _, database = planted
    months, year, tier = (fact_of(database, f) for f in ("901-004", "901-007", "901-012"))
    assert len({months["fact_key"], year["fact_key"], tier["fact_key"]}) == 3
    assert (months["period_start_month"], months["period_end_month"], months["period_kind"]) == (1, 5, "year_to_date")
    assert not tier["is_conflict"] and tier["value_class"] == "size_tier"
    rates = {
        r["growth_rate_id"]: r
        for r in query(database, "select * from marts.fct_growth_rates where growth_rate_id in ('901-006', '901-009')")
    }
    # Jan-May growth is paired with the Jan-May levels, yearly growth with yearly levels: never mixed
    assert rates["901-006"]["level_figure_id"] == "901-004" and float(rates["901-006"]["computed_rate_pct"]) == 25
    assert rates["901-009"]["level_figure_id"] == "901-007" and float(rates["901-009"]["computed_rate_pct"]) == 30
    derived = query(
        database,
        "select computed_from_figure_ids from marts.fct_growth_rates "
        "where list_contains(computed_from_figure_ids, '901-012')",
    )
    assert derived == []  # a size tier enters no growth computation


@pytest.fixture(scope="module")
def facts_suite(planted, tmp_path_factory):
    """The fct_facts suite's results on the planted project, by column."""
    project, database = planted
    copy = tmp_path_factory.mktemp("suite") / "copy.duckdb"
    shutil.copyfile(database, copy)
    con = warehouse.connect(copy)
    try:
        results, _, _ = validate(con, project, only=["fct_facts"])
    finally:
        con.close()
    return {r.column: r for r in results}


@pytest.mark.parametrize(
    "column, planted_text",
    [
        ("conflict", "figures 901-003,902-003 disagree"),
        ("growth_disagrees_with_levels", "growth 901-009 is 50.0%"),
        ("part_above_whole", "part 902-005 (liuzhou, new_energy_vehicles) is above its whole 902-006"),
        ("rank_contradicted", "rank 901-011 places nanning at 1"),
    ],
)
def test_the_suite_warns_of_each_planted_bad_row(facts_suite, column, planted_text):
    result = facts_suite[column]
    assert not result.success and result.severity == "warning"
    assert planted_text in (result.sample or ""), result.sample


def test_the_suite_passes_the_agreeing_rows(facts_suite):
    assert facts_suite["impossible_combination"].success
    # the agreeing Jan-May growth (25%: 500 against 400) is not among the growth warnings
    assert "901-006" not in (facts_suite["growth_disagrees_with_levels"].sample or "")


def test_clusterdw_run_on_the_real_documents_leaves_no_false_conflict(project, cli):
    """No conflict on the real data: none from rounding or a qualifier, and none from two shares of different
    wholes (占全国28% and 占世界18% of 029; 占全国的2.8% and 比江西少30%以上 of 021), whose subjects name their
    whole. A real disagreement between documents would be listed here with why."""
    result = cli(project, "run")
    assert result.exit_code == 0, result.output
    database = project / "target" / "warehouse.duckdb"
    conflicts = query(database, "select conflicting_figure_ids from marts.fct_facts where is_conflict")
    assert conflicts == []
    shares = {
        r["figure_id"]: r
        for r in query(database, "select * from marts.bridge_fact_figure where figure_id in ('029-009', '029-010')")
    }
    assert shares["029-009"]["fact_key"] != shares["029-010"]["fact_key"]


def test_synth_plants_conflicts_and_every_one_is_found(tmp_path):
    out = tmp_path / "synth"
    synthesize(REPO, out, 2400, seed=3, conflicts=30)
    database = tmp_path / "synth.duckdb"
    _build(out, database)
    planted_rows = query(
        database,
        """
        select figure_id, substr(annotation_note, length('planted conflict with ') + 1) as restated
        from marts.int_figures where annotation_note like 'planted conflict with %'""",
    )
    assert 20 <= len(planted_rows) <= 30  # subjects whose level is a size tier get none
    found = {
        r["conflicting_figure_ids"]
        for r in query(database, "select conflicting_figure_ids from marts.fct_facts where is_conflict")
    }
    assert found == {",".join(sorted((r["restated"], r["figure_id"]))) for r in planted_rows}


def _project_with_planted(root: Path, corrections: str) -> Path:
    project = root / "project"
    for folder in PROJECT_FOLDERS:
        shutil.copytree(REPO / folder, project / folder)
    with (project / "raw" / "documents.csv").open("a", encoding="utf-8") as handle:
        handle.write(DOCUMENTS)
    (project / "raw" / "figures" / "901_facts_a.csv").write_text(HEADER + FIGURES_A, encoding="utf-8")
    (project / "raw" / "corrections.csv").write_text(
        "figure_id,column_name,corrected_value,reason\n" + corrections, encoding="utf-8"
    )
    return project


def test_a_correction_corrects_the_months_of_a_figure(tmp_path):
    project = _project_with_planted(tmp_path, "901-004,period_end_month,6,the release covers 1-6月\n")
    database = tmp_path / "corrected.duckdb"
    _build(project, database)
    [row] = query(
        database,
        "select period_start_month, period_end_month, period_key, is_corrected "
        "from marts.int_figures where figure_id = '901-004'",
    )
    assert row == {
        "period_start_month": 1,
        "period_end_month": 6,
        "period_key": "2023-01/2023-06",
        "is_corrected": True,
    }


def test_a_month_correction_out_of_range_stops_the_load_naming_its_line(tmp_path):
    from pipelines.errors import ContractError

    project = _project_with_planted(tmp_path, "901-004,period_end_month,13,typo\n")
    with pytest.raises(ContractError) as raised:
        _build(project, tmp_path / "bad.duckdb")
    [violation] = raised.value.violations
    assert "corrections.csv:2" in str(violation.location) and "period_end_month" in violation.problem
