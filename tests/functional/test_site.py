"""The report site: an index, a page per place, cluster, document and figure, a map, a coverage matrix;
filters in the URL, drill-down to figures, nothing fetched from outside the folder. Static checks on the
written files, then the pages driven in Debian's chromium (headless) through chromedriver."""

from __future__ import annotations

import json
import re
import shutil
from html import unescape
from pathlib import Path
from urllib.parse import quote, unquote

import duckdb
import pandas as pd
import pytest

from pipelines.report import build_report
from pipelines.report import site as site_module
from pipelines.report.shell import script_json
from pipelines.report.site_data import SiteData

import chromium
from helpers import edit_figure, line_of

PAGE_DATA = re.compile(r'<script type="application/json" id="page-data">(.*?)</script>', re.S)


@pytest.fixture(scope="module")
def site(report_once) -> Path:
    return report_once


def page_data(path: Path) -> dict:
    return json.loads(PAGE_DATA.search(path.read_text(encoding="utf-8")).group(1))


def count(built: Path, sql: str) -> int:
    with duckdb.connect(str(built / "target" / "warehouse.duckdb"), read_only=True) as con:
        return con.execute(sql).fetchone()[0]


def pages(site: Path) -> list[Path]:
    return sorted(site.rglob("*.html"))


def shard_files(site: Path) -> dict[int, dict[str, str]]:
    """figure/shard-N.js: N -> {figure id: its details as HTML}."""
    found = {}
    for path in (site / "figure").glob("shard-*.js"):
        number = int(path.stem.split("-")[1])
        text = path.read_text(encoding="utf-8")
        prefix = f"clusterdwFigures({number}, "
        assert text.startswith(prefix) and text.endswith(");\n"), path
        found[number] = json.loads(text[len(prefix) : -3])
    return found


def figure_details(site: Path, figure_id: str) -> str:
    """The details the viewer shows for figure_id, from the data file its hash names."""
    viewer = (site / "figure" / "index.html").read_text(encoding="utf-8")
    shards = json.loads(re.search(r'id="figure-shards">(.*?)</script>', viewer).group(1))["shards"]
    return shard_files(site)[site_module.shard_of(figure_id, shards)][figure_id]


def leads_to_figure(site: Path, page_folder: Path, href: str) -> bool:
    """A link to the viewer whose figure has details in the site."""
    path, _, figure_id = href.partition("#")
    return (page_folder / path).resolve() == (site / "figure" / "index.html").resolve() and bool(
        figure_details(site, unquote(figure_id))
    )


# --- the files -----------------------------------------------------------------------------------------
def test_every_page_links_only_files_inside_the_folder_and_shares_one_vega_file(site):
    vega = site / "assets" / "vega.js"
    assert vega.stat().st_size > 500_000  # the bundle, once
    bundle_start = vega.read_text(encoding="utf-8")[:300]
    all_pages = pages(site)
    assert len(all_pages) > 100  # index, map, coverage, clusters, overview, places, clusters, documents, figures
    for page in all_pages:
        text = page.read_text(encoding="utf-8")
        assert bundle_start not in text and len(text) < 2_000_000, page  # no bundle inlined
        targets = re.findall(r'(?:src|href)="([^"]*)"', text)
        for target in (t for t in targets if not t.startswith("#")):  # an anchor of the page itself
            assert not re.match(r"[a-z]+:", target), (page, target)  # relative only: no http:, no file:
            linked = (page.parent / target.split("#")[0]).resolve()
            assert linked.is_file() and site.resolve() in linked.parents, (page, target)
        assert not re.search(r"@import|url\(", text), page


