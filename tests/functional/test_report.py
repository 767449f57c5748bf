"""`clusterdw report`: a self-contained page of charts from the published warehouse, written atomically,
and seen to render in a real browser (Debian's chromium, headless)."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from pipelines.errors import PathRefused
from pipelines.report import build_report
from pipelines.report.page import Page, render
from pipelines.report.write import MARKER, write_site

import chromium
from helpers import digest, read_rows, write_rows

SPEC = re.compile(r'<script type="application/json" id="spec-\d+">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def page(report_once) -> Path:
    """The one page of all charts (overview.html) of the site the report writes."""
    return report_once / "overview.html"


def specs(page: Path) -> list[dict]:
    return [json.loads(text.replace("<\\/", "</")) for text in SPEC.findall(page.read_text(encoding="utf-8"))]


def datasets(spec: dict) -> list[dict]:
    return [row for rows in spec.get("datasets", {}).values() for row in rows]


def tooltip_titles(spec) -> set[str]:
    """Titles of every tooltip field anywhere in a spec."""
    found = set()
    if isinstance(spec, dict):
        for key, value in spec.items():
            if key == "tooltip" and isinstance(value, list):
                found |= {t.get("title") for t in value}
            found |= tooltip_titles(value)
    elif isinstance(spec, list):
        for value in spec:
            found |= tooltip_titles(value)
    return found


def title_of(spec: dict) -> str:
    title = spec.get("title", "")
    return title.get("text", "") if isinstance(title, dict) else title


def test_the_page_is_self_contained_nothing_from_the_network(page):
    text = page.read_text(encoding="utf-8")
    assert (
        "vegaEmbed" in text and (page.parent / "assets" / "vega.js").stat().st_size > 500_000
    )  # shared, in the folder
    assert re.findall(r"<script[^>]+src=\"([^\"]*)\"", text) == ["assets/vega.js"]
    assert not re.search(r"<link\b|@import|@font-face|url\(\s*['\"]?https?:", text)
    assert (page.parent / MARKER).is_file()


def test_charts_answer_the_questions_and_every_figure_mark_names_figure_evidence_document(page):
    charts = specs(page)
    titles = [title_of(spec) for spec in charts]
    assert any("柳州市 · 新能源汽车 · vehicle production" in t for t in titles), titles
    assert "Guangxi's R&D intensity against the national figure" in titles
    assert "Targets against their latest actual" in titles
    assert "2024 advanced manufacturing clusters × member cities" in titles
    assert len(charts) >= 4 + 5  # one per document too
    for spec in charts:
        if "member cities" not in title_of(spec):  # the matrix shows reference data, not figures
            assert {"figure", "evidence", "document"} <= tooltip_titles(spec), title_of(spec)


def test_a_series_shows_reported_levels_beside_growth(page):
    nev = next(s for s in specs(page) if "柳州市 · 新能源汽车 · vehicle production" in title_of(s))
    rows = datasets(nev)
    assert {(r["year"], r["figure_id"]) for r in rows if "value_shown" in r} == {(2020, "002-007"), (2024, "003-014")}
    assert [(r["origin"], r["rate_pct"]) for r in rows if "origin" in r] == [("reported", 198.2)]


def test_growth_computed_from_consecutive_levels_stands_beside_the_reported_growth(project, cli, tmp_path):
    """A level of the year before (a figure of this test's own) lets the model compute 2020's growth."""
    path = project / "raw" / "figures" / "002_f8316eb84ec5ff3b.csv"
    header, rows = read_rows(path)
    nev_2020 = next(r for r in rows if r["figure_id"] == "002-007")
    rows.append(
        nev_2020
        | dict(
            figure_id="002-900",
            period_start_year="2019",
            period_end_year="2019",
            value="6.6",
            evidence="产量 6.6 万辆",
            note="test figure",
        )
    )
    write_rows(path, header, rows)
    assert cli(project, "run", "--no-docs").exit_code == 0
    page = build_report(project / "target" / "warehouse.duckdb", tmp_path / "report").with_name("overview.html")
    nev = next(s for s in specs(page) if "柳州市 · 新能源汽车 · vehicle production" in title_of(s))
    growth = {(r["year"], r["origin"]): r for r in datasets(nev) if "origin" in r}
    assert set(growth) == {(2020, "reported"), (2020, "computed from levels")}
    assert growth[2020, "reported"]["rate_pct"] == 198.2
    assert growth[2020, "computed from levels"]["rate_pct"] == round((18.7 / 6.6 - 1) * 100, 2)
    assert growth[2020, "computed from levels"]["from_figures"] == "002-900, 002-007"


def test_rd_intensity_shows_the_gap_to_the_nation(page):
    rd = next(s for s in specs(page) if title_of(s).startswith("Guangxi's R&D"))
    rows = datasets(rd)
    assert {(r["place"], r["pct"]) for r in rows if "place" in r} == {("广西 Guangxi", 0.84), ("全国 China", 2.65)}
    assert any(r.get("label") == "gap -1.81 points" for r in rows)


def test_open_ended_targets_are_marked_and_set_beside_their_latest_actual(page):
    rows = [r for r in datasets(next(s for s in specs(page) if title_of(s).startswith("Targets"))) if "label" in r]
    open_ended = [r for r in rows if r["target_year"] is None]
    assert {r["figure_id"] for r in open_ended} >= {f"000-{n:03d}" for n in (*range(1, 11), 12)}
    assert all(r["label"].endswith("(no deadline)") and r["deadline"] == "none stated" for r in open_ended)
    assert {r["comparison_label"] for r in open_ended} <= {"latest actual, no deadline", "no actual yet"}
    dated = next(r for r in rows if r["figure_id"] == "002-064")
    # no actual of its own: 004-002's 6.5% is 规上工业's growth, not all industry's (docs/codes.md, Subjects)
    assert (dated["target_year"], dated["comparison_label"]) == (2023, "no actual yet")
    assert dated.get("achievement_pct") is None


def test_the_report_replaces_its_own_folder_and_refuses_anyone_elses(built, tmp_path, cli):
    out = tmp_path / "out"
    result = cli(built, "report", "--out", str(out))
    assert result.exit_code == 0, result.output
    (out / "index.html").write_text("old", encoding="utf-8")
    assert cli(built, "report", "--out", str(out)).exit_code == 0
    assert (out / "index.html").read_text(encoding="utf-8") != "old"
    foreign = tmp_path / "foreign"
    foreign.mkdir()
    (foreign / "notes.txt").write_text("mine", encoding="utf-8")
    result = cli(built, "report", "--out", str(foreign))
    assert result.exit_code == PathRefused.exit_code, result.output
    assert "refusing to replace a folder clusterdw's report did not write" in result.output
    assert sorted(p.name for p in foreign.iterdir()) == ["notes.txt"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["foreign", "out"]  # no temporary folder left


def test_a_failed_write_leaves_the_last_report_as_it_was(tmp_path):
    out = write_site(tmp_path / "report", {"index.html": "first"})
    before = digest(out / "index.html")
    with pytest.raises(FileNotFoundError):
        write_site(out, {"index.html": "second", "no/such/folder.html": "x"})
    assert digest(out / "index.html") == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["report"]


def test_run_report_writes_the_report_after_publishing(project, cli):
    result = cli(project, "run", "--no-docs", "--report")
    assert result.exit_code == 0, result.output
    page = project / "target" / "report" / "index.html"
    assert f"Report:    {page}" in result.output and page.is_file()


def test_no_warehouse_is_one_clear_error(project, cli):
    result = cli(project, "report")
    assert result.exit_code == 1
    assert "Error: there is no published warehouse to report on — " in result.output


# --- in a real browser -----------------------------------------------------------------------------

needs_chromium = pytest.mark.skipif(
    chromium.find() is None, reason="chromium not installed (apt-get install -y chromium; .ci/run tries)"
)


def rendered(dom: str) -> tuple[int, int, str, int]:
    """(charts drawn, charts expected, errors the page caught, SVG charts in the DOM)."""
    drawn = re.search(r'data-charts-rendered="(\d+)"', dom)
    expected = re.search(r'data-charts-expected="(\d+)"', dom)
    errors = re.search(r'<pre id="report-errors">(.*?)</pre>', dom, re.S)
    return (
        int(drawn.group(1)) if drawn else -1,
        int(expected.group(1)) if expected else -1,
        errors.group(1) if errors else "(no error element)",
        len(re.findall(r'<svg[^>]*class="marks"', dom)),
    )


@needs_chromium
@pytest.mark.slow
def test_every_chart_renders_in_headless_chromium_without_errors(page, tmp_path):
    drawn, expected, errors, svgs = rendered(chromium.dump_dom(page))
    assert errors == "" and drawn == expected == svgs == len(specs(page)) >= 4, (drawn, expected, errors, svgs)
    png = chromium.screenshot(page, tmp_path / "report.png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n" and png.stat().st_size > 50_000


@needs_chromium
@pytest.mark.slow
def test_a_chart_that_cannot_draw_is_seen_by_the_browser_check(page, tmp_path):
    """The check above can fail: a broken spec leaves a chart undrawn and its error in the page."""

    bad = Page("broken", "")
    bad.sections = []
    good = {
        "$schema": "https://vega.github.io/schema/vega-lite/v5.json",
        "data": {"values": [{"a": 1}]},
        "mark": "bar",
        "encoding": {"x": {"field": "a", "type": "quantitative"}},
    }
    html = render(bad)
    shutil.copytree(page.parent / "assets", tmp_path / "assets")
    specs_html = "".join(
        f'<script type="application/json" id="spec-{i}">{json.dumps(s)}</script>'
        f'<div class="chart" data-spec="spec-{i}"></div>'
        for i, s in enumerate([good, {"mark": {"type": "no-such-mark"}, "data": {"values": []}}])
    )
    path = tmp_path / "index.html"
    path.write_text(html.replace("<nav></nav>", specs_html), encoding="utf-8")
    drawn, expected, errors, svgs = rendered(chromium.dump_dom(path))
    assert (drawn, expected, svgs) == (1, 2, 1) and "chart failed" in errors, (drawn, expected, errors, svgs)


@needs_chromium
def test_anything_fetched_from_the_network_is_seen_by_the_browser_check(page, tmp_path):
    """The browser resolves no host: a page that needed one would show it among its errors."""
    text = page.read_text(encoding="utf-8").replace(
        "</body>", '<script src="https://cdn.example.org/vega.js"></script></body>'
    )
    path = tmp_path / "index.html"
    path.write_text(text, encoding="utf-8")
    _, _, errors, _ = rendered(chromium.dump_dom(path))
    assert "failed to load https://cdn.example.org/vega.js" in errors, errors
