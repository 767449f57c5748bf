"""The site's charts as Vega-Lite specs (plain dicts): every dataset row carries the page's filter fields
(place, cluster, metric, period, status) so site.js can filter every chart with the table, and an `href`
to the figure (or page) it stands for, so every mark is a link.

Honest by construction: years on a quantitative axis (one tick per year, gaps shown as gaps); a line
joins only values of one series that are stated as values (exact, about, nearly) — a lower bound (超,
以上), an upper bound and a size tier are points of their own shape and never on a line.
"""

from __future__ import annotations

import math

import pandas as pd

from .charts import COMPARISON_COLOURS as CODE_COLOURS
from .charts import COMPARISON_LABELS, FONT, display_unit

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
VALUE_CLASS = {
    "exact": "value",
    "about": "value",
    "nearly": "value",
    "more_than": "lower bound",
    "at_least": "lower bound",
    "at_most": "upper bound",
    "less_than": "upper bound",
}
CLASS_SHAPES = {"value": "circle", "lower bound": "triangle-up", "upper bound": "triangle-down", "size tier": "diamond"}
SIZE_TIER_METRICS = {"size_tier_count"}
# keyed by the label the chart shows, in the overview's colours
COMPARISON_COLOURS = {COMPARISON_LABELS[code]: colour for code, colour in CODE_COLOURS.items()}
PANEL_ROWS = {  # one row of small charts per panel, its name above it
    "row": {
        "field": "panel",
        "type": "nominal",
        "title": None,
        "header": {"labelAngle": 0, "labelAlign": "left", "labelOrient": "top"},
    }
}
CONFIG = {
    "font": FONT,
    "view": {"stroke": None},
    "axis": {"labelFontSize": 11, "titleFontSize": 12},
    "title": {"fontSize": 14, "anchor": "start"},
    "header": {"labelFontSize": 12},
}


def records(frame: pd.DataFrame) -> list[dict]:
    """Rows as JSON-ready dicts: NaN, NA and NaT as null, numpy scalars as Python's. Read column by column
    (Series.tolist gives the Python scalars to_dict("records") boxes one cell at a time, at a tenth of
    its cost on the string columns of pandas 3)."""
    columns = list(frame.columns)
    by_column = [frame.iloc[:, i].tolist() for i in range(len(columns))]
    return [dict(zip(columns, map(_json_ready, row))) for row in zip(*by_column)]


def _json_ready(value):
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)) or value is pd.NaT:
        return None
    if hasattr(value, "item"):
        return value.item()
    if isinstance(value, pd.Timestamp):
        return value.date().isoformat()
    return value


def as_written(value, unit) -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return ""
    return f"{value:g}{unit or ''}"


def _spec(title: str, datasets: dict, body: dict) -> dict:
    return {"$schema": SCHEMA, "title": title, "datasets": datasets, "config": CONFIG, **body}


def _tooltip(*extra: dict) -> list[dict]:
    return [
        {"field": "figure_id", "type": "nominal", "title": "figure"},
        *extra,
        {"field": "evidence", "type": "nominal", "title": "evidence"},
        {"field": "document_title", "type": "nominal", "title": "document"},
    ]


def _year_axis(years: list[int]) -> dict:
    low, high = (min(years), max(years)) if years else (2020, 2025)
    if low == high:
        low, high = low - 1, high + 1
    axis = {"format": "d", "tickMinStep": 1}
    if high - low <= 30:
        axis["values"] = list(range(low, high + 1))
    return {
        "field": "year",
        "type": "quantitative",
        "title": "year",
        "scale": {"domain": [low, high], "nice": False, "zero": False},
        "axis": axis,
    }


def levels_rows(figures: pd.DataFrame) -> pd.DataFrame:
    """Actual yearly levels and counts of the series with two or more years, in a display unit (亿元, 万辆;
    a unit with no display unit stays as written), with the value's class (value, bound, size tier)."""
    levels = figures[
        (figures["status"] == "actual")
        & figures["metric_kind"].isin(["level", "count"])
        & figures["period_kind"].isin(["year", "as_of"])
        & figures["year"].notna()
    ].copy()
    if levels.empty:
        return levels
    units = levels["unit_measure"].map(display_unit)
    known = units.map(lambda u: bool(u[1]))
    levels["value_shown"] = (levels["value_in_base_unit"] / units.map(lambda u: u[0])).where(
        known, levels["value_reported"]
    )
    levels["unit_shown"] = [u[1] or written for u, written in zip(units, levels["unit_as_written"])]
    levels["value_class"] = [
        ("size tier" if metric in SIZE_TIER_METRICS else VALUE_CLASS.get(q, "value"))
        for metric, q in zip(levels["metric_code"], levels["qualifier"])
    ]
    subject = levels["subject"] if "subject" in levels.columns else pd.Series(None, index=levels.index)
    levels["series"] = (
        levels["cluster_name"].where(levels["cluster_key"] != "none", "(whole place)")
        + levels["enterprise_name"].fillna("").map(lambda e: f" · {e}" if e else "")
        + subject.fillna("").map(lambda e: f" · {e}" if e else "")
        + levels["period_kind"].map(lambda k: " (as of)" if k == "as_of" else "")
    )
    levels["panel"] = levels["city_name"] + " · " + levels["metric_name"] + " (" + levels["unit_shown"] + ")"
    years = levels.groupby(["panel", "series"])["year"].transform("nunique")
    levels = levels[years >= 2]  # a series needs two years; single values are in the table
    levels["as_written"] = [as_written(v, u) for v, u in zip(levels["value_reported"], levels["unit_as_written"])]
    return levels