def test_figure_details_are_in_a_few_data_files_and_link_only_inside_the_folder(site):
    shards = shard_files(site)
    details = {figure_id: html for of_shard in shards.values() for figure_id, html in of_shard.items()}
    assert len(shards) == -(-len(details) // site_module.FIGURES_PER_SHARD)  # a file per 500 figures, not per figure
    assert [p.name for p in (site / "figure").glob("*.html")] == ["index.html"]
    for figure_id, html in details.items():
        assert "<script" not in html, figure_id
        for target in re.findall(r'href="([^"]*)"', html):
            assert not re.match(r"[a-z]+:", target), (figure_id, target)
            path, _, other = target.partition("#")
            linked = (site / "figure" / path).resolve()
            assert linked.is_file() and site.resolve() in linked.parents, (figure_id, target)
            assert path != "index.html" or unquote(other) in details, (figure_id, target)  # another figure: in the site


def test_the_index_shows_the_warehouse_at_a_glance_and_its_last_publish(site, built):
    text = (site / "index.html").read_text(encoding="utf-8")
    with duckdb.connect(str(built / "target" / "warehouse.duckdb"), read_only=True) as con:
        figures, documents = con.execute(
            "select count(*), count(distinct document_id) from marts.int_figures"
        ).fetchone()
        (run_id,) = con.execute(
            "select run_id from meta.runs where status = 'success' order by started_at desc"
        ).fetchone()
        checks, passed = con.execute(
            "select count(*), count(*) filter (where success) from meta.expectation_results where run_id = ?", [run_id]
        ).fetchone()
    assert f"<b>{figures:,}</b>figures" in text and f"<b>{documents}</b>documents" in text
    assert run_id in text and f"{passed:,} of {checks:,} expectations passed" in text
    tables = {t["id"]: t for t in page_data(site / "index.html")["tables"]}
    assert {r["city_name_href"] for r in tables["t-places"]["rows"]} >= {"city/liuzhou.html", "city/guangxi.html"}


MISSING_SHOWN = re.compile(r"\b(?:nan|NaN|None|NaT)\b|<NA>")


def test_no_page_or_data_file_shows_a_missing_value_as_nan_or_none(site):
    """The project has documents with no publisher, places with no admin code and a growth rate of no
    catalogue metric: each shows as "not stated", nothing or what grows, never pandas' NaN as text."""
    shown = {}
    for path in sorted(site.rglob("*")):
        if path.suffix in (".html", ".js") and "assets" not in path.relative_to(site).parts:
            text = unescape(path.read_text(encoding="utf-8").replace("\\u003c", "<").replace("\\u003e", ">"))
            found = {m.group(0) for m in MISSING_SHOWN.finditer(text)}
            if found:
                shown[str(path.relative_to(site))] = found
    assert not shown, shown


def test_dates_are_shown_at_the_precision_they_have(site):
    rows = {r["document_id"]: r["published"] for r in page_data(site / "index.html")["tables"][2]["rows"]}
    assert rows["000_35157f1fbdb36fec"] == "2026-02" and rows["002_f8316eb84ec5ff3b"] == "2021"
    assert rows["003_366fcfc982ca9ab6"] == "2025-07-28"
    assert "2026-02-01" not in (site / "index.html").read_text(encoding="utf-8")


def test_a_figure_page_says_where_the_number_comes_from(site, built):
    path = built / "raw" / "figures" / "002_f8316eb84ec5ff3b.csv"
    text = figure_details(site, "002-007")
    for expected in (
        "<b>18.7</b>",
        "万辆",
        "exact",
        "新能源汽车产量 18.7 万辆",
        "2021",
        f"raw/figures/002_f8316eb84ec5ff3b.csv, line {line_of(path, '002-007')}",
        "../city/liuzhou.html",
        "../document/002_f8316eb84ec5ff3b.html",
    ):
        assert expected in text, expected
    assert "no fact-grain mart" not in text and "Other documents reporting the same fact" in text


def test_every_chart_row_and_table_row_links_to_its_figure_page(site, built):
    liuzhou = page_data(site / "city" / "liuzhou.html")
    figures = liuzhou["tables"][0]["rows"]
    expected = min(
        site_module.ROW_CAP, count(built, "select count(*) from marts.int_figures where city_key = 'liuzhou'")
    )
    assert len(figures) == expected and all(leads_to_figure(site, site / "city", r["figure_id_href"]) for r in figures)
    for chart in liuzhou["charts"]:
        spec_text = json.dumps(chart["spec"])
        assert '"href": {"field": "href"' in spec_text, chart["spec"]["title"]
        for rows in chart["spec"]["datasets"].values():
            for row in rows:
                if "href" in row:
                    assert leads_to_figure(site, site / "city", row["href"]), row["href"]


def test_honest_charts_years_on_the_axis_and_no_line_across_bounds(site):
    levels = next(
        c["spec"]
        for c in page_data(site / "city" / "liuzhou.html")["charts"]
        if c["spec"]["title"] == "reported levels"
    )
    line, points = levels["spec"]["layer"]
    assert line["transform"] == [{"filter": "datum.value_class === 'value'"}]  # bounds and tiers: points only
    x = points["encoding"]["x"]
    years = [r["year"] for r in levels["datasets"]["levels"]]
    assert x["type"] == "quantitative" and x["axis"]["values"] == list(range(min(years), max(years) + 1))  # every year
    nev = [
        r for r in levels["datasets"]["levels"] if r["metric"] == "vehicle production" and r["cluster"] == "新能源汽车"
    ]
    assert {(r["year"], r["figure_id"]) for r in nev} >= {(2020, "002-007"), (2024, "003-014")}
    assert all(
        r["value_class"] != "value" for r in levels["datasets"]["levels"] if r["qualifier"] in ("more_than", "at_least")
    )


def test_the_targets_chart_shows_each_target_value_and_grows_with_the_targets(site):
    targets = max(
        (
            c["spec"]
            for page in (site / "city").glob("*.html")
            for c in page_data(page)["charts"]
            if c["spec"]["title"] == "targets"
        ),
        key=lambda spec: len(spec["datasets"]["targets"]),
    )
    rows = targets["datasets"]["targets"]
    assert len(rows) >= 10 and targets["height"] == {"step": 22}  # a row per target, however many
    assert all(" → " in r["label"] and r["target_as_written"] in r["label"] for r in rows)
    assert any(r["reading"].startswith("no actual of ") for r in rows)


def test_the_map_has_a_tile_per_prefecture_city_keyed_by_admin_code(site):
    data = page_data(site / "map.html")
    tiles = data["charts"][0]["spec"]["datasets"]["tiles"]
    assert len(tiles) == 14 and len({(t["col"], t["row"]) for t in tiles}) == 14
    assert {t["admin_code"] for t in tiles} == {f"45{n:02d}00" for n in range(1, 15)}
    assert {t["href"] for t in tiles} >= {"city/liuzhou.html", "city/nanning.html"}
    assert data["defaults"]["metric"] and data["defaults"]["period"]


def test_the_coverage_matrix_counts_figures_per_city_cluster_and_year(site, built):
    rows = page_data(site / "coverage.html")["tables"][0]["rows"]
    with duckdb.connect(str(built / "target" / "warehouse.duckdb"), read_only=True) as con:
        (expected,) = con.execute(
            "select count(*) from marts.int_figures where city_key = 'liuzhou' "
            "and cluster_key = 'new_energy_vehicles' and year = 2024"
        ).fetchone()
    assert (
        sum(
            r["figures"]
            for r in rows
            if r["place"] == "柳州市" and r["cluster"] == "新能源汽车" and r["period"] == "2024"
        )
        == expected
        > 0
    )
    assert sum(r["figures"] for r in rows) == count(built, "select count(*) from marts.int_figures")


def test_a_page_embeds_at_most_the_cap_and_says_how_many_are_left_out(built, tmp_path, monkeypatch):
    monkeypatch.setattr(site_module, "ROW_CAP", 5)
    folder = build_report(built / "target" / "warehouse.duckdb", tmp_path / "report").parent
    guangxi = folder / "city" / "guangxi.html"
    total = count(built, "select count(*) from marts.int_figures where city_key = 'guangxi'")
    assert len(page_data(guangxi)["tables"][0]["rows"]) == 5
    assert f"embeds the first 5 of {total:,} figures" in guangxi.read_text(encoding="utf-8")


def test_pages_fetched_together_get_what_their_own_query_gives_and_no_more_than_the_cap(built):
    """A batch of pages is one query (PAGE_BATCH of them at once), yet each page's rows, their order,
    types and count are those of the page's own capped query; the batch's frame holds at most keys x cap."""
    data = SiteData(built / "target" / "warehouse.duckdb")
    frames: list[int] = []
    frame = data.frame
    data.frame = lambda sql, params=None: frames.append(len(rows := frame(sql, params))) or rows
    try:
        keys = [k for (k,) in data.con.execute("select distinct city_key from site_figures order by 1").fetchall()]
        batch = data.figures_of("city_key", keys, 3)
        assert max(frames) <= 3 * len(keys) and max(frames) < count(built, "select count(*) from marts.int_figures")
        for key in keys:
            rows, total = batch[key]
            own = frame(
                "select * from site_figures where city_key = ? order by status, metric_kind not in "
                "('level', 'count'), city_key, cluster_key, metric_code, enterprise_name nulls first, year, "
                "figure_id limit 3",
                [key],
            )
            pd.testing.assert_frame_equal(rows, own)
            assert total == count(built, f"select count(*) from marts.int_figures where city_key = '{key}'")
    finally:
        data.close()


def test_script_json_keeps_markup_in_values_as_text():
    hostile = {"evidence": "</script><!--<script>alert(1)</script> & 18.7"}
    text = script_json(hostile)
    assert "<" not in text and ">" not in text and "&" not in text
    assert json.loads(text) == hostile


def test_hostile_evidence_stays_text_on_every_page(project, cli, tmp_path):
    evil = "</script><!--<script>新能源汽车产量 18.7 万辆"  # within the evidence's 40 characters
    edit_figure(project, "002-007", evidence=evil)
    assert cli(project, "run", "--no-docs").exit_code == 0
    folder = build_report(project / "target" / "warehouse.duckdb", tmp_path / "report").parent
    for page in pages(folder):
        assert "<!--<script>" not in page.read_text(encoding="utf-8"), page
    figures = page_data(folder / "city" / "liuzhou.html")["tables"][0]["rows"]
    assert next(r for r in figures if r["figure_id"] == "002-007")["evidence"] == evil
    if chromium.find() and shutil.which("chromedriver"):
        with browser_session() as driver:
            load(driver, folder / "city" / "liuzhou.html")
            assert errors(driver) == "" and evil in driver.find_element("id", "t-figures").text


# --- facts (marts.fct_facts, marts.bridge_fact_figure), where the warehouse has them --------------------
def add_facts(db: Path) -> None:
    """The fact-grain interface of the data-model issue, planted in place of the built tables: one fact
    reported by two documents, in conflict (the real data has none reported twice yet)."""
    with duckdb.connect(str(db)) as con:
        con.execute("""create or replace table marts.fct_facts as select 'f-nev-2024' as fact_key, 'liuzhou' as city_key,
            'new_energy_vehicles' as cluster_key, null::varchar as enterprise, null::varchar as subject,
            'production_vehicles' as metric_code, null::varchar as rate_of_metric_code, 'year' as period_kind,
            2024 as period_start_year, null::integer as period_start_month, 2024 as period_end_year,
            null::integer as period_end_month, 'actual' as status, '003-014' as chosen_figure_id,
            77.6::decimal(18,4) as value_reported, '万辆' as unit_as_written, 776000 as value_in_base_unit,
            'exact' as qualifier, '003-014,002-007' as figure_ids, 2 as n_sources, 2 as n_figures,
            true as is_conflict, '002-007' as conflicting_figure_ids, 'latest published' as choice_rule""")
        con.execute("""create or replace table marts.bridge_fact_figure as select * from (values
            ('f-nev-2024', '003-014', '003_366fcfc982ca9ab6', true, true),
            ('f-nev-2024', '002-007', '002_f8316eb84ec5ff3b', false, true))
            as t(fact_key, figure_id, document_id, is_chosen, is_in_conflict)""")


def test_facts_and_the_other_documents_of_a_fact_show_where_the_warehouse_has_them(built, tmp_path):
    db = tmp_path / "warehouse.duckdb"
    shutil.copy(built / "target" / "warehouse.duckdb", db)
    add_facts(db)
    folder = build_report(db, tmp_path / "report").parent
    facts = next(t for t in page_data(folder / "city" / "liuzhou.html")["tables"] if t["id"] == "t-facts")["rows"]
    assert [(r["fact_key"], r["chosen_figure_id"], r["conflict"], r["n_sources"]) for r in facts] == [
        ("f-nev-2024", "003-014", "conflict", 2)
    ]
    figure = figure_details(folder, "003-014")
    assert "index.html#002-007" in figure and figure_details(folder, "002-007")
    assert "002_f8316eb84ec5ff3b" in figure and "in conflict" in figure
    assert "no fact-grain mart" not in figure


# --- in Debian's chromium, through chromedriver ---------------------------------------------------------
needs_browser = pytest.mark.skipif(
    chromium.find() is None or shutil.which("chromedriver") is None,
    reason="chromium or chromedriver not installed (apt-get install -y chromium chromium-driver; .ci/run tries)",
)


class browser_session:
    """A headless chromium driven by Debian's chromedriver (no driver fetched); no host resolves."""

    def __enter__(self):
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service

        options = webdriver.ChromeOptions()
        for flag in chromium.FLAGS:
            if not flag.startswith("--virtual-time-budget"):
                options.add_argument(flag)
        options.add_argument("--window-size=1400,1000")
        # chromium drops a page's navigations past 200 in 10 s (its IPC flooding protection): a test that
        # walks every figure's address in the page makes more
        options.add_argument("--disable-ipc-flooding-protection")
        options.binary_location = chromium.find()
        self.driver = webdriver.Chrome(service=Service(shutil.which("chromedriver")), options=options)
        return self.driver

    def __exit__(self, *exc):
        self.driver.quit()


def load(driver, page: Path, fragment: str = "") -> None:
    from selenium.webdriver.support.ui import WebDriverWait

    if fragment:  # a new hash alone is a same-document navigation: leave the page so this one loads anew
        driver.get("about:blank")  # (a refresh right after get raced the page's own hash update under load)
    driver.get(page.absolute().as_uri() + fragment)
    WebDriverWait(driver, 60).until(
        lambda d: d.execute_script(
            "return document.readyState === 'complete' && (!document.getElementById('page-data') "
            "|| (document.body.dataset.chartsRendered || '') !== '')"
        )
    )


def errors(driver) -> str:
    return driver.find_element("id", "report-errors").get_attribute("textContent")


def outside_requests(driver) -> list[str]:
    return driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name)"
        ".filter(n => !n.startsWith('file:') && !n.startsWith('blob:'))"
    )


