"""clusterdw synth: N synthetic figures that satisfy every contract, deterministic, in bounded files."""

from __future__ import annotations

import csv
from pathlib import Path

import duckdb
import pytest

from pipelines.synth import synthesize

REPO = Path(__file__).resolve().parents[2]


def _figures(out: Path) -> list[dict]:
    rows = []
    for path in sorted((out / "raw" / "figures").glob("*.csv")):
        with path.open(encoding="utf-8", newline="") as handle:
            rows.extend(csv.DictReader(handle))
    return rows


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("synth") / "project"
    synthesize(REPO, out, 2000, seed=7, rows_per_file=600)
    return out


def test_synth_command_writes_a_project_that_runs_clean(tmp_path, cli):
    out = tmp_path / "synthetic"
    result = cli(REPO, "synth", "--figures", "2000", "--out", str(out))
    assert result.exit_code == 0, result.output
    assert "Wrote 2,000 figures" in result.output
    for folder in ("staging", "marts", "checks", "raw/reference"):
        assert (out / folder).is_dir(), folder

    result = cli(out, "run", "--no-docs")
    assert result.exit_code == 0, result.output
    con = duckdb.connect(str(out / "target" / "warehouse.duckdb"), read_only=True)
    try:
        assert con.execute("select count(*) from raw.figures").fetchall() == [(2000,)]
        # every place and cluster resolved; none fell to the 'unknown' members
        assert con.execute(
            "select count(*) from marts.int_figures "
            "where city_key = 'unknown' or cluster_key = 'unknown' or unit_measure is null"
        ).fetchall() == [(0,)]
        # the marts' joins find partners: growth from consecutive levels, targets met by actuals
        computed, paired = con.execute(
            "select count(computed_rate_pct), count(level_figure_id) from marts.fct_growth_rates"
        ).fetchall()[0]
        assert computed > 0 and paired > 0
        assert con.execute("select count(actual_figure_id) from marts.fct_targets_vs_actuals").fetchall()[0][0] > 0
    finally:
        con.close()


def test_figures_cover_the_contracts_code_lists(synthetic):
    rows = _figures(synthetic)
    assert len(rows) == 2000
    assert {r["status"] for r in rows} == {"actual", "target"}
    assert {r["qualifier"] for r in rows} == {
        "exact",
        "more_than",
        "at_least",
        "nearly",
        "about",
        "at_most",
        "less_than",
    }
    assert {r["period_kind"] for r in rows} == {"year", "average", "cumulative", "as_of"}
    years = {int(r[c]) for r in rows for c in ("period_start_year", "period_end_year")}
    assert min(years) == 2016 and max(years) == 2030
    assert all(int(r["period_end_year"]) >= int(r["period_start_year"]) for r in rows)
    assert any(r["value"].startswith("-") for r in rows), "no decrease (下降) figure"
    assert all(len(r["evidence"]) <= 50 and r["value"].lstrip("-") in r["evidence"] for r in rows)
    with (synthetic / "raw" / "documents.csv").open(encoding="utf-8", newline="") as handle:
        documents = list(csv.DictReader(handle))
    assert {d["script"] for d in documents} == {"zh-Hans", "zh-Hant"}
    # places written in both scripts: 南宁 / 南寧 style pairs both occur
    places = {r["place"] for r in rows}
    assert places & {"广西", "南宁", "南宁市", "广西壮族自治区"} and places & {
        "廣西",
        "南寧",
        "南寧市",
        "廣西壯族自治區",
    }


def test_files_hold_at_most_the_rows_asked_and_ids_are_unique(synthetic):
    files = sorted((synthetic / "raw" / "figures").glob("*.csv"))
    assert len(files) > 1
    for path in files:
        with path.open(encoding="utf-8", newline="") as handle:
            assert sum(1 for _ in csv.DictReader(handle)) <= 600, path.name
    ids = [r["figure_id"] for r in _figures(synthetic)]
    assert len(set(ids)) == len(ids)


def test_same_seed_same_files_other_seed_other_files(synthetic, tmp_path):
    again = tmp_path / "again"
    synthesize(REPO, again, 2000, seed=7, rows_per_file=600)
    for path in sorted((synthetic / "raw").rglob("*.csv")):
        assert (again / path.relative_to(synthetic)).read_bytes() == path.read_bytes(), path
    other = tmp_path / "other"
    synthesize(REPO, other, 2000, seed=8, rows_per_file=600)
    assert _figures(other) != _figures(synthetic)


def test_refuses_a_folder_it_did_not_write(tmp_path, cli):
    precious = tmp_path / "precious"
    precious.mkdir()
    (precious / "notes.txt").write_text("keep me", encoding="utf-8")
    result = cli(REPO, "synth", "--figures", "10", "--out", str(precious))
    assert result.exit_code != 0
    assert "refusing to write a synthetic project" in result.output
    assert (precious / "notes.txt").read_text(encoding="utf-8") == "keep me"