def levels_spec(levels: pd.DataFrame, title: str) -> dict:
    x = _year_axis([int(y) for y in levels["year"]])
    y = {"field": "value_shown", "type": "quantitative", "title": None, "scale": {"zero": True}}
    colour = {"field": "series", "type": "nominal", "title": "series", "legend": {"labelLimit": 320}}
    shape = {
        "field": "value_class",
        "type": "nominal",
        "title": "value is",
        "scale": {"domain": list(CLASS_SHAPES), "range": list(CLASS_SHAPES.values())},
    }
    return _spec(
        title,
        {"levels": records(levels)},
        {
            "data": {"name": "levels"},
            "facet": PANEL_ROWS,
            "spec": {
                "width": 480,
                "height": 130,
                "layer": [
                    {
                        "transform": [{"filter": "datum.value_class === 'value'"}],
                        "mark": {"type": "line", "strokeWidth": 1.5},
                        "encoding": {"x": x, "y": y, "color": colour, "detail": {"field": "series", "type": "nominal"}},
                    },
                    {
                        "mark": {"type": "point", "filled": True, "size": 80, "cursor": "pointer"},
                        "encoding": {
                            "x": x,
                            "y": y,
                            "color": colour,
                            "shape": shape,
                            "href": {"field": "href", "type": "nominal"},
                            "tooltip": _tooltip(
                                {"field": "year", "type": "quantitative", "format": "d"},
                                {"field": "as_written", "type": "nominal", "title": "as written"},
                                {"field": "value_class", "type": "nominal", "title": "value is"},
                            ),
                        },
                    },
                ],
            },
            "resolve": {"scale": {"y": "independent"}, "axis": {"x": "independent"}},
        },
    )


def growth_rows(growth: pd.DataFrame) -> pd.DataFrame:
    """Reported growth and the growth implied by consecutive levels, as rows of one column."""
    rows = []
    for g in growth.itertuples():
        panel = f"{g.city_name} · {g.cluster_name if g.cluster_key != 'none' else '(whole place)'} · {g.metric_name}"
        base = dict(
            year=g.year,
            panel=panel,
            place=g.city_name,
            cluster=g.cluster_name,
            metric=g.metric_name,
            period=str(g.year),
            status="actual",
            evidence=g.evidence,
        )
        if g.rate_origin == "reported" and pd.notna(g.rate_pct):
            rows.append(
                base
                | dict(
                    origin="reported",
                    rate_pct=g.rate_pct,
                    figure_id=g.figure_id,
                    from_figures=g.level_figure_id or "",
                    link_figure=g.figure_id,
                )
            )
        if pd.notna(g.computed_rate_pct):
            first = (g.computed_from or "").split(",")[-1].strip() or g.figure_id
            rows.append(
                base
                | dict(
                    origin="implied by levels",
                    rate_pct=g.computed_rate_pct,
                    figure_id=g.growth_rate_id,
                    from_figures=g.computed_from or "",
                    evidence=g.evidence or "(computed from the levels)",
                    link_figure=first,
                )
            )
    return pd.DataFrame(rows)


def growth_spec(rows: pd.DataFrame, title: str) -> dict:
    years = [int(y) for y in rows["year"]]
    domain = list(range(min(years), max(years) + 1))
    return _spec(
        title,
        {"growth": records(rows)},
        {
            "data": {"name": "growth"},
            "facet": PANEL_ROWS,
            "spec": {
                "width": max(160, 34 * len(domain)),
                "height": 140,
                "mark": {"type": "bar", "cursor": "pointer"},
                "encoding": {
                    "x": {
                        "field": "year",
                        "type": "ordinal",
                        "title": "year",
                        "scale": {"domain": domain},
                        "axis": {"labelAngle": 0},
                    },
                    "xOffset": {
                        "field": "origin",
                        "type": "nominal",
                        "scale": {"domain": ["reported", "implied by levels"]},
                    },
                    "y": {"field": "rate_pct", "type": "quantitative", "title": "% over the year before"},
                    "color": {
                        "field": "origin",
                        "type": "nominal",
                        "title": "growth",
                        "scale": {"domain": ["reported", "implied by levels"], "range": ["#e9c46a", "#2a9d8f"]},
                    },
                    "href": {"field": "href", "type": "nominal"},
                    "tooltip": _tooltip(
                        {"field": "origin", "type": "nominal"},
                        {"field": "rate_pct", "type": "quantitative", "format": ".1f", "title": "%"},
                        {"field": "from_figures", "type": "nominal", "title": "levels used"},
                    ),
                },
            },
            "resolve": {"axis": {"x": "independent"}},
        },
    )