def rows_shown(driver, table_id: str = "t-figures") -> int:
    return int(driver.find_element("css selector", f"#{table_id} table").get_attribute("data-rows-shown"))


@needs_browser
def test_every_page_loads_draws_every_chart_and_fetches_nothing_outside(site):
    with browser_session() as driver:
        for page in pages(site):
            load(driver, page)
            assert errors(driver) == "", (page, errors(driver))
            assert outside_requests(driver) == [], page
            body = driver.find_element("tag name", "body")
            expected = len(page_data(page)["charts"]) if "page-data" in page.read_text(encoding="utf-8") else 0
            if page.name != "overview.html" and expected:
                assert body.get_attribute("data-charts-rendered") == str(expected), page
                assert len(driver.find_elements("css selector", ".chart svg.marks")) == expected, page
            if page.name == "overview.html":
                drawn = body.get_attribute("data-charts-rendered")
                assert drawn == body.get_attribute("data-charts-expected") and int(drawn) >= 9


@needs_browser
def test_a_request_outside_the_folder_is_seen(site, tmp_path):
    """The check above can fail: a page that loads a script from a host shows it among its errors."""
    copy = tmp_path / "report"
    shutil.copytree(site, copy)
    page = copy / "map.html"
    page.write_text(
        page.read_text(encoding="utf-8").replace(
            "</body>", '<script src="https://cdn.example.org/vega.js"></script></body>'
        ),
        encoding="utf-8",
    )
    with browser_session() as driver:
        load(driver, page)
        assert "failed to load https://cdn.example.org/vega.js" in errors(driver)


