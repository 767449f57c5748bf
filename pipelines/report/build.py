"""Build the report site from the published warehouse: query, chart, render, write the folder at once.

The site (site.py) has an index, a page per place, cluster and document, a map, a coverage matrix and a
figure viewer with its data files; overview.html is the one-page report of all charts (series capped at
OVERVIEW_SERIES).
"""

from __future__ import annotations

import logging
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from ..errors import ClusterdwError
from . import charts, data
from .page import Page, Section, render
from .shell import assets
from .site import build_site
from .site_data import SiteData
from .write import refuse_foreign, write_site

log = logging.getLogger(__name__)

MATRIX_YEAR = 2024
SUBJECT = ["city_key", "cluster_key", "enterprise_name", "metric_code", "unit_measure"]  # a series
OVERVIEW_SERIES = 60  # series charts on the one-page overview; each place's page has all of its own
OVERVIEW_TARGETS = 80  # targets on the overview's chart; each place's page has its own
OVERVIEW_DOCUMENTS = 30  # document charts on the overview; each document has its page
# Charts are turned into specs with to_dict(validate=False): the same dict, without re-checking it against
# the Vega-Lite schema on every build (4 s of a report); a spec the schema refuses does not draw, which
# tests/functional/test_report.py sees in headless chromium (every chart drawn, no error).


