"""`clusterdw docs --html`: every model and column with description, tests and raw lineage, the graph drawn,
offline, and the search filter seen to work in headless chromium."""

from __future__ import annotations

import re
import subprocess
import tempfile
from pathlib import Path

import pytest

from pipelines.docs.catalog import build_catalog
from pipelines.docs.lineage import trace
from pipelines.models.builder import load_graph
from pipelines.project import Project

import chromium
from helpers import PROJECT_FOLDERS, REPO


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> tuple[Path, Path]:
    import shutil

    from click.testing import CliRunner

    from pipelines.cli import main

    project = tmp_path_factory.mktemp("site") / "project"
    for folder in PROJECT_FOLDERS:
        shutil.copytree(REPO / folder, project / folder)
    out = project / "site"
    result = CliRunner().invoke(
        main, ["--project-dir", str(project), "docs", "--html", "--out", str(out)], catch_exceptions=False
    )
    assert result.exit_code == 0, result.output
    page = out / "index.html"
    assert f"Docs: {page}" in result.output
    return project, page


def test_every_model_and_column_is_on_the_page_with_its_tests_and_raw_lineage(site):
    project, page = site
    text = page.read_text(encoding="utf-8")
    catalog = build_catalog(Project.at(project, None))
    sections = dict(re.findall(r'<section class="model" id="([^"]+)"(.*?)</section>', text, re.S))
    assert set(sections) == set(catalog.models)
    for name, entry in catalog.models.items():
        for column in entry.columns:
            assert f"<code>{column.name}</code>" in sections[name], (name, column.name)
        if entry.grain:
            assert "Grain:" in sections[name], name
    growth = sections["marts.fct_growth_rates"]
    assert "relationships (to: marts.dim_city, field: city_key, required: True)" in growth
    assert "growth_from_two_levels" in growth  # its unit tests are listed
    row = re.search(r"<code>computed_rate_pct</code>.*?</tr>", growth, re.S).group(0)
    expected = trace(load_graph(project), "marts.fct_growth_rates.computed_rate_pct").raw_columns()
    assert expected and all(raw in row for raw in expected)


def test_the_graph_draws_every_table_and_edge_and_the_page_needs_no_network(site):
    project, page = site
    text = page.read_text(encoding="utf-8")
    catalog = build_catalog(Project.at(project, None))
    svg = re.search(r'<svg id="graph".*?</svg>', text, re.S).group(0)
    assert set(re.findall(r'<g class="node" data-name="([^"]+)"', svg)) == set(catalog.models) | set(catalog.sources)
    assert set(re.findall(r'data-from="([^"]+)" data-to="([^"]+)"', svg)) == set(catalog.edges)
    outside = [url for url in re.findall(r"https?://[^\s\"'<>]+", text) if url != "http://www.w3.org/2000/svg"]
    assert outside == []


needs_chromium = pytest.mark.skipif(chromium.find() is None, reason="chromium not installed")


def dump(page: Path, query: str) -> str:
    with tempfile.TemporaryDirectory(prefix="clusterdw-chromium-") as profile:
        return subprocess.run(
            [
                chromium.find(),
                *chromium.FLAGS,
                f"--user-data-dir={profile}",
                "--dump-dom",
                page.absolute().as_uri() + query,
            ],
            capture_output=True,
            text=True,
            timeout=120,
            check=True,
        ).stdout


@needs_chromium
def test_the_search_filters_models_in_headless_chromium(site):
    project, page = site
    text = page.read_text(encoding="utf-8").lower()
    total = len(re.findall(r'<section class="model"', text))
    # models whose own text or any column's text holds the word (what the filter keeps)
    matching = sum(
        1
        for body in re.findall(r'<section class="model"(.*?)</section>', text, re.S)
        if "implied_previous" in re.sub(r"<[^>]+>", " ", body) or "implied_previous" in body
    )
    everything = dump(page, "")
    assert f'data-visible-models="{total}"' in everything
    assert re.search(r'<pre id="docs-errors"></pre>', everything)
    filtered = dump(page, "?q=implied_previous")
    assert 0 < matching < total
    assert f'data-visible-models="{matching}"' in filtered, re.search(r"data-visible-models=\"\d+\"", filtered)
    assert f"{matching} of {total} models" in filtered
    assert re.search(r'<pre id="docs-errors"></pre>', filtered)