@needs_browser
def test_a_filter_changes_charts_and_table_together_and_stays_in_the_url(site):
    from selenium.webdriver.support.ui import Select, WebDriverWait

    page = site / "city" / "liuzhou.html"
    with browser_session() as driver:
        load(driver, page)
        everything = rows_shown(driver)
        Select(driver.find_element("id", "filter-period")).select_by_value("2024")
        WebDriverWait(driver, 30).until(lambda d: rows_shown(d) < everything)
        WebDriverWait(driver, 30).until(
            lambda d: d.find_element("tag name", "body").get_attribute("data-charts-rendered") not in ("", None)
        )
        assert "period=2024" in driver.current_url
        periods = {td.text for td in driver.find_elements("css selector", "#t-figures tbody tr td:nth-child(6)")}
        assert periods and all(p.startswith("2024") for p in periods), periods
        in_2024 = rows_shown(driver)
        assert 0 < in_2024 == sum(r["period"] == "2024" for r in page_data(page)["tables"][0]["rows"])
        # the growth chart kept only 2024's bars (2020's reported growth is gone with the filter)
        growth = next(c for c in page_data(page)["charts"] if c["spec"]["title"].startswith("growth"))
        bars = driver.execute_script(f"return document.querySelectorAll('#{growth['id']} .mark-rect path').length")
        assert (
            bars
            == sum(r["period"] == "2024" for r in growth["spec"]["datasets"]["growth"])
            < len(growth["spec"]["datasets"]["growth"])
        ), bars
        load(driver, page, "#period=2024&status=actual")  # a linked view opens filtered
        assert rows_shown(driver) == in_2024 and errors(driver) == ""
        assert Select(driver.find_element("id", "filter-status")).first_selected_option.text == "actual"


