"""The report's charts as altair (Vega-Lite) specs: each one answers one question of an analyst.

Every mark carries a tooltip with its figure id, evidence and document, so a number on screen is
always traceable to the span that states it; the page also lists the same rows in a table beside it.
"""

from __future__ import annotations

import altair as alt
import pandas as pd

# a display unit per unit measure, so levels read as the documents write them (亿元, 万辆)
DISPLAY_UNITS = {"yuan": (1e8, "亿元"), "vehicle": (1e4, "万辆"), "tonne": (1e4, "万吨")}
FONT = "Noto Sans CJK SC, Noto Sans SC, Microsoft YaHei, PingFang SC, sans-serif"  # system fonts only
COMPARISON_COLOURS = {
    "met": "#2a9d8f",
    "not_met": "#e76f51",
    "latest_actual_no_deadline": "#457b9d",
    "no_actual_yet": "#adb5bd",
}
COMPARISON_LABELS = {
    "met": "met (dated)",
    "not_met": "not met (dated)",
    "latest_actual_no_deadline": "latest actual, no deadline",
    "no_actual_yet": "no actual yet",
}


def _tooltip(*extra: alt.Tooltip) -> list[alt.Tooltip]:
    return [
        alt.Tooltip("figure_id:N", title="figure"),
        *extra,
        alt.Tooltip("evidence:N", title="evidence"),
        alt.Tooltip("document_title:N", title="document"),
    ]


def _configured(chart) -> alt.TopLevelMixin:
    return (
        chart.configure(font=FONT)
        .configure_view(stroke=None)
        .configure_axis(labelFontSize=11, titleFontSize=12)
        .configure_title(fontSize=14, anchor="start")
    )


def display_unit(unit_measure: str) -> tuple[float, str]:
    return DISPLAY_UNITS.get(unit_measure, (1.0, ""))


def series_chart(levels: pd.DataFrame, rates: pd.DataFrame, title: str) -> alt.TopLevelMixin:
    """A subject's reported levels by year (left) beside its one-year growth, reported and computed (right)."""
    divisor, unit = display_unit(levels["unit_measure"].iloc[0])
    levels = levels.assign(
        value_shown=levels["value_in_base_unit"] / divisor,
        value_as_written=levels["value_reported"].map("{:g}".format) + levels["unit_as_written"],
    )
    axis_title = unit or levels["unit_as_written"].iloc[0]
    base = alt.Chart(levels).encode(
        x=alt.X("year:O", title="year"),
        y=alt.Y("value_shown:Q", title=f"reported level ({axis_title})", scale=alt.Scale(zero=True)),
    )
    line = base.mark_line(color="#264653") + base.mark_point(filled=True, size=80, color="#264653").encode(
        shape=alt.Shape("qualifier:N", title="qualifier"),
        tooltip=_tooltip(
            alt.Tooltip("year:O"), alt.Tooltip("value_as_written:N", title="as written"), alt.Tooltip("qualifier:N")
        ),
    )
    left = line.properties(width=300, height=200, title="reported levels")
    long = _growth_long(rates)
    if long.empty:
        notes = ["no one-year growth reported,", "none computable (years not consecutive)"]
        right = (
            alt.Chart(pd.DataFrame({"note": notes, "row": [0, 1]}))
            .mark_text(align="left", color="#6c757d")
            .encode(y=alt.Y("row:O", axis=None), text="note:N")
            .properties(width=240, height=200, title="growth, % a year")
        )
    else:
        right = (
            alt.Chart(long)
            .mark_bar()
            .encode(
                x=alt.X("year:O", title="year"),
                xOffset=alt.XOffset("origin:N"),
                y=alt.Y("rate_pct:Q", title="growth over the year before (%)"),
                color=alt.Color(
                    "origin:N",
                    title="growth",
                    scale=alt.Scale(domain=["reported", "computed from levels"], range=["#e9c46a", "#2a9d8f"]),
                ),
                tooltip=_tooltip(
                    alt.Tooltip("year:O"),
                    alt.Tooltip("origin:N"),
                    alt.Tooltip("rate_pct:Q", format=".1f"),
                    alt.Tooltip("from_figures:N", title="levels used"),
                ),
            )
            .properties(width=240, height=200, title="growth, % a year")
        )
    return _configured(alt.hconcat(left, right).properties(title=title))