@cache
def vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script: vl_convert bundles them anew on every call (1.5 to
    2.5 s), the same text for its version, so once per process (a scheduler's, a notebook's, the tests')."""
    import vl_convert

    return vl_convert.javascript_bundle()


def build_report(db_path: Path, out_dir: Path) -> Path:
    """Write the report of the warehouse at `db_path` into `out_dir`; returns the page's path."""
    db_path = Path(db_path).absolute()
    if not db_path.is_file():
        raise ClusterdwError("there is no published warehouse to report on", db_path, "run `clusterdw run` first")
    refuse_foreign(out_dir)
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as error:
        raise ClusterdwError(
            f"cannot open the warehouse read-only: {str(error).splitlines()[0]}",
            db_path,
            "close a DuckDB session that holds it open read-write, then report again",
        ) from error
    try:
        page = _page(con, db_path)
        con.close()
        site_data = SiteData(db_path)
        try:
            site = build_site(site_data, render(page))
        finally:
            site_data.close()
    except duckdb.CatalogException as error:
        raise ClusterdwError(
            f"the warehouse lacks a table the report reads: {str(error).splitlines()[0]}",
            db_path,
            "run `clusterdw run` to publish a complete warehouse",
        ) from error
    finally:
        con.close()
    files = {**assets(vega_bundle()), **site.files}
    folder = write_site(out_dir, files, tuple(sorted({name.split("/")[0] for name in files if "/" in name})))
    log.info(
        "report: %d files, %d of them figures' details, %d charts in %s",
        len(site.files),
        sum(name.startswith("figure/shard-") for name in site.files),
        site.charts + len(page.specs),
        folder,
    )
    return folder / "index.html"


def _page(con, db_path: Path) -> Page:
    n_figures, n_documents = con.execute(
        "select count(*), count(distinct document_id) from marts.int_figures"
    ).fetchone()
    page = Page(
        "Guangxi industrial clusters: all charts on one page",
        f"From {db_path.name}: {n_figures} figures of {n_documents} documents. "
        "Hover a mark for its figure id, evidence and document; "
        "the table beside each chart lists the same rows. Each place, cluster and document has its own "
        "page with filters (index.html).",
    )
    # the short charts first, so the first screen shows one of each kind; the long lists follow
    page.sections += [
        _rd(con, page),
        _targets(con, page),
        _matrix(con, page),
        _series(con, page),
        _documents(con, page),
    ]
    return page


def _series(con, page: Page) -> Section:
    section = Section(
        "series",
        "Series over the years",
        "How did each place's cluster move, year by year, and does the reported growth agree "
        "with the growth its levels imply?",
    )
    levels, rates = data.series(con, OVERVIEW_SERIES), data.growth(con)
    for _, subject in levels.groupby(SUBJECT, sort=False, dropna=False):
        first = subject.iloc[0]
        same_enterprise = (rates["enterprise_name"] == first.enterprise_name) | (
            rates["enterprise_name"].isna() & pd.isna(first.enterprise_name)
        )
        of_subject = rates[
            (rates["city_key"] == first.city_key)
            & (rates["cluster_key"] == first.cluster_key)
            & (rates["rate_of_metric_code"] == first.metric_code)
            & same_enterprise
        ]
        cluster = first.cluster_name if first.cluster_key != "none" else "全部"
        title = f"{first.city_name} · {cluster} · {first.metric_name}"
        table = subject[
            ["figure_id", "year", "value_reported", "unit_as_written", "qualifier", "evidence", "document_id"]
        ]
        if not of_subject.empty:
            table = pd.concat(
                [
                    table,
                    of_subject.assign(
                        value_reported=of_subject["rate_pct"].fillna(of_subject["computed_rate_pct"]),
                        unit_as_written="% (" + of_subject["rate_origin"] + ")",
                        qualifier="",
                        figure_id=of_subject["growth_rate_id"],
                    )[table.columns],
                ]
            )
        section.parts.append(page.chart(charts.series_chart(subject, of_subject, title).to_dict(validate=False), table))
    if not section.parts:
        section.parts.append("<p>No subject has figures for two or more years.</p>")
    return section


def _rd(con, page: Page) -> Section:
    section = Section(
        "rd", "R&D intensity against the nation", "How far is Guangxi's R&D intensity behind the national figure?"
    )
    rd = data.rd_intensity(con)
    if rd.empty:
        section.parts.append("<p>No R&amp;D intensity figure for Guangxi.</p>")
    else:
        table = rd[
            [
                "year",
                "figure_id",
                "rd_intensity_pct",
                "national_figure_id",
                "national_rd_intensity_pct",
                "gap_pct_points",
                "evidence",
                "national_evidence",
                "document_id",
            ]
        ]
        section.parts.append(page.chart(charts.rd_intensity_chart(rd).to_dict(validate=False), table))
    return section


def _targets(con, page: Page) -> Section:
    section = Section(
        "targets",
        "Targets against their latest actual",
        "How far has each target got? A target with no deadline stated is set beside the latest "
        "actual of its subject; it is progress, not a verdict.",
    )
    targets = data.targets(con, OVERVIEW_TARGETS)
    table = targets[
        [
            "target_figure_id",
            "city_name",
            "cluster_name",
            "target_value_reported",
            "target_unit_as_written",
            "target_year",
            "comparison",
            "actual_figure_id",
            "actual_year",
            "actual_value_reported",
            "actual_unit_as_written",
            "achievement_pct",
            "target_evidence",
            "target_document_id",
        ]
    ]
    section.parts.append(page.chart(charts.targets_chart(targets).to_dict(validate=False), table))
    return section


def _matrix(con, page: Page) -> Section:
    section = Section(
        "clusters",
        f"{MATRIX_YEAR} clusters and their cities",
        f"Which cities does each advanced manufacturing cluster of the {MATRIX_YEAR} list span?",
    )
    members = data.cluster_members(con, MATRIX_YEAR)
    if members.empty:
        section.parts.append(f"<p>No cluster recognised in {MATRIX_YEAR}.</p>")
    else:
        table = members[["cluster_name", "cluster_name_en", "city_name", "member_order"]]
        section.parts.append(
            page.chart(charts.cluster_matrix_chart(members, MATRIX_YEAR).to_dict(validate=False), table)
        )
    return section


def _documents(con, page: Page) -> Section:
    section = Section("documents", "Figures by document", "What did each document state, and where exactly?")
    for doc in data.documents(con).head(OVERVIEW_DOCUMENTS).itertuples():
        of_doc = data.figures_of_document(con, doc.document_id, 400)
        if of_doc.empty:
            continue
        heading = f"{doc.document_id} · {doc.document_title} ({doc.published_on or ''}) · {len(of_doc)} figures"
        table = of_doc[
            [
                "figure_id",
                "city_name",
                "cluster_name",
                "metric_code",
                "year",
                "value_reported",
                "unit_as_written",
                "status",
                "qualifier",
                "evidence",
            ]
        ]
        section.parts.append(
            page.chart(
                charts.document_chart(of_doc, doc.document_title).to_dict(validate=False), table, heading=heading
            )
        )
    return section