@needs_browser
def test_a_table_sorts_and_downloads_as_csv_with_human_headers(site):
    from selenium.webdriver.support.ui import WebDriverWait

    with browser_session() as driver:
        load(driver, site / "city" / "liuzhou.html")
        driver.find_element("css selector", '#t-figures th[data-key="value_reported"]').click()
        n = len(page_data(site / "city" / "liuzhou.html")["tables"][0]["rows"])
        values = [float(td.text) for td in driver.find_elements("css selector", "#t-figures tbody td:nth-child(8)")]
        assert values == sorted(values) and len(values) == n
        driver.execute_script("window.__csv = null; URL.createObjectURL = b => { window.__csv = b; return '#'; };")
        driver.find_element("css selector", "#t-figures button.csv").click()
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return window.__csv !== null"))
        csv = driver.execute_async_script("window.__csv.text().then(arguments[arguments.length - 1]);")
        lines = csv.lstrip("\ufeff").splitlines()
        assert lines[0].startswith("figure,place,cluster,enterprise,metric,period,status,value as written,unit")
        assert len(lines) == n + 1


@needs_browser
def test_a_drill_down_link_leads_to_the_figure_page(site):
    with browser_session() as driver:
        load(
            driver,
            site / "city" / "liuzhou.html",
            f"#cluster={quote('新能源汽车')}&metric={quote('vehicle production')}&period=2020",
        )
        link = driver.find_element("css selector", "#t-figures tbody tr td a")
        assert link.text == "002-007"
        link.click()
        assert driver.current_url.endswith("/figure/index.html#002-007")
        shown(driver, "002-007")
        assert driver.find_element("tag name", "h1").text == "Figure 002-007"
        assert "新能源汽车产量 18.7 万辆" in driver.find_element("css selector", ".evidence").text
        driver.find_element("link text", "柳州市").click()  # and back up to the city
        assert driver.current_url.endswith("/city/liuzhou.html") and errors(driver) == ""