def _growth_long(rates: pd.DataFrame) -> pd.DataFrame:
    """Reported and computed growth as rows of one column, so they stand side by side."""
    rows = []
    for rate in rates.itertuples():
        if rate.rate_origin == "reported" and pd.notna(rate.rate_pct):
            rows.append(
                dict(
                    year=rate.year,
                    origin="reported",
                    rate_pct=rate.rate_pct,
                    figure_id=rate.figure_id,
                    evidence=rate.evidence,
                    document_title=rate.document_title,
                    from_figures=rate.level_figure_id or "",
                )
            )
        if pd.notna(rate.computed_rate_pct):
            rows.append(
                dict(
                    year=rate.year,
                    origin="computed from levels",
                    rate_pct=rate.computed_rate_pct,
                    figure_id=rate.growth_rate_id,
                    evidence=rate.evidence or "(computed)",
                    document_title=rate.document_title or "",
                    from_figures=rate.computed_from or "",
                )
            )
    return pd.DataFrame(rows)


def rd_intensity_chart(rd: pd.DataFrame) -> alt.TopLevelMixin:
    """Guangxi's R&D intensity beside the national figure of the same year, with the gap in points."""
    sides = (("广西 Guangxi", ""), ("全国 China", "national_"))  # the national columns share the names after a prefix
    long = pd.DataFrame(
        dict(
            year=r["year"],
            place=place,
            pct=r[f"{prefix}rd_intensity_pct"],
            figure_id=r[f"{prefix}figure_id"],
            evidence=r[f"{prefix}evidence"],
            document_title=r[f"{prefix}document_title"],
            gap=r["gap_pct_points"],
        )
        for r in rd.to_dict("records")
        for place, prefix in sides
        if not prefix or pd.notna(r[f"{prefix}rd_intensity_pct"])
    )
    bars = (
        alt.Chart(long)
        .mark_bar()
        .encode(
            x=alt.X("year:O", title="year"),
            xOffset="place:N",
            y=alt.Y("pct:Q", title="R&D spending, % of GDP"),
            color=alt.Color("place:N", title=None, scale=alt.Scale(range=["#e76f51", "#264653"])),
            tooltip=_tooltip(
                alt.Tooltip("place:N"), alt.Tooltip("year:O"), alt.Tooltip("pct:Q", format=".2f", title="%")
            ),
        )
    )
    labels = (
        alt.Chart(long)
        .mark_text(dy=-6)
        .encode(x="year:O", xOffset="place:N", y="pct:Q", text=alt.Text("pct:Q", format=".2f"))
    )
    with_gap = rd[rd["gap_pct_points"].notna()]  # a year without the national figure has no gap to write
    gaps = (
        alt.Chart(with_gap.assign(label=with_gap["gap_pct_points"].map(lambda g: f"gap {g:+.2f} points")))
        .mark_text(dy=-40, fontWeight="bold", color="#e76f51")
        .encode(x="year:O", y=alt.Y("national_rd_intensity_pct:Q"), text="label:N")
    )
    return _configured(
        (bars + labels + gaps).properties(
            width=320, height=240, title="Guangxi's R&D intensity against the national figure"
        )
    )


