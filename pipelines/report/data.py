"""What the report shows, read from the published warehouse: one query per chart or table."""

from __future__ import annotations

import duckdb
import pandas as pd

# every figure with what a reader needs to trace it: names, document, evidence
_FIGURES = """
    select
        f.figure_id, f.document_id, d.document_title, d.published_on,
        f.city_key, coalesce(c.city_name_zh_hans, f.city_key) as city_name,
        f.cluster_key, coalesce(k.cluster_name_zh_hans, f.cluster_key) as cluster_name,
        f.enterprise_name, f.metric_code, coalesce(m.metric_name_en, f.metric_code) as metric_name,
        f.rate_of_metric_code, f.period_start_year, f.year, f.period_kind, f.status, f.qualifier,
        cast(f.value_reported as double) as value_reported, f.unit_as_written, f.unit_measure,
        cast(f.value_in_base_unit as double) as value_in_base_unit, f.evidence, f.is_year_inferred,
    from marts.int_figures as f
    left join marts.dim_source_document as d using (document_id)
    left join marts.dim_city as c using (city_key)
    left join marts.dim_cluster as k using (cluster_key)
    left join marts.dim_metric as m using (metric_code)
"""


def _frame(con: duckdb.DuckDBPyConnection, sql: str) -> pd.DataFrame:
    return con.execute(sql).df()


def figures(con) -> pd.DataFrame:
    return _frame(con, _FIGURES + " order by f.document_id, f.figure_id")


def figures_of_document(con, document_id: str, cap: int) -> pd.DataFrame:
    return con.execute(_FIGURES + f" where f.document_id = ? order by f.figure_id limit {int(cap)}", [document_id]).df()


def series(con, max_subjects: int | None = None) -> pd.DataFrame:
    """Yearly actual levels and counts of every subject (place x cluster x enterprise x metric) with 2+ years
    (the first `max_subjects` of them, by place, cluster and metric, if given)."""
    limit = "" if max_subjects is None else f"order by all limit {int(max_subjects)}"
    return _frame(
        con,
        f"""
        with figures as ({_FIGURES} where not f.is_target and f.period_kind = 'year'
            and f.metric_kind in ('level', 'count')),
        subjects as (
            select city_key, cluster_key, enterprise_name, metric_code, unit_measure
            from figures group by all having count(distinct year) >= 2 {limit}
        )
        select figures.* from figures
        join subjects as s
            on s.city_key = figures.city_key and s.cluster_key = figures.cluster_key
            and s.enterprise_name is not distinct from figures.enterprise_name
            and s.metric_code = figures.metric_code and s.unit_measure = figures.unit_measure
        order by city_key, cluster_key, metric_code, year, figure_id
    """,
    )


def growth(con) -> pd.DataFrame:
    """One-year growth rates, reported and computed from levels, of the subjects `series` shows."""
    return _frame(
        con,
        """
        select
            g.growth_rate_id, g.figure_id, g.document_id, g.city_key, g.cluster_key, g.enterprise_name,
            g.rate_of_metric_code, g.year, g.rate_origin, g.is_derived,
            cast(g.rate_pct as double) as rate_pct, cast(g.computed_rate_pct as double) as computed_rate_pct,
            g.level_figure_id, array_to_string(g.computed_from_figure_ids, ', ') as computed_from,
            g.evidence, d.document_title,
        from marts.fct_growth_rates as g
        left join marts.dim_source_document as d using (document_id)
        where g.period_kind = 'year' and not g.is_target and g.metric_code = 'growth_rate'
        order by g.city_key, g.cluster_key, g.year
    """,
    )


def rd_intensity(con) -> pd.DataFrame:
    return _frame(
        con,
        """
        select
            r.year, r.city_key, coalesce(c.city_name_zh_hans, r.city_key) as city_name, r.figure_id,
            r.document_id, d.document_title, r.evidence,
            cast(r.rd_intensity_pct as double) as rd_intensity_pct,
            cast(r.national_rd_intensity_pct as double) as national_rd_intensity_pct,
            cast(r.gap_to_national_pct_points as double) as gap_pct_points, r.national_figure_id,
            n.evidence as national_evidence, nd.document_title as national_document_title, r.reported_rank,
        from marts.fct_rd_intensity as r
        left join marts.dim_source_document as d using (document_id)
        left join marts.dim_city as c using (city_key)
        left join marts.int_figures as n on n.figure_id = r.national_figure_id
        left join marts.dim_source_document as nd on nd.document_id = n.document_id
        where not r.is_target and r.city_key = 'guangxi'
        order by r.year
    """,
    )


def targets(con, cap: int | None = None) -> pd.DataFrame:
    limit = "" if cap is None else f"limit {int(cap)}"
    return _frame(
        con,
        f"""
        select
            t.target_figure_id, t.target_document_id, d.document_title, t.city_key,
            coalesce(c.city_name_zh_hans, t.city_key) as city_name,
            coalesce(k.cluster_name_zh_hans, t.cluster_key) as cluster_name, t.metric_code,
            t.target_year, t.is_open_ended, t.comparison, t.target_qualifier,
            cast(t.target_value_reported as double) as target_value_reported, t.target_unit_as_written,
            t.actual_figure_id, t.actual_year, cast(t.actual_value_reported as double) as actual_value_reported,
            t.actual_unit_as_written, cast(t.achievement_pct as double) as achievement_pct,
            t.target_evidence, t.actual_evidence,
        from marts.fct_targets_vs_actuals as t
        left join marts.dim_source_document as d on d.document_id = t.target_document_id
        left join marts.dim_city as c using (city_key)
        left join marts.dim_cluster as k using (cluster_key)
        order by t.has_actual desc, t.target_figure_id, t.actual_figure_id {limit}
    """,
    )


def cluster_members(con, year: int = 2024) -> pd.DataFrame:
    """The advanced manufacturing clusters recognised in `year`, one row per member city."""
    return _frame(
        con,
        f"""
        select
            k.cluster_key, k.cluster_name_zh_hans as cluster_name, k.cluster_name_en, b.city_key,
            b.city_name_zh_hans as city_name, b.member_order, k.member_city_count, k.recognised_by,
        from marts.bridge_cluster_city as b
        join marts.dim_cluster as k using (cluster_key)
        where k.is_advanced_manufacturing_cluster and k.recognised_year = {int(year)}
        order by k.cluster_key, b.member_order
    """,
    )


def documents(con) -> pd.DataFrame:
    return _frame(
        con,
        """
        select document_id, document_title, publisher_name, published_on, figure_count
        from marts.dim_source_document order by document_id
    """,
    )