def shown(driver, figure_id: str) -> None:
    """Wait until the viewer has drawn figure_id (its data file read)."""
    from selenium.webdriver.support.ui import WebDriverWait

    WebDriverWait(driver, 30).until(
        lambda d: d.find_element("id", "figure").get_attribute("data-shown") == figure_id or errors(d)
    )
    assert errors(driver) == "" and driver.find_element("id", "figure").get_attribute("data-shown") == figure_id


# Each [figure id, its address's hash] in turn: set the hash, wait until the viewer has drawn that figure (its
# data file read) or reported an error, then read what the page shows: [data-shown, the h1's text, details?]
VIEW_EACH = """
const [pairs, done] = [arguments[0], arguments[arguments.length - 1]];
const figure = document.getElementById('figure'), errors = document.getElementById('report-errors');
(async () => {
  const seen = [];
  for (const [id, hash] of pairs) {
    location.hash = hash;
    const start = Date.now();
    while (figure.dataset.shown !== id && !errors.textContent && Date.now() - start < 30000) {
      await new Promise((resolve) => setTimeout(resolve, 2));
    }
    seen.push([figure.dataset.shown || '', document.querySelector('h1').innerText,
               figure.querySelector('dl.figure') !== null]);
    if (figure.dataset.shown !== id) break;  // not drawn in 30 s: the test fails here, not after every id
  }
  done(seen);
})();
"""


@needs_browser
def test_the_viewer_shows_every_figure_a_page_links_to_and_follows_the_address(site):
    """Each figure's details, read from the data file named by the hash figure.js computes (the same as
    site.py's: a figure in another file would show as missing); a new #id in the address redraws."""
    details = {figure_id: html for of_shard in shard_files(site).values() for figure_id, html in of_shard.items()}
    with browser_session() as driver:
        load(driver, site / "figure" / "index.html", "#" + quote(sorted(details)[0], safe=""))
        driver.set_script_timeout(600)
        # every address in turn inside the page, as a reader's new #id would: one round trip, not four a figure
        seen = driver.execute_async_script(VIEW_EACH, [[f, quote(f, safe="")] for f in sorted(details)])
        assert errors(driver) == ""
        for figure_id, (shown_id, heading, has_details) in zip(sorted(details), seen):
            assert shown_id == figure_id, (figure_id, shown_id)
            assert heading == f"Figure {figure_id}"
            assert has_details, figure_id
        assert len(seen) == len(details)
        driver.execute_script("location.hash = 'no-such-figure'")
        shown(driver, "no-such-figure")
        assert "has no details in this site" in driver.find_element("id", "figure").text
