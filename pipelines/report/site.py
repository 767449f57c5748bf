"""The site: an index, a page per place, cluster and document, a map, a coverage matrix, and a page per
figure that any page links to. Pages are strings here; write.py puts the folder in place at once.

A page embeds at most ROW_CAP figures (and as many targets, facts, growth rows): the first by status,
series and year, with the count of the rest and where to get them (the Parquet export). Every figure some
page links to (and the other figures of its fact) has its details in the site, but not a page of its own:
figure/index.html#ID shows them, read from one of a few data files (figure/shard-N.js, FIGURES_PER_SHARD
figures each, the shard chosen by a hash of the id). At 1M figures: 955 files of 1 GB, of them 604 data
files of 301,611 figures' details, where a page per figure made about 302,000 (benchmarks/RESULTS.md).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass, field
from urllib.parse import quote

import pandas as pd

from . import site_charts as charts
from .shell import ASSETS, FIGURE_JS, esc, link, page, script_json, table
from .site_data import SiteData
from .tilegrid import TILES

log = logging.getLogger(__name__)

FIGURES_PER_SHARD = 500  # figure details per data file the figure viewer loads (about 1 MB)
ROW_CAP = 400  # figures (and targets, facts, growth rows) a page embeds at most
PAGE_BATCH = 32  # pages whose rows one query fetches: at most PAGE_BATCH x ROW_CAP rows in hand at once
COVERAGE_CAP = 10_000  # city x cluster x year x status cells the coverage page embeds: the latest years first
MEMBERS_YEAR = 2024
FILTERS = [
    {"key": "place", "label": "place"},
    {"key": "cluster", "label": "cluster"},
    {"key": "metric", "label": "metric"},
    {"key": "period", "label": "period (year)", "numeric": True},
    {"key": "status", "label": "actual / target"},
]
FIGURE_COLUMNS = [
    ("figure_id", "figure"),
    ("place", "place"),
    ("cluster", "cluster"),
    ("enterprise_name", "enterprise"),
    ("metric", "metric"),
    ("period_text", "period"),
    ("status", "status"),
    ("value_reported", "value as written"),
    ("unit_as_written", "unit"),
    ("qualifier", "qualifier"),
    ("evidence", "evidence"),
    ("document_id", "document"),
]
_UNSAFE = re.compile(r"[^A-Za-z0-9_.-]")


def slug(key) -> str:
    """A file name for a key (city, cluster, document, figure); keys are slugs already, this keeps them so."""
    text = _UNSAFE.sub("_", str(key))
    return text if text and not text.startswith(".") else f"_{text}"


def figure_href(figure_id: str, depth: int = 1) -> str:
    return f"{'../' * depth}figure/index.html#{quote(str(figure_id), safe='')}"


def shard_of(figure_id: str, shards: int) -> int:
    """The data file a figure's details are in: FNV-1a (32 bits) of the id's UTF-8, as figure.js computes it."""
    h = 0x811C9DC5
    for byte in str(figure_id).encode("utf-8"):
        h = ((h ^ byte) * 0x01000193) & 0xFFFFFFFF
    return h % shards


def date_text(value, precision) -> str:
    """A date at the precision it has: 2026-02, not 2026-02-01 00:00:00."""
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return ""
    text = str(value)[:10]
    return {"year": text[:4], "month": text[:7]}.get(precision or "day", text)


def period_text(row) -> str:
    def at(year, month) -> str:
        if year is None or pd.isna(year):
            return "?"
        return f"{int(year)}-{int(month):02d}" if month is not None and not pd.isna(month) else str(int(year))

    start = at(row.get("period_start_year"), row.get("period_start_month"))
    end = at(row.get("period_end_year"), row.get("period_end_month"))
    if end == "?" and row.get("year") is not None and not pd.isna(row.get("year")):
        start = end = f"{int(row['year'])} (year inferred)"  # the document gave no year; the model inferred it
    span = end if start == end or start == "?" else f"{start} – {end}"
    kind = row.get("period_kind")
    return span if kind == "year" else f"{span} ({kind})" if kind else span


PERIOD_COLUMNS = (
    "period_kind",
    "period_start_year",
    "period_start_month",
    "period_end_year",
    "period_end_month",
    "year",
)


def _period_texts(rows: pd.DataFrame) -> list[str]:
    """period_text of each row, reading only the columns it reads (a page's rows are 40 columns wide)."""
    return [period_text(r) for r in rows[[c for c in PERIOD_COLUMNS if c in rows.columns]].to_dict("records")]


@dataclass
class Site:
    files: dict[str, str] = field(default_factory=dict)
    linked: set[str] = field(default_factory=set)  # figure ids some page links to
    charts: int = 0


def build_site(data: SiteData, overview_html: str | None) -> Site:
    site = Site()
    places, clusters, documents = data.places(), data.clusters(), data.documents()
    for batch in _batches(list(places.itertuples(index=False))):
        pages = _SubjectRows.fetch(data, "city_key", [place.city_key for place in batch])
        for place in batch:
            site.files[f"city/{slug(place.city_key)}.html"] = _subject_page(
                site,
                data,
                pages[place.city_key],
                place.city_key,
                f"{place.city_name}" + (f" ({place.admin_code})" if place.admin_code else ""),
                documents,
            )
    for batch in _batches(list(clusters.itertuples(index=False))):
        pages = _SubjectRows.fetch(data, "cluster_key", [cluster.cluster_key for cluster in batch])
        for cluster in batch:
            site.files[f"cluster/{slug(cluster.cluster_key)}.html"] = _subject_page(
                site, data, pages[cluster.cluster_key], cluster.cluster_key, cluster.cluster_name, documents
            )
    for batch in _batches(list(documents.itertuples(index=False))):
        figures = data.figures_of("document_id", [doc.document_id for doc in batch], ROW_CAP)
        for doc in batch:
            site.files[f"document/{slug(doc.document_id)}.html"] = _document_page(site, *figures[doc.document_id], doc)
    site.files["map.html"] = _map_page(site, data)
    site.files["coverage.html"] = _coverage_page(site, data, places)
    site.files["clusters.html"] = _clusters_page(site, data, clusters)
    site.files["index.html"] = _index_page(site, data, places, clusters, documents)
    _figure_pages(site, data)
    if overview_html is not None:
        site.files["overview.html"] = overview_html
    return site


def _batches(items: list) -> list[list]:
    return [items[i : i + PAGE_BATCH] for i in range(0, len(items), PAGE_BATCH)]


@dataclass
class _SubjectRows:
    """What one place's or cluster's page shows, each part capped at ROW_CAP, with the counts."""

    figures: pd.DataFrame
    total: int
    growth: pd.DataFrame
    targets: pd.DataFrame
    n_targets: int
    facts: pd.DataFrame
    n_facts: int

    @staticmethod
    def fetch(data: SiteData, column: str, keys: list[str]) -> dict[str, _SubjectRows]:
        figures, growth = data.figures_of(column, keys, ROW_CAP), data.growth_of(column, keys, ROW_CAP)
        targets, facts = data.targets_of(column, keys, ROW_CAP), data.facts_of(column, keys, ROW_CAP)
        return {k: _SubjectRows(*figures[k], growth[k], *targets[k], *facts[k]) for k in keys}


# --- shared parts ------------------------------------------------------------------------------------------
def _figure_rows(site: Site, figures: pd.DataFrame, depth: int = 1) -> pd.DataFrame:
    """Figures with the filter fields and the links every chart and table row needs."""
    f = figures.copy()
    f["place"], f["cluster"], f["metric"] = f["city_name"], f["cluster_name"], f["metric_name"]
    f["period"] = f["year"].map(lambda y: None if pd.isna(y) else str(int(y)))
    f["period_text"] = _period_texts(f)
    f["href"] = f["figure_id"].map(lambda i: figure_href(i, depth))
    f["figure_id_href"] = f["href"]
    f["document_id_href"] = f["document_id"].map(lambda d: f"{'../' * depth}document/{slug(d)}.html")
    f["as_written"] = [charts.as_written(v, u) for v, u in zip(f["value_reported"], f["unit_as_written"])]
    site.linked.update(f["figure_id"])
    return f


def _table_part(table_id: str, title: str, note: str = "") -> str:
    return (
        f'<h2>{esc(title)}</h2>{note}<div class="table" id="{table_id}"><div class="tools">'
        f'<button class="csv" type="button">Download CSV</button><span class="count"></span></div>'
        f'<div class="rows"></div></div>'
    )


def _table_data(table_id: str, name: str, columns: list[tuple[str, str]], rows: pd.DataFrame, more: str = "") -> dict:
    keep = [k for k, _ in columns] + [f"{k}_href" for k, _ in columns if f"{k}_href" in rows.columns]
    keep += [k for k in ("place", "cluster", "metric", "period", "status") if k in rows.columns and k not in keep]
    return {
        "id": table_id,
        "name": name,
        "columns": [{"key": k, "label": label} for k, label in columns],
        "rows": charts.records(rows[keep]) if not rows.empty else [],
        "more": more,
    }


def _cap_note(shown: int, total: int, what: str) -> str:
    if total <= shown:
        return ""
    return (
        f'<p class="warn">This page embeds the first {shown:,} of {total:,} {what} (series first, by year); '
        f"the rest are in the Parquet export (figures_wide.parquet) and the warehouse.</p>"
    )


def _chart_div(site: Site, charts_list: list[dict], spec: dict) -> str:
    chart_id = f"chart-{len(charts_list)}"
    charts_list.append({"id": chart_id, "spec": spec})
    site.charts += 1
    return f'<div class="chart" id="{chart_id}"></div>'


# --- a place's or a cluster's page ------------------------------------------------------------------------
def _subject_page(
    site: Site, data: SiteData, of_page: _SubjectRows, key: str, name: str, documents: pd.DataFrame
) -> str:
    figures, total = of_page.figures, of_page.total
    rows = _figure_rows(site, figures)
    chart_list: list[dict] = []
    parts = [
        f'<p class="note">{total:,} figures of {figures["document_id"].nunique()} documents '
        f"{'shown' if total <= ROW_CAP else '(capped)'}. Every mark and row links to its figure; the filters "
        f"change the charts and the tables together and stay in the address, so a filtered view can be linked.</p>",
        _cap_note(len(figures), total, "figures"),
        '<div class="filters" id="filters"></div>',
    ]

    parts.append(
        '<h2>Series over time</h2><p class="question">How did it move year by year, and does the '
        "reported growth agree with the growth its levels imply? Lines join only values stated as values; "
        "bounds (超, 以上) and size tiers stand alone.</p>"
    )
    levels = charts.levels_rows(rows)
    growth = charts.growth_rows(of_page.growth)
    series = ""
    if not levels.empty:
        series += _chart_div(site, chart_list, charts.levels_spec(levels, "reported levels"))
    if not growth.empty:
        growth["href"] = growth["link_figure"].map(figure_href)
        site.linked.update(growth["link_figure"])
        series += _chart_div(site, chart_list, charts.growth_spec(growth, "growth: reported beside implied by levels"))
    parts.append(
        f'<div class="charts">{series}</div>'
        if series
        else "<p>No level or count here has actual values for two or more years; single values are in the "
        "table of figures below.</p>"
    )

    targets, n_targets = of_page.targets, of_page.n_targets
    parts.append("<h2>Targets against their latest actual</h2>")
    if targets.empty:
        parts.append("<p>No target.</p>")
    else:
        t = charts.targets_rows(targets)
        t["place"], t["cluster"], t["metric"], t["status"] = (
            t["city_name"],
            t["cluster_name"],
            t["metric_name"],
            "target",
        )
        t["period"] = t["target_year"].map(lambda y: None if pd.isna(y) else str(int(y)))
        t["href"] = t["target_figure_id"].map(figure_href)
        site.linked.update(t["target_figure_id"])
        site.linked.update(t["actual_figure_id"].dropna())
        parts.append(_cap_note(len(t), n_targets, "targets"))
        parts.append(f'<div class="charts">{_chart_div(site, chart_list, charts.targets_spec(t, "targets"))}</div>')

    tables = [_table_data("t-figures", f"figures-{slug(key)}", FIGURE_COLUMNS, rows)]
    parts.append(_table_part("t-figures", "Figures"))
    parts.append(_facts_part(site, data, of_page, key, tables))
    docs = documents[documents["document_id"].isin(set(figures["document_id"]))]
    parts.append(
        "<h2>Documents</h2>"
        + table(
            [
                ("document_id", "document"),
                ("document_title", "title"),
                ("publisher_name", "publisher"),
                ("published", "published"),
            ],
            [
                {
                    "document_id": d.document_id,
                    "document_id_href": f"../document/{slug(d.document_id)}.html",
                    "document_title": d.document_title,
                    "publisher_name": d.publisher_name,
                    "published": date_text(d.published_on, d.published_precision),
                }
                for d in docs.itertuples()
            ],
        )
    )
    return page(
        name, "".join(parts), 1, {"filters": FILTERS, "charts": chart_list, "tables": tables}, charts=bool(chart_list)
    )


def _facts_part(site: Site, data: SiteData, of_page: _SubjectRows, key: str, tables: list[dict]) -> str:
    if not data.has_facts:
        return (
            '<h2>Facts and conflicts</h2><p class="warn">This warehouse has no fact-grain mart '
            "(marts.fct_facts and marts.bridge_fact_figure): one row per fact, its chosen figure and the "
            "conflicts between its sources will show here once the warehouse has them.</p>"
        )
    facts, total = of_page.facts, of_page.n_facts
    if facts.empty:
        return "<h2>Facts and conflicts</h2><p>No fact.</p>"
    f = facts.copy()
    f["place"], f["cluster"], f["metric"] = f["city_name"], f["cluster_name"], f["metric_name"]
    f["period"] = f["period_end_year"].map(lambda y: None if pd.isna(y) else str(int(y)))
    f["period_text"] = _period_texts(f)
    f["chosen_figure_id_href"] = f["chosen_figure_id"].map(lambda i: figure_href(i) if isinstance(i, str) else None)
    f["conflict"] = f["is_conflict"].map(lambda c: "conflict" if c else "")
    site.linked.update(i for i in f["chosen_figure_id"] if isinstance(i, str))
    columns = [
        ("fact_key", "fact"),
        ("place", "place"),
        ("cluster", "cluster"),
        ("metric", "metric"),
        ("period_text", "period"),
        ("status", "status"),
        ("chosen_figure_id", "chosen figure"),
        ("value_reported", "value as written"),
        ("unit_as_written", "unit"),
        ("qualifier", "qualifier"),
        ("n_sources", "sources"),
        ("figure_ids", "all figures"),
        ("conflict", "conflict"),
        ("conflicting_figure_ids", "conflicting figures"),
        ("choice_rule", "chosen by"),
    ]
    tables.append(_table_data("t-facts", f"facts-{slug(key)}", columns, f))
    return _table_part(
        "t-facts",
        "Facts and conflicts",
        _cap_note(len(f), total, "facts")
        + '<p class="note">One row per fact: the figure chosen among the documents that report it, '
        "and the figures whose values cannot both be true.</p>",
    )


def _document_page(site: Site, figures: pd.DataFrame, total: int, doc) -> str:
    rows = _figure_rows(site, figures)
    chart_list: list[dict] = []
    meta = (
        f'<dl class="figure"><dt>title</dt><dd>{esc(doc.document_title)}</dd><dt>publisher</dt>'
        f"<dd>{esc(doc.publisher_name or 'not stated')}</dd><dt>published</dt>"
        f"<dd>{esc(date_text(doc.published_on, doc.published_precision))}</dd><dt>figures</dt><dd>{total:,}</dd></dl>"
    )
    chart = ""
    if rows["year"].notna().any():
        chart = f'<div class="charts">{_chart_div(site, chart_list, charts.document_spec(rows, "figures by metric and year"))}</div>'
    body = (
        meta
        + _cap_note(len(rows), total, "figures")
        + '<div class="filters" id="filters"></div>'
        + chart
        + _table_part("t-figures", "Figures")
    )
    tables = [_table_data("t-figures", f"figures-{slug(doc.document_id)}", FIGURE_COLUMNS, rows)]
    return page(
        f"{doc.document_id} · {doc.document_title}",
        body,
        1,
        {"filters": FILTERS, "charts": chart_list, "tables": tables},
        charts=bool(chart_list),
    )


# --- the map, coverage, clusters, index --------------------------------------------------------------------
def _map_page(site: Site, data: SiteData) -> str:
    prefectures = data.prefectures()
    tiles = [
        {
            "col": TILES[p.admin_code][0],
            "row": TILES[p.admin_code][1],
            "city_name": p.city_name,
            "admin_code": p.admin_code,
            "href": f"city/{slug(p.city_key)}.html",
        }
        for p in prefectures.itertuples()
        if p.admin_code in TILES
    ]
    values = pd.concat([data.map_values(), data.map_counts()], ignore_index=True)
    chart_list: list[dict] = []
    defaults = {}
    if not values.empty:
        units = values["unit_measure"].map(charts.display_unit)
        values["value_shown"] = values["value_in_base_unit"] / units.map(lambda u: u[0])
        values["col"] = values["admin_code"].map(lambda c: TILES.get(c, (None, None))[0])
        values["row"] = values["admin_code"].map(lambda c: TILES.get(c, (None, None))[1])
        values["metric"] = [
            f"{m} ({u[1] or w})" if (u[1] or w) else m
            for m, u, w in zip(values["metric_name"], units, values["unit_as_written"])
        ]
        values["period"] = values["year"].map(lambda y: str(int(y)))
        values["as_written"] = [
            charts.as_written(v, u) for v, u in zip(values["value_reported"], values["unit_as_written"])
        ]
        # a value links to its figure; a count of figures to the city's page of that year
        values["href"] = [
            figure_href(i, 0) if isinstance(i, str) else f"city/{slug(c)}.html#period={int(y)}"
            for i, c, y in zip(values["figure_id"], values["city_key"], values["year"])
        ]
        site.linked.update(i for i in values["figure_id"] if isinstance(i, str))
        best = values.groupby(["metric", "period"]).size().sort_values(ascending=False, kind="stable")
        defaults = {"metric": best.index[0][0], "period": best.index[0][1]}
    body = (
        '<p class="note">Guangxi\'s 14 prefecture cities as tiles, placed by administrative code. Colour: the '
        "whole city's actual level for the metric and year chosen (the latest published document's figure "
        "where several give it). Click a tile for its city's page, a value for its figure.</p>"
        '<div class="filters" id="filters"></div>'
        f'<div class="charts">{_chart_div(site, chart_list, charts.map_spec(tiles, values, "prefecture cities"))}</div>'
    )
    filters = [{"key": "metric", "label": "metric"}, {"key": "period", "label": "year", "numeric": True}]
    columns = [
        ("city_name", "city"),
        ("admin_code", "admin code"),
        ("metric", "metric"),
        ("period", "year"),
        ("figure_id", "figure"),
        ("as_written", "value as written"),
        ("qualifier", "qualifier"),
        ("evidence", "evidence"),
    ]
    if not values.empty:
        values["figure_id_href"] = [
            h if isinstance(i, str) else None for h, i in zip(values["href"], values["figure_id"])
        ]
    tables = [_table_data("t-map", "map-values", columns, values)] if not values.empty else []
    body += _table_part("t-map", "Values on the map") if tables else "<p>No city-wide yearly level to map.</p>"
    return page(
        "Map: Guangxi's prefecture cities",
        body,
        0,
        {"filters": filters, "defaults": defaults, "charts": chart_list, "tables": tables},
        charts=True,
    )


def _coverage_page(site: Site, data: SiteData, places: pd.DataFrame) -> str:
    cov = data.coverage()
    note = ""
    if len(cov) > COVERAGE_CAP:  # keep whole years, the latest first, up to the cap
        per_year = cov.groupby("year", dropna=False).size().sort_index(ascending=False)
        kept = per_year.index[per_year.cumsum() <= COVERAGE_CAP]
        left_out = sorted(int(y) for y in per_year.index.difference(kept) if pd.notna(y))
        cov = cov[cov["year"].isin(kept)]
        note = (
            f'<p class="warn">This page embeds {len(cov):,} cells, the latest years; the years '
            f"{', '.join(map(str, left_out))} are left out (count them in the export's figures_wide.parquet).</p>"
        )
    # compact rows: the table's links are built from the keys (a template); a cell links to its city, filtered
    cov = pd.DataFrame(
        {
            "place": cov["city_name"],
            "cluster": cov["cluster_name"],
            "city_key": cov["city_key"],
            "cluster_key": cov["cluster_key"],
            "status": cov["status"],
            "figures": cov["figures"],
            "documents": cov["documents"],
            "period": cov["year"].map(lambda y: None if pd.isna(y) else str(int(y))),
            "href": [f"city/{slug(c)}.html#cluster={quote(n)}" for c, n in zip(cov["city_key"], cov["cluster_name"])],
        }
    )
    cities = list(dict.fromkeys(list(data.prefectures()["city_name"]) + list(places["city_name"])))
    clusters = list(dict.fromkeys(cov.sort_values("cluster_key")["cluster"]))
    grid = [{"place": c, "cluster": k} for c in cities for k in clusters]
    chart_list: list[dict] = []
    spec = charts.matrix_spec(grid, cov, "cluster", "place", "figures per city and cluster", "cluster", "city")
    years = sorted(p for p in cov["period"].dropna().unique())
    body = (
        '<p class="note">Which city × cluster × year has figures, and how many: a light square is a gap. '
        "Choose a year or actual/target; click a cell for the city's page filtered to the cluster.</p>"
        + note
        + '<div class="filters" id="filters"></div>'
        f'<div class="charts">{_chart_div(site, chart_list, spec)}</div>' + _table_part("t-coverage", "Counts")
    )
    table_data = _table_data(
        "t-coverage",
        "coverage",
        [
            ("place", "city"),
            ("cluster", "cluster"),
            ("period", "year"),
            ("status", "status"),
            ("figures", "figures"),
            ("documents", "documents"),
        ],
        cov,
    )
    table_data["columns"][0]["href"] = "city/{city_key}.html"
    table_data["columns"][1]["href"] = "cluster/{cluster_key}.html"
    table_data["rows"] = charts.records(cov)
    filters = [f for f in FILTERS if f["key"] != "metric"]
    defaults = {"period": years[-1]} if len(cov) > 2000 and years else {}  # a big matrix opens on its latest year
    return page(
        "Coverage: city × cluster × year",
        body,
        0,
        {"filters": filters, "defaults": defaults, "charts": chart_list, "tables": [table_data]},
        charts=True,
    )


def _clusters_page(site: Site, data: SiteData, clusters: pd.DataFrame) -> str:
    members = data.cluster_members(MEMBERS_YEAR)
    chart_list: list[dict] = []
    body = ""
    if not members.empty:
        members["href"] = [
            f"city/{slug(c)}.html#cluster={quote(n)}" for c, n in zip(members["city_key"], members["cluster_name"])
        ]
        grid = members[["city_name", "cluster_name"]].to_dict("records")
        spec = charts.matrix_spec(
            grid,
            members[members["figures"] > 0],
            "city_name",
            "cluster_name",
            f"{MEMBERS_YEAR} advanced manufacturing clusters × member cities: figures",
            "member city",
            "cluster",
        )
        body += (
            f'<p class="note">Each square is a member city of a cluster of the {MEMBERS_YEAR} list; the number is '
            "how many figures the documents give for that city and cluster (a light square: none yet). "
            "Click a number for those figures.</p>" + f'<div class="charts">{_chart_div(site, chart_list, spec)}</div>'
        )
    c = clusters.copy()
    c["cluster_name_href"] = c["cluster_key"].map(lambda k: f"cluster/{slug(k)}.html")
    c["cluster"] = c["cluster_name"]
    columns = [
        ("cluster_name", "cluster"),
        ("figures", "figures"),
        ("places", "places"),
        ("documents", "documents"),
        ("first_year", "first year"),
        ("last_year", "last year"),
    ]
    body += _table_part("t-clusters", "Clusters with figures")
    return page(
        "Clusters",
        body,
        0,
        {"filters": [], "charts": chart_list, "tables": [_table_data("t-clusters", "clusters", columns, c)]},
        charts=bool(chart_list),
    )


def _index_page(site: Site, data: SiteData, places, clusters, documents) -> str:
    g = data.glance()
    years = f"{g['first_year']}–{g['last_year']}" if g["first_year"] is not None else "none"
    glance = "".join(
        f"<div><b>{esc(v)}</b>{esc(label)}</div>"
        for label, v in (
            ("documents", f"{g['documents']:,}"),
            ("figures", f"{g['figures']:,}"),
            ("targets", f"{g['targets']:,}"),
            ("places", f"{g['places']:,}"),
            ("clusters", f"{g['clusters']:,}"),
            ("years", years),
        )
    )
    parts = [
        f'<div class="glance">{glance}</div>',
        '<p>Browse: <a href="map.html">the map</a> · <a href="coverage.html">coverage city × cluster × year</a> · '
        '<a href="clusters.html">clusters</a> · <a href="overview.html">all charts on one page</a></p>',
    ]
    run = data.latest_run()
    if run is None:
        parts.append('<h2>Latest publish</h2><p class="warn">The warehouse records no successful run.</p>')
    else:
        checks = data.checks(run["run_id"])
        failed = checks[~checks["success"].astype(bool)] if not checks.empty else checks
        parts.append(
            f"<h2>Latest publish</h2><p>Run <code>{esc(run['run_id'])}</code> ({esc(run['command'])}), "
            f"{esc(str(run['started_at'])[:19])} → {esc(str(run['ended_at'])[:19])}: {esc(run['status'])}. "
            f"Checks: {len(checks) - len(failed):,} of {len(checks):,} expectations passed"
            f"{'' if failed.empty else f', {len(failed)} did not'}.</p>"
        )
        if not failed.empty:
            parts.append(
                table(
                    [
                        ("suite", "suite"),
                        ("expectation", "expectation"),
                        ("column_name", "column"),
                        ("severity", "severity"),
                        ("unexpected_count", "rows"),
                    ],
                    charts.records(failed),
                )
            )
    p = places.copy()
    p["city_name_href"] = p["city_key"].map(lambda k: f"city/{slug(k)}.html")
    parts.append(_table_part("t-places", "Places"))
    c = clusters.copy()
    c["cluster_name_href"] = c["cluster_key"].map(lambda k: f"cluster/{slug(k)}.html")
    parts.append(_table_part("t-index-clusters", "Clusters"))
    d = documents.copy()
    d["document_id_href"] = d["document_id"].map(lambda k: f"document/{slug(k)}.html")
    d["published"] = [date_text(v, pr) for v, pr in zip(d["published_on"], d["published_precision"])]
    parts.append(_table_part("t-documents", "Documents"))
    tables = [
        _table_data(
            "t-places",
            "places",
            [
                ("city_name", "place"),
                ("admin_code", "admin code"),
                ("figures", "figures"),
                ("documents", "documents"),
                ("first_year", "first year"),
                ("last_year", "last year"),
            ],
            p,
        ),
        _table_data(
            "t-index-clusters",
            "clusters",
            [("cluster_name", "cluster"), ("figures", "figures"), ("places", "places"), ("documents", "documents")],
            c,
        ),
        _table_data(
            "t-documents",
            "documents",
            [
                ("document_id", "document"),
                ("document_title", "title"),
                ("publisher_name", "publisher"),
                ("published", "published"),
                ("figures", "figures"),
            ],
            d,
        ),
    ]
    if not data.has_facts:
        parts.append(
            '<p class="note">This warehouse has no fact-grain mart (marts.fct_facts): pages show figures, '
            "not facts and their conflicts.</p>"
        )
    return page(
        "Guangxi industrial clusters: what the documents report",
        "".join(parts),
        0,
        {"filters": [], "charts": [], "tables": tables},
    )


# --- figure pages ----------------------------------------------------------------------------------------
def _figure_pages(site: Site, data: SiteData) -> None:
    """The viewer figure/index.html and the data files of every linked figure's details (and of the other
    figures of its fact, which its details link to)."""
    linked = {i for i in site.linked if isinstance(i, str)}
    figures = data.figures_by_id(sorted(linked))
    others = data.same_fact()  # of the figures just asked for
    mates = set(others["other_figure_id"]) - linked  # of the same facts: their own mates are in hand already
    if mates:
        figures = data.figures_by_id(sorted(linked | mates))
        others = data.same_fact()
    by_figure = dict(iter(others.groupby("figure_id"))) if not others.empty else {}  # iter: a GroupBy has .keys
    shards = max(1, -(-len(figures) // FIGURES_PER_SHARD))
    details: list[dict[str, str]] = [{} for _ in range(shards)]
    for row in figures.to_dict("records"):
        details[shard_of(row["figure_id"], shards)][row["figure_id"]] = _figure_details(
            row, by_figure.get(row["figure_id"]), data.has_facts
        )
    for number, of_shard in enumerate(details):
        site.files[f"figure/shard-{number}.js"] = f"clusterdwFigures({number}, {script_json(of_shard)});\n"
    body = (
        '<div id="figure"><p class="note">Loading the figure named in the address (figure/index.html#ID)…</p></div>'
        f'<script type="application/json" id="figure-shards">{script_json({"shards": shards})}</script>'
        f'<script src="../{ASSETS}/{FIGURE_JS}"></script>'
    )
    site.files["figure/index.html"] = page("Figure", body, 1)
    log.info("site: %d figures' details in %d files", len(figures), shards)


def _figure_details(f: dict, others: pd.DataFrame | None, has_facts: bool) -> str:
    """The figure's details as HTML (every value escaped), shown by figure.js under the page's title."""

    def item(label: str, value_html: str) -> str:
        return f"<dt>{esc(label)}</dt><dd>{value_html}</dd>"

    value = charts.as_written(f["value_reported"], "")
    raw = (
        f"{f['source_file']}, line {int(f['source_line'])}"
        if f.get("source_line") is not None and not pd.isna(f.get("source_line"))
        else "(not in this warehouse)"
    )
    dl = "".join(
        [
            item("value as written", f"<b>{esc(value)}</b>"),
            item("unit as written", esc(f["unit_as_written"])),
            item("qualifier", esc(f["qualifier"])),
            item("status", esc(f["status"])),
            item(
                "period",
                esc(period_text(f))
                + (" (year inferred)" if f.get("is_year_inferred") and "inferred" not in period_text(f) else ""),
            ),
            item("metric", esc(f"{f['metric_name']} ({f['metric_code']})")),
            item("place", link(f"../city/{slug(f['city_key'])}.html", f["city_name"])),
            item(
                "cluster",
                link(f"../cluster/{slug(f['cluster_key'])}.html", f["cluster_name"])
                if f["cluster_key"] not in ("none", "unknown")
                else esc(f["cluster_name"]),
            ),
            item("enterprise", esc(f.get("enterprise_name"))),
            item("subject", esc(f.get("subject"))),
            item("value in base unit", esc(charts.as_written(f["value_in_base_unit"], f" {f['unit_measure']}"))),
            item("evidence", f'<span class="evidence">{esc(f["evidence"])}</span>'),
            item(
                "document",
                link(f"../document/{slug(f['document_id'])}.html", f"{f['document_id']} · {f['document_title']}"),
            ),
            item("publisher", esc(f.get("publisher_name") or "not stated")),
            item("published", esc(date_text(f.get("published_on"), f.get("published_precision")))),
            item("raw file and line", f"<code>{esc(raw)}</code>"),
        ]
    )
    if not has_facts:
        same = (
            '<p class="warn">This warehouse has no fact-grain mart (marts.bridge_fact_figure), so the other '
            "documents that report the same fact cannot be listed yet.</p>"
        )
    elif others is None or others.empty:
        same = "<p>No other document reports this fact.</p>"
    else:
        rows = [
            {
                "other_figure_id": o.other_figure_id,
                "other_figure_id_href": f"index.html#{quote(str(o.other_figure_id), safe='')}",
                "document": f"{o.document_id} · {o.document_title}",
                "publisher": o.publisher_name,
                "published": date_text(o.published_on, o.published_precision),
                "value": charts.as_written(o.value_reported, o.unit_as_written),
                "qualifier": o.qualifier,
                "role": ("chosen" if o.is_chosen else "") + (" · in conflict" if o.is_in_conflict else ""),
            }
            for o in others.itertuples()
        ]
        same = table(
            [
                ("other_figure_id", "figure"),
                ("document", "document"),
                ("publisher", "publisher"),
                ("published", "published"),
                ("value", "value as written"),
                ("qualifier", "qualifier"),
                ("role", "role in the fact"),
            ],
            rows,
        )
    return f'<dl class="figure">{dl}</dl><h2>Other documents reporting the same fact</h2>{same}'