def targets_rows(targets: pd.DataFrame) -> pd.DataFrame:
    t = targets.copy()
    t["deadline"] = t["target_year"].map(lambda y: "no deadline" if pd.isna(y) else str(int(y)))
    t["target_as_written"] = [as_written(v, u) for v, u in zip(t["target_value_reported"], t["target_unit_as_written"])]
    t["actual_as_written"] = [
        as_written(v, u) if pd.notna(v) else "no actual"
        for v, u in zip(t["actual_value_reported"], t["actual_unit_as_written"])
    ]
    t["label"] = (
        t["target_figure_id"]
        + " "
        + t["city_name"]
        + " "
        + t["cluster_name"].where(t["cluster_key"] != "none", "")
        + " "
        + t["metric_name"]
        + " → "
        + t["target_as_written"]
        + " by "
        + t["deadline"]
    )
    t["progress"] = t["achievement_pct"].fillna(0).clip(upper=200)
    t["comparison_label"] = t["comparison"].map(COMPARISON_LABELS).fillna(t["comparison"])
    t["reading"] = [
        f"{a} of {g}" + (f" ({p:.0f}%)" if pd.notna(p) else "")
        for a, g, p in zip(t["actual_as_written"], t["target_as_written"], t["achievement_pct"])
    ]
    return t


def targets_spec(rows: pd.DataFrame, title: str) -> dict:
    y = {"field": "label", "type": "nominal", "title": None, "sort": None, "axis": {"labelLimit": 380}}
    x = {
        "field": "progress",
        "type": "quantitative",
        "title": "latest actual as % of the target (capped at 200)",
        "scale": {"domain": [0, 200]},
    }
    colour = {
        "field": "comparison_label",
        "type": "nominal",
        "title": "comparison",
        "scale": {"domain": list(COMPARISON_COLOURS), "range": list(COMPARISON_COLOURS.values())},
    }
    tooltip = _tooltip(
        {"field": "target_as_written", "type": "nominal", "title": "target"},
        {"field": "deadline", "type": "nominal"},
        {"field": "actual_as_written", "type": "nominal", "title": "latest actual"},
        {"field": "actual_year", "type": "quantitative", "format": "d", "title": "actual's year"},
        {"field": "comparison_label", "type": "nominal", "title": "comparison"},
    )
    return _spec(
        title,
        {"targets": records(rows), "hundred": [{"x": 100}]},
        {
            "width": 360,
            "height": {"step": 22},
            "layer": [
                {
                    "data": {"name": "targets"},
                    "mark": {"type": "bar", "height": 12, "cursor": "pointer"},
                    "encoding": {
                        "x": x,
                        "y": y,
                        "color": colour,
                        "href": {"field": "href", "type": "nominal"},
                        "tooltip": tooltip,
                    },
                },
                {
                    "data": {"name": "targets"},
                    "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 10},
                    "encoding": {"x": x, "y": y, "text": {"field": "reading", "type": "nominal"}},
                },
                {
                    "data": {"name": "hundred"},
                    "mark": {"type": "rule", "strokeDash": [4, 3], "color": "#6c757d"},
                    "encoding": {"x": {"field": "x", "type": "quantitative"}},
                },
            ],
        },
    )


def document_spec(figures: pd.DataFrame, title: str) -> dict:
    rows = figures[figures["year"].notna()]
    return _spec(
        title,
        {"figures": records(rows)},
        {
            "data": {"name": "figures"},
            "width": 520,
            "height": {"step": 16},
            "mark": {"type": "tick", "thickness": 3, "size": 13, "cursor": "pointer"},
            "encoding": {
                "x": _year_axis([int(y) for y in rows["year"]]) | {"title": "year (period end)"},
                "y": {"field": "metric", "type": "nominal", "title": None, "axis": {"labelLimit": 220}},
                "color": {
                    "field": "status",
                    "type": "nominal",
                    "scale": {"domain": ["actual", "target"], "range": ["#264653", "#e76f51"]},
                },
                "href": {"field": "href", "type": "nominal"},
                "tooltip": _tooltip(
                    {"field": "as_written", "type": "nominal", "title": "value"},
                    {"field": "place", "type": "nominal"},
                    {"field": "cluster", "type": "nominal"},
                ),
            },
        },
    )


