"""The report's chart specs from small frames, without a warehouse."""

import json

import pandas as pd

from pipelines.report import charts, site_charts


def _rd(national: list) -> pd.DataFrame:
    years = len(national)
    return pd.DataFrame(
        dict(
            year=[2022, 2023][:years],
            rd_intensity_pct=[0.8, 0.9][:years],
            figure_id=["a", "b"][:years],
            evidence=["e1", "e2"][:years],
            document_title=["d1", "d2"][:years],
            gap_pct_points=[None if n is None else n - 0.8 for n in national],
            national_rd_intensity_pct=national,
            national_figure_id=[None if n is None else "n" for n in national],
            national_evidence=[None if n is None else "ne" for n in national],
            national_document_title=[None if n is None else "nd" for n in national],
        )
    )


def test_rd_chart_pairs_each_year_with_its_national_figure_and_writes_no_gap_without_one():
    spec = charts.rd_intensity_chart(_rd([2.5, None])).to_dict()
    rows = [row for data in spec["datasets"].values() for row in data]
    bars = [(r["year"], r["place"], r["figure_id"]) for r in rows if "place" in r]
    assert bars == [(2022, "广西 Guangxi", "a"), (2022, "全国 China", "n"), (2023, "广西 Guangxi", "b")]
    labels = [r["label"] for r in rows if "label" in r]
    assert labels == ["gap +1.70 points"]
    assert "nan" not in json.dumps(spec)


def test_the_site_colours_every_comparison_the_overview_names():
    assert set(site_charts.COMPARISON_COLOURS) == set(charts.COMPARISON_LABELS.values())
    for code, label in charts.COMPARISON_LABELS.items():
        assert site_charts.COMPARISON_COLOURS[label] == charts.COMPARISON_COLOURS[code]