def targets_chart(targets: pd.DataFrame) -> alt.TopLevelMixin:
    """Each target's progress: its (latest) actual as % of the target; open-ended ones marked."""
    frame = targets.assign(
        label=targets["target_figure_id"]
        + " "
        + targets["city_name"]
        + " "
        + targets["cluster_name"].where(targets["cluster_name"] != "none", "")
        + targets["is_open_ended"].map({True: " (no deadline)", False: ""}),
        progress=targets["achievement_pct"].fillna(0).clip(upper=200),
        deadline=targets["target_year"].map(lambda y: "none stated" if pd.isna(y) else str(int(y))),
        comparison_label=targets["comparison"].map(COMPARISON_LABELS),
        target_as_written=targets["target_value_reported"].map("{:g}".format) + targets["target_unit_as_written"],
        figure_id=targets["target_figure_id"],
        evidence=targets["target_evidence"],
        actual=targets["actual_figure_id"].fillna("—") + " " + targets["actual_evidence"].fillna(""),
    )
    tooltip = _tooltip(
        alt.Tooltip("target_as_written:N", title="target"),
        alt.Tooltip("deadline:N"),
        alt.Tooltip("comparison_label:N", title="comparison"),
        alt.Tooltip("achievement_pct:Q", title="actual as % of target", format=".1f"),
        alt.Tooltip("actual_year:O", title="actual's year"),
        alt.Tooltip("actual:N", title="actual"),
    )
    y = alt.Y("label:N", title=None, sort=None, axis=alt.Axis(labelLimit=260))
    colour = alt.Color(
        "comparison_label:N",
        title="comparison",
        scale=alt.Scale(
            domain=[COMPARISON_LABELS[c] for c in COMPARISON_COLOURS], range=list(COMPARISON_COLOURS.values())
        ),
    )
    bars = (
        alt.Chart(frame)
        .mark_bar(height=10)
        .encode(
            x=alt.X("progress:Q", title="actual as % of target (capped at 200)", scale=alt.Scale(domain=[0, 200])),
            y=y,
            color=colour,
            tooltip=tooltip,
        )
    )
    marks = (
        alt.Chart(frame)
        .mark_point(size=70, filled=True)
        .encode(x="progress:Q", y=y, color=colour, shape=alt.Shape("deadline:N", legend=None), tooltip=tooltip)
    )
    hundred = alt.Chart(pd.DataFrame({"x": [100]})).mark_rule(strokeDash=[4, 3], color="#6c757d").encode(x="x:Q")
    return _configured(
        (bars + marks + hundred).properties(width=420, height=alt.Step(16), title="Targets against their latest actual")
    )


def cluster_matrix_chart(members: pd.DataFrame, year: int) -> alt.TopLevelMixin:
    """Which cities each advanced manufacturing cluster of the year's list spans (number: order listed)."""
    members = members.assign(
        figure_id="reference",
        evidence="raw/reference/cluster_members.csv",
        document_title=members["recognised_by"].fillna(""),
    )
    base = alt.Chart(members).encode(
        x=alt.X("city_name:N", title="member city", axis=alt.Axis(orient="top", labelAngle=0)),
        y=alt.Y("cluster_name:N", title=None, axis=alt.Axis(labelLimit=240)),
    )
    cells = base.mark_rect(color="#2a9d8f", stroke="white").encode(
        opacity=alt.value(0.85),
        tooltip=[
            alt.Tooltip("cluster_name:N", title="cluster"),
            alt.Tooltip("cluster_name_en:N", title="in English"),
            alt.Tooltip("city_name:N", title="city"),
            alt.Tooltip("member_order:Q", title="listed"),
        ],
    )
    numbers = base.mark_text(color="white").encode(text="member_order:Q")
    return _configured(
        (cells + numbers).properties(
            width=alt.Step(46), height=alt.Step(22), title=f"{year} advanced manufacturing clusters × member cities"
        )
    )


def document_chart(figures: pd.DataFrame, title: str) -> alt.TopLevelMixin:
    """A document's figures by metric and status: what the document gave, each mark one figure."""
    frame = figures.assign(
        value_as_written=figures["value_reported"].map("{:g}".format) + figures["unit_as_written"],
        year_shown=figures["year"].map(lambda y: "no year" if pd.isna(y) else str(int(y))),
    )
    chart = (
        alt.Chart(frame)
        .mark_tick(thickness=3, size=14)
        .encode(
            y=alt.Y("metric_name:N", title=None, axis=alt.Axis(labelLimit=200)),
            x=alt.X("year_shown:O", title="year (period end)"),
            color=alt.Color("status:N", scale=alt.Scale(domain=["actual", "target"], range=["#264653", "#e76f51"])),
            tooltip=_tooltip(
                alt.Tooltip("value_as_written:N", title="value"),
                alt.Tooltip("year_shown:N", title="year"),
                alt.Tooltip("city_name:N", title="place"),
                alt.Tooltip("cluster_name:N", title="cluster"),
            ),
        )
    )
    return _configured(chart.properties(width=alt.Step(40), height=alt.Step(14), title=title))
