"""Build the report from the published warehouse: query, chart, render, write."""

from __future__ import annotations

import logging
from pathlib import Path

import duckdb
import pandas as pd

from ..errors import ClusterdwError
from . import charts, data
from .page import Page, Section, render
from .write import write_site

log = logging.getLogger(__name__)

MATRIX_YEAR = 2024
SUBJECT = ["city_key", "cluster_key", "enterprise_name", "metric_code", "unit_measure"]  # a series


def build_report(db_path: Path, out_dir: Path) -> Path:
    """Write the report of the warehouse at `db_path` into `out_dir`; returns the page's path."""
    import vl_convert

    db_path = Path(db_path).absolute()
    if not db_path.is_file():
        raise ClusterdwError("there is no published warehouse to report on", db_path, "run `clusterdw run` first")
    try:
        con = duckdb.connect(str(db_path), read_only=True)
    except duckdb.Error as error:
        raise ClusterdwError(f"cannot open the warehouse read-only: {str(error).splitlines()[0]}", db_path,
                             "close a DuckDB session that holds it open read-write, then report again") from error
    try:
        page = _page(con, db_path)
    except duckdb.CatalogException as error:
        raise ClusterdwError(f"the warehouse lacks a table the report reads: {str(error).splitlines()[0]}", db_path,
                             "run `clusterdw run` to publish a complete warehouse") from error
    finally:
        con.close()
    site = write_site(out_dir, {"index.html": render(page, vl_convert.javascript_bundle())})
    log.info("report: %d charts in %s", len(page.specs), site / "index.html")
    return site / "index.html"


def _page(con, db_path: Path) -> Page:
    figures = data.figures(con)
    page = Page("Guangxi industrial clusters: what the documents report",
                f"From {db_path.name}: {len(figures)} figures of {figures['document_id'].nunique()} documents. "
                "Hover a mark for its figure id, evidence and document; "
                "the table beside each chart lists the same rows.")
    # the short charts first, so the first screen shows one of each kind; the long lists follow
    page.sections += [_rd(con, page), _targets(con, page), _matrix(con, page), _series(con, page),
                      _documents(con, page, figures)]
    return page


def _series(con, page: Page) -> Section:
    section = Section("series", "Series over the years",
                      "How did each place's cluster move, year by year, and does the reported growth agree "
                      "with the growth its levels imply?")
    levels, rates = data.series(con), data.growth(con)
    for _, subject in levels.groupby(SUBJECT, sort=False, dropna=False):
        first = subject.iloc[0]
        same_enterprise = (rates["enterprise_name"] == first.enterprise_name) | (
            rates["enterprise_name"].isna() & pd.isna(first.enterprise_name))
        of_subject = rates[(rates["city_key"] == first.city_key) & (rates["cluster_key"] == first.cluster_key)
                           & (rates["rate_of_metric_code"] == first.metric_code) & same_enterprise]
        cluster = first.cluster_name if first.cluster_key != "none" else "全部"
        title = f"{first.city_name} · {cluster} · {first.metric_name}"
        table = subject[["figure_id", "year", "value_reported", "unit_as_written", "qualifier", "evidence",
                         "document_id"]]
        if not of_subject.empty:
            table = pd.concat([table, of_subject.assign(
                value_reported=of_subject["rate_pct"].fillna(of_subject["computed_rate_pct"]),
                unit_as_written="% (" + of_subject["rate_origin"] + ")", qualifier="",
                figure_id=of_subject["growth_rate_id"])[table.columns]])
        section.parts.append(page.chart(charts.series_chart(subject, of_subject, title).to_dict(), table))
    if not section.parts:
        section.parts.append("<p>No subject has figures for two or more years.</p>")
    return section


def _rd(con, page: Page) -> Section:
    section = Section("rd", "R&D intensity against the nation",
                      "How far is Guangxi's R&D intensity behind the national figure?")
    rd = data.rd_intensity(con)
    if rd.empty:
        section.parts.append("<p>No R&amp;D intensity figure for Guangxi.</p>")
    else:
        table = rd[["year", "figure_id", "rd_intensity_pct", "national_figure_id", "national_rd_intensity_pct",
                    "gap_pct_points", "evidence", "national_evidence", "document_id"]]
        section.parts.append(page.chart(charts.rd_intensity_chart(rd).to_dict(), table))
    return section


def _targets(con, page: Page) -> Section:
    section = Section("targets", "Targets against their latest actual",
                      "How far has each target got? A target with no deadline stated is set beside the latest "
                      "actual of its subject; it is progress, not a verdict.")
    targets = data.targets(con)
    table = targets[["target_figure_id", "city_name", "cluster_name", "target_value_reported",
                     "target_unit_as_written", "target_year", "comparison", "actual_figure_id", "actual_year",
                     "actual_value_reported", "actual_unit_as_written", "achievement_pct", "target_evidence",
                     "target_document_id"]]
    section.parts.append(page.chart(charts.targets_chart(targets).to_dict(), table))
    return section


def _matrix(con, page: Page) -> Section:
    section = Section("clusters", f"{MATRIX_YEAR} clusters and their cities",
                      f"Which cities does each advanced manufacturing cluster of the {MATRIX_YEAR} list span?")
    members = data.cluster_members(con, MATRIX_YEAR)
    if members.empty:
        section.parts.append(f"<p>No cluster recognised in {MATRIX_YEAR}.</p>")
    else:
        table = members[["cluster_name", "cluster_name_en", "city_name", "member_order"]]
        section.parts.append(page.chart(charts.cluster_matrix_chart(members, MATRIX_YEAR).to_dict(), table))
    return section


def _documents(con, page: Page, figures: pd.DataFrame) -> Section:
    section = Section("documents", "Figures by document", "What did each document state, and where exactly?")
    for doc in data.documents(con).itertuples():
        of_doc = figures[figures["document_id"] == doc.document_id]
        if of_doc.empty:
            continue
        heading = f"{doc.document_id} · {doc.document_title} ({doc.published_on or ''}) · {len(of_doc)} figures"
        table = of_doc[["figure_id", "city_name", "cluster_name", "metric_code", "year", "value_reported",
                        "unit_as_written", "status", "qualifier", "evidence"]]
        section.parts.append(page.chart(charts.document_chart(of_doc, doc.document_title).to_dict(), table,
                                        heading=heading))
    return section
