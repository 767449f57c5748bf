"""Issue 25, stored XSS: a raw value that reaches HTML is inert wherever it lands. GX's Data Docs (which
write unexpected values into their pages as they are) run no script and load nothing from outside
hosts; the report's inline data cannot end its <script> (`<!--<script>` in one evidence value once left
the report without a chart). Checked in a real browser where one is installed."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from pipelines.validate.inert_docs import inert_page

import chromium

ATTACK = "<img src=x onerror=\"document.body.setAttribute('data-pwned', 1)\">"
SCRIPT = "<script>document.body.setAttribute('data-pwned', 2)</script>"
needs_chromium = pytest.mark.skipif(chromium.find() is None, reason="chromium not installed")


def with_hostile_unit(project: Path) -> None:
    """A unit named with markup, and a warning-level suite of ours that lists every unit as unexpected."""
    units = project / "raw" / "reference" / "units.csv"
    field = (ATTACK + SCRIPT).replace('"', '""')
    units.write_text(units.read_text(encoding="utf-8") + f'"{field}",yuan,0,hostile\n', encoding="utf-8")
    (project / "checks" / "zz_units.json").write_text(
        json.dumps(
            {
                "name": "zz_units",
                "meta": {"clusterdw": {"table": "staging.stg_units"}},
                "expectations": [
                    {
                        "type": "expect_column_values_to_not_match_regex",
                        "kwargs": {"column": "unit_as_written", "regex": "pwned"},
                        "severity": "warning",
                    }
                ],
            }
        ),
        encoding="utf-8",
    )


@pytest.fixture(scope="module")
def docs(tmp_path_factory) -> Path:
    import shutil

    from click.testing import CliRunner

    from pipelines.cli import main

    from helpers import PROJECT_FOLDERS, REPO

    root = tmp_path_factory.mktemp("docs") / "project"
    for folder in PROJECT_FOLDERS:
        shutil.copytree(REPO / folder, root / folder)
    with_hostile_unit(root)
    docs_dir = root / "target" / "data_docs"
    docs_dir.mkdir(parents=True)
    outside = root.parent / "victim.html"
    outside.write_text("mine", encoding="utf-8")
    (docs_dir / "index.html").symlink_to(outside)  # planted: must be removed, never written through
    result = CliRunner().invoke(main, ["--project-dir", str(root), "run", "--docs"], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert outside.read_text(encoding="utf-8") == "mine"
    return docs_dir


def pages(docs_dir: Path) -> list[Path]:
    return sorted(docs_dir.rglob("*.html"))


def test_the_docs_are_in_place_and_hold_the_value_under_a_policy_that_runs_no_script(docs):
    index = docs / "index.html"
    assert index.is_file() and not index.is_symlink()
    hostile = [p for p in pages(docs) if "onerror=" in p.read_text(encoding="utf-8")]
    assert hostile, "the hostile unit is shown (as GX writes it) on a validation page"
    for page in pages(docs):
        html = page.read_text(encoding="utf-8")
        head = re.search(r"<head\b[^>]*>", html, re.IGNORECASE)
        assert html[head.end() :].startswith(
            "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src 'none';"
        ), page


def test_the_docs_load_nothing_from_outside_hosts(docs):
    for page in pages(docs):
        html = page.read_text(encoding="utf-8")
        assert not re.search(r"<(script|link|img)\b[^>]*(src|href)\s*=\s*[\"']?(https?:)?//", html, re.I), page


@needs_chromium
def test_the_hostile_value_does_not_run_in_a_browser(docs):
    page = next(p for p in pages(docs) if "onerror=" in p.read_text(encoding="utf-8"))
    dom = chromium.dump_dom(page)
    assert "data-pwned" not in dom.split("<body", 1)[1].split(">", 1)[0]
    assert "unit_as_written" in dom  # the page still shows its table


def test_a_page_without_a_head_gets_one():
    assert inert_page("<p>x</p>").startswith('<!DOCTYPE html><html><head><meta http-equiv="Content-Security')


# --- the report's inline data ---------------------------------------------------------------------------


def test_evidence_holding_a_comment_and_script_start_leaves_every_chart(built_project, cli, tmp_path):
    from helpers import edit_figure

    edit_figure(built_project, "002-002", evidence="<!--<script> 每台 10 秒钟的最快节拍")
    assert cli(built_project, "run", "--no-docs").exit_code == 0
    out = tmp_path / "report"
    result = cli(built_project, "report", "--out", str(out))
    assert result.exit_code == 0, result.output
    html = (out / "overview.html").read_text(encoding="utf-8")  # the one-page charts of the site
    specs = re.findall(r'<script type="application/json"[^>]*>(.*?)</script>', html, re.S)
    assert specs and any("\\u003c!--\\u003cscript\\u003e" in spec for spec in specs)
    assert not [spec for spec in specs if "<" in spec or ">" in spec]
    if chromium.find():
        dom = chromium.dump_dom(out / "overview.html")
        assert dom.count("<svg") >= 3, "the charts are drawn"