def map_spec(tiles: list[dict], values: pd.DataFrame, title: str) -> dict:
    """A tile grid: one square per prefecture city (placed by admin code), coloured by the chosen value."""
    x = {"field": "col", "type": "ordinal", "axis": None, "scale": {"domain": list(range(5))}}
    y = {"field": "row", "type": "ordinal", "axis": None, "scale": {"domain": list(range(4))}}
    return _spec(
        title,
        {"tiles": tiles, "values": records(values)},
        {
            "width": {"step": 120},
            "height": {"step": 100},
            "layer": [
                {
                    "data": {"name": "tiles"},
                    "mark": {
                        "type": "rect",
                        "color": "#e9ecef",
                        "stroke": "white",
                        "strokeWidth": 4,
                        "cursor": "pointer",
                    },
                    "encoding": {
                        "x": x,
                        "y": y,
                        "href": {"field": "href", "type": "nominal"},
                        "tooltip": [
                            {"field": "city_name", "type": "nominal", "title": "city"},
                            {"field": "admin_code", "type": "nominal", "title": "admin code"},
                        ],
                    },
                },
                {
                    "data": {"name": "values"},
                    "mark": {"type": "rect", "stroke": "white", "strokeWidth": 4, "cursor": "pointer"},
                    "encoding": {
                        "x": x,
                        "y": y,
                        "href": {"field": "href", "type": "nominal"},
                        "color": {
                            "field": "value_shown",
                            "type": "quantitative",
                            "title": "value",
                            "scale": {"scheme": "blues", "zero": True},
                        },
                        "tooltip": _tooltip(
                            {"field": "city_name", "type": "nominal", "title": "city"},
                            {"field": "as_written", "type": "nominal", "title": "as written"},
                            {"field": "year", "type": "quantitative", "format": "d"},
                        ),
                    },
                },
                {
                    "data": {"name": "tiles"},
                    "mark": {"type": "text", "dy": -10, "fontSize": 13, "fontWeight": "bold"},
                    "encoding": {
                        "x": x,
                        "y": y,
                        "text": {"field": "city_name", "type": "nominal"},
                        "href": {"field": "href", "type": "nominal"},
                    },
                },
                {
                    "data": {"name": "values"},
                    "mark": {"type": "text", "dy": 10, "fontSize": 11},
                    "encoding": {
                        "x": x,
                        "y": y,
                        "text": {"field": "as_written", "type": "nominal"},
                        "href": {"field": "href", "type": "nominal"},
                    },
                },
            ],
        },
    )


def matrix_spec(
    grid: list[dict], cells: pd.DataFrame, x_field: str, y_field: str, title: str, x_title: str, y_title: str
) -> dict:
    """Counts of figures in a grid; empty cells stay visible (a light square), every cell links."""
    x = {
        "field": x_field,
        "type": "nominal",
        "title": x_title,
        "sort": None,
        "axis": {"orient": "top", "labelAngle": -40, "labelLimit": 160},
    }
    y = {"field": y_field, "type": "nominal", "title": y_title, "sort": None, "axis": {"labelLimit": 200}}
    return _spec(
        title,
        {"grid": grid, "cells": records(cells)},
        {
            "width": {"step": 30},
            "height": {"step": 22},
            "layer": [
                {
                    "data": {"name": "grid"},
                    "mark": {"type": "rect", "color": "#f1f3f5", "stroke": "white"},
                    "encoding": {"x": x, "y": y},
                },
                {
                    "data": {"name": "cells"},
                    "mark": {"type": "rect", "stroke": "white", "cursor": "pointer"},
                    "encoding": {
                        "x": x,
                        "y": y,
                        "href": {"field": "href", "type": "nominal"},
                        "color": {
                            "aggregate": "sum",
                            "field": "figures",
                            "type": "quantitative",
                            "title": "figures",
                            "scale": {"scheme": "teals"},
                        },
                        "tooltip": [
                            {"field": y_field, "type": "nominal", "title": y_title},
                            {"field": x_field, "type": "nominal", "title": x_title},
                            {"aggregate": "sum", "field": "figures", "type": "quantitative", "title": "figures"},
                        ],
                    },
                },
                {
                    "data": {"name": "cells"},
                    "mark": {"type": "text", "fontSize": 10},
                    "encoding": {
                        "x": x,
                        "y": y,
                        "href": {"field": "href", "type": "nominal"},
                        "text": {"aggregate": "sum", "field": "figures", "type": "quantitative"},
                    },
                },
            ],
        },
    )
