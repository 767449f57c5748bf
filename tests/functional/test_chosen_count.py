"""checks/bridge_fact_figure.sql joins back only the facts without exactly one chosen figure: its frame is
the one that joins every fact's count back, row for row, with a fact of none, one of two and a null fact."""

from __future__ import annotations

import shutil

from test_checks import loaded_and_built  # noqa: F401  (the module's fixture)

from pipelines.publish import warehouse
from pipelines.validate.suites import read_suites

# every fact's count of chosen figures joined back to each of its figures (the check before the change)
EVERY_COUNT = """
select bridge.*, chosen.chosen_figures
from marts.bridge_fact_figure as bridge
left join (
    select fact_key, count(*) filter (where is_chosen) as chosen_figures
    from marts.bridge_fact_figure group by fact_key
) as chosen using (fact_key)
"""

BROKEN = [
    # a fact whose chosen figure is unchosen: none chosen
    "update marts.bridge_fact_figure set is_chosen = false where figure_id = "
    "(select min(figure_id) from marts.bridge_fact_figure where is_chosen)",
    # a second figure chosen in a fact of several: two chosen
    "update marts.bridge_fact_figure set is_chosen = true where figure_id = (select min(figure_id) from "
    "marts.bridge_fact_figure where not is_chosen and fact_key in "
    "(select fact_key from marts.bridge_fact_figure where is_chosen))",
    # a figure without a fact
    "update marts.bridge_fact_figure set fact_key = null where figure_id = "
    "(select max(figure_id) from marts.bridge_fact_figure)",
]


def test_the_chosen_count_is_every_facts_count(loaded_and_built, tmp_path):  # noqa: F811
    project, database = loaded_and_built
    copy = tmp_path / "chosen.duckdb"
    shutil.copyfile(database, copy)
    con = warehouse.connect(copy)
    try:
        for statement in BROKEN:
            con.execute(statement)
        (suite,) = read_suites(project, ["bridge_fact_figure"])
        frame = f"select * exclude (empty_interval, unknown_figure) from ({suite.frame_sql})"
        for a, b in ((frame, EVERY_COUNT), (EVERY_COUNT, frame)):
            assert con.execute(f"select count(*) from ({a} except all {b})").fetchone() == (0,)
        counts = {row[0] for row in con.execute(f"select distinct chosen_figures from ({frame})").fetchall()}
    finally:
        con.close()
    assert {0, 1, 2, None} <= counts  # the planted facts are there to compare
