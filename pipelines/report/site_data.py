"""What the site shows, read from the published warehouse with DuckDB: one query per page part.

The warehouse is attached read-only to an in-memory DuckDB, where one temporary table joins every
figure with its names, document and raw line once; the pages of places, clusters and documents then
select their own rows, capped, a batch of pages a query (a query costs milliseconds however few rows it
returns): a batch of a 1M-figure warehouse is at most batch x cap rows, never a pandas frame of every figure.
Columns of the fact-grain data model (months, subject, fct_facts) are read only where the warehouse
has them.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pandas as pd

from ..sql import sql_literal

FACTS_TABLE, BRIDGE_TABLE = "fct_facts", "bridge_fact_figure"
LEVEL_KINDS = ("level", "count")


def _masked(dtype) -> bool:
    """A nullable integer or boolean (Int32, boolean): DuckDB gives one only to a result with a null in it."""
    return isinstance(dtype, pd.api.extensions.ExtensionDtype) and dtype.kind in "iub"


def texts_missing_as_none(frame: pd.DataFrame) -> pd.DataFrame:
    """Text columns with None where a value is missing. DuckDB's .df() gives a text column that has a value
    pandas' string dtype, whose missing value is NaN: truthy (`publisher or "not stated"` kept it) and
    printed as "nan" on a page; None is falsy, and esc() shows it as nothing. (The overview's frames stay
    as they are: Altair writes None in an object column as NaN.)"""
    for column in frame.columns:
        if isinstance(frame[column].dtype, pd.StringDtype):
            values = frame[column].astype(object)
            frame[column] = values.where(values.notna(), None)
    return frame


def _as_own_query(rows: pd.DataFrame, whole_ints: dict) -> pd.DataFrame:
    """One page's rows of a batch, typed as the page's own query types them: an integer column with no null
    int32, not Int32 (text columns hold None where missing already: texts_missing_as_none)."""
    return rows.astype(whole_ints) if whole_ints else rows


class SiteData:
    def __init__(self, db_path: Path):
        self.con = duckdb.connect()
        self.con.execute(f"attach {sql_literal(str(db_path))} as w (read_only)")
        self.con.execute("use w")
        self.columns = {
            (t, c)
            for t, c in self.con.execute(
                "select table_name, column_name from duckdb_columns() where database_name = 'w' "
                "and schema_name in ('marts', 'staging')"
            ).fetchall()
        }
        self.tables = {t for t, _ in self.columns}
        self.has_facts = FACTS_TABLE in self.tables and BRIDGE_TABLE in self.tables
        self._figures_table()

    def close(self) -> None:
        self.con.close()

    def frame(self, sql: str, params: list | None = None) -> pd.DataFrame:
        return texts_missing_as_none(self.con.execute(sql, params or []).df())

    def _optional(self, table: str, column: str, alias: str, cast: str = "integer") -> str:
        return f"{alias}.{column}" if (table, column) in self.columns else f"cast(null as {cast}) as {column}"

    def _figures_table(self) -> None:
        months = ", ".join(self._optional("int_figures", c, "f") for c in ("period_start_month", "period_end_month"))
        subject = self._optional("int_figures", "subject", "f", "varchar")
        source = (
            "s.source_file, s.source_line"
            if ("stg_figures", "source_line") in self.columns
            else "cast(null as varchar) as source_file, cast(null as integer) as source_line"
        )
        join_source = "left join staging.stg_figures as s using (figure_id)" if "stg_figures" in self.tables else ""
        self.con.execute(f"""
            create temp table site_figures as
            select
                f.figure_id, f.document_id, d.document_title, d.publisher_name, d.published_on,
                d.published_precision, f.city_key, coalesce(c.city_name_zh_hans, f.city_key) as city_name,
                c.admin_code, coalesce(c.is_guangxi_prefecture, false) as is_prefecture,
                f.cluster_key, coalesce(k.cluster_name_zh_hans, f.cluster_key) as cluster_name,
                f.enterprise_name, {subject}, f.metric_code, coalesce(m.metric_name_en, f.metric_code) as metric_name,
                m.metric_name_zh, f.metric_kind, f.rate_of_metric_code, f.period_kind, f.period_start_year,
                f.period_end_year, {months}, f.year, f.status, f.qualifier,
                cast(f.value_reported as double) as value_reported, f.unit_as_written, f.unit_measure,
                cast(f.value_in_base_unit as double) as value_in_base_unit, f.evidence, f.is_year_inferred,
                {source},
            from w.marts.int_figures as f
            left join w.marts.dim_source_document as d using (document_id)
            left join w.marts.dim_city as c using (city_key)
            left join w.marts.dim_cluster as k using (cluster_key)
            left join w.marts.dim_metric as m using (metric_code)
            {join_source}
        """)

    # --- the index -------------------------------------------------------------------------------
    def glance(self) -> dict:
        row = self.con.execute("""
            select count(*), count(distinct document_id), count(distinct city_key),
                count(distinct cluster_key) filter (where cluster_key not in ('none', 'unknown')),
                min(year), max(year), count(*) filter (where status = 'target')
            from site_figures""").fetchone()
        return dict(zip(("figures", "documents", "places", "clusters", "first_year", "last_year", "targets"), row))

    def latest_run(self) -> dict | None:
        if "runs" not in {
            t
            for (t,) in self.con.execute(
                "select table_name from duckdb_tables() where database_name = 'w' and schema_name = 'meta'"
            ).fetchall()
        }:
            return None
        rows = self.frame(
            "select run_id, command, started_at, ended_at, status from meta.runs "
            "where status = 'success' order by started_at desc limit 1"
        )
        return None if rows.empty else rows.iloc[0].to_dict()

    def checks(self, run_id: str) -> pd.DataFrame:
        return self.frame(
            """
            select suite, table_name, expectation, column_name, severity, success, unexpected_count
            from meta.expectation_results where run_id = ? order by success, severity, suite, expectation""",
            [run_id],
        )

    def places(self) -> pd.DataFrame:
        return self.frame("""
            select city_key, any_value(city_name) as city_name, any_value(admin_code) as admin_code,
                count(*) as figures, count(distinct document_id) as documents, min(year) as first_year,
                max(year) as last_year
            from site_figures group by city_key order by figures desc, city_key""")

    def clusters(self) -> pd.DataFrame:
        """Every cluster key with figures, `none` (the place as a whole) and `unknown` too: each gets a page."""
        return self.frame("""
            select cluster_key, any_value(cluster_name) as cluster_name, count(*) as figures,
                count(distinct city_key) as places, count(distinct document_id) as documents,
                min(year) as first_year, max(year) as last_year
            from site_figures group by cluster_key order by figures desc, cluster_key""")

    def documents(self) -> pd.DataFrame:
        return self.frame("""
            select d.document_id, d.document_title, d.publisher_name, d.published_on, d.published_precision,
                count(f.figure_id) as figures
            from marts.dim_source_document as d left join site_figures as f using (document_id)
            group by all order by d.document_id""")

    # --- pages of places, clusters or documents, PAGE_BATCH pages a query ----------------------
    def _capped(
        self, select: str, source: str, key: str, where: str, order: str, keys: list[str], cap: int
    ) -> dict[str, tuple[pd.DataFrame, int]]:
        """For each of `keys`: the first `cap` rows whose `key` expression is it (by `order`), and how many.
        One query for every key (a query costs milliseconds, however few rows it returns); the frame holds at
        most len(keys) x cap rows, never every row of a big warehouse."""
        rows = self.frame(
            f"""
            select {select}, {key} as page_key, count(*) over (partition by {key}) as page_total
            from {source}
            where {key} in (select unnest(?::varchar[])) {where}
            qualify row_number() over (partition by {key} order by {order}) <= {int(cap)}
            order by page_key, {order}""",
            [list(keys)],
        )
        page_keys, totals = rows.pop("page_key"), rows.pop("page_total")
        ints = [c for c in rows.columns if _masked(rows[c].dtype)]
        by_page = page_keys.to_numpy()
        whole_ints = ~rows[ints].isna().groupby(by_page, sort=False).any()  # per page: no null in the column
        found = {}
        for k, at in page_keys.groupby(by_page, sort=False).indices.items():
            of_key = rows.iloc[at[0] : at[-1] + 1].reset_index(drop=True)  # contiguous: ordered by page_key
            typed = _as_own_query(
                of_key,
                {c: rows[c].dtype.numpy_dtype for c, whole in zip(ints, whole_ints.loc[k].to_numpy()) if whole},
            )
            found[k] = (typed, int(totals.iat[at[0]]))
        empty = rows.iloc[0:0]
        return {k: found.get(k, (empty, 0)) for k in keys}

    def figures_of(self, column: str, keys: list[str], cap: int) -> dict[str, tuple[pd.DataFrame, int]]:
        """Per key, the figures whose `column` is it: the first `cap` (series first, by subject and year), and
        how many."""
        return self._capped(
            "*",
            "site_figures",
            column,
            "",
            f"status, metric_kind not in {LEVEL_KINDS}, city_key, cluster_key, metric_code, "
            "enterprise_name nulls first, year, figure_id",
            keys,
            cap,
        )

    def growth_of(self, column: str, keys: list[str], cap: int) -> dict[str, pd.DataFrame]:
        # a rate of no catalogue metric (瓷质砖增长28.8%) is named by what grows, or says it is not named
        subject = "g.subject" if ("fct_growth_rates", "subject") in self.columns else "null"
        found = self._capped(
            f"""g.growth_rate_id, g.figure_id, g.city_key, coalesce(c.city_name_zh_hans, g.city_key) as city_name,
                g.cluster_key, coalesce(k.cluster_name_zh_hans, g.cluster_key) as cluster_name, g.enterprise_name,
                g.rate_of_metric_code,
                coalesce(m.metric_name_en, g.rate_of_metric_code, {subject}, 'what grows is not named') as metric_name,
                g.year,
                g.rate_origin, cast(g.rate_pct as double) as rate_pct,
                cast(g.computed_rate_pct as double) as computed_rate_pct, g.level_figure_id,
                array_to_string(g.computed_from_figure_ids, ', ') as computed_from, g.evidence""",
            """marts.fct_growth_rates as g
            left join marts.dim_city as c using (city_key)
            left join marts.dim_cluster as k using (cluster_key)
            left join marts.dim_metric as m on m.metric_code = g.rate_of_metric_code""",
            f"g.{column}",
            "and g.period_kind = 'year' and not g.is_target and g.metric_code = 'growth_rate'",
            "g.rate_of_metric_code, g.year, g.growth_rate_id",  # the id: one order among rates of a year
            keys,
            cap,
        )
        return {k: rows for k, (rows, _) in found.items()}

    def targets_of(self, column: str, keys: list[str], cap: int) -> dict[str, tuple[pd.DataFrame, int]]:
        return self._capped(
            """t.target_figure_id, t.target_document_id, coalesce(c.city_name_zh_hans, t.city_key) as city_name,
                coalesce(k.cluster_name_zh_hans, t.cluster_key) as cluster_name, t.cluster_key,
                coalesce(m.metric_name_en, t.metric_code) as metric_name, t.target_year, t.is_open_ended,
                t.comparison, t.target_qualifier, cast(t.target_value_reported as double) as target_value_reported,
                t.target_unit_as_written, t.actual_figure_id, t.actual_year,
                cast(t.actual_value_reported as double) as actual_value_reported, t.actual_unit_as_written,
                cast(t.achievement_pct as double) as achievement_pct, t.target_evidence""",
            """marts.fct_targets_vs_actuals as t
            left join marts.dim_city as c using (city_key)
            left join marts.dim_cluster as k using (cluster_key)
            left join marts.dim_metric as m using (metric_code)""",
            f"t.{column}",
            "",
            "t.has_actual desc, t.target_figure_id, t.actual_figure_id",
            keys,
            cap,
        )

    def facts_of(self, column: str, keys: list[str], cap: int) -> dict[str, tuple[pd.DataFrame, int]]:
        """Per key, facts (one row per fact, with its chosen figure and conflicts) of fct_facts; empty if it is
        absent."""
        if not self.has_facts:
            return {k: (pd.DataFrame(), 0) for k in keys}
        return self._capped(
            """x.fact_key, x.city_key, coalesce(c.city_name_zh_hans, x.city_key) as city_name,
                coalesce(k.cluster_name_zh_hans, x.cluster_key) as cluster_name, x.enterprise, x.subject,
                coalesce(m.metric_name_en, x.metric_code) as metric_name, x.period_kind, x.period_start_year,
                x.period_start_month, x.period_end_year, x.period_end_month, x.status, x.chosen_figure_id,
                cast(x.value_reported as double) as value_reported, x.unit_as_written, x.qualifier, x.figure_ids,
                x.n_sources, x.n_figures, x.is_conflict, x.conflicting_figure_ids, x.choice_rule""",
            f"""marts.{FACTS_TABLE} as x
            left join marts.dim_city as c using (city_key)
            left join marts.dim_cluster as k using (cluster_key)
            left join marts.dim_metric as m using (metric_code)""",
            f"x.{column}",
            "",
            "x.is_conflict desc, x.metric_code, x.period_end_year, x.fact_key",
            keys,
            cap,
        )

    # --- the map and the coverage matrix ---------------------------------------------------------
    def map_values(self) -> pd.DataFrame:
        """Per prefecture city, metric and year: the whole city's actual level (no cluster, no enterprise);
        where documents give it more than once, the latest published document's figure."""
        return self.frame(f"""
            select admin_code, city_key, city_name, metric_code, metric_name, year, figure_id, value_reported,
                unit_as_written, unit_measure, value_in_base_unit, qualifier, evidence, document_title
            from site_figures
            where is_prefecture and cluster_key = 'none' and enterprise_name is null and status = 'actual'
                and period_kind = 'year' and metric_kind in {LEVEL_KINDS}
            qualify row_number() over (partition by city_key, metric_code, unit_measure, year
                                       order by published_on desc nulls last, figure_id) = 1
            order by metric_code, year, admin_code""")

    def map_counts(self) -> pd.DataFrame:
        """Per prefecture city and year: how many figures the documents give (any metric, place itself)."""
        return self.frame("""
            select admin_code, city_key, city_name, 'figure_count' as metric_code,
                'figures in the documents' as metric_name, year, null as figure_id,
                cast(count(*) as double) as value_reported, '' as unit_as_written, 'count' as unit_measure,
                cast(count(*) as double) as value_in_base_unit, 'exact' as qualifier,
                'figures of any metric about the city itself' as evidence, '' as document_title
            from site_figures where is_prefecture and year is not null
            group by all order by year, admin_code""")

    def prefectures(self) -> pd.DataFrame:
        return self.frame("""select city_key, admin_code, city_name_zh_hans as city_name from marts.dim_city
                             where is_guangxi_prefecture order by admin_code""")

    def coverage(self) -> pd.DataFrame:
        return self.frame("""
            select city_key, any_value(city_name) as city_name, cluster_key, any_value(cluster_name) as cluster_name,
                year, status, count(*) as figures, count(distinct document_id) as documents
            from site_figures group by city_key, cluster_key, year, status
            order by city_key, cluster_key, year, status""")

    def cluster_members(self, year: int) -> pd.DataFrame:
        return self.frame(f"""
            select k.cluster_key, k.cluster_name_zh_hans as cluster_name, b.city_key,
                b.city_name_zh_hans as city_name, b.member_order,
                (select count(*) from site_figures as f
                 where f.city_key = b.city_key and f.cluster_key = k.cluster_key) as figures
            from marts.bridge_cluster_city as b join marts.dim_cluster as k using (cluster_key)
            where k.is_advanced_manufacturing_cluster and k.recognised_year = {int(year)}
            order by k.cluster_key, b.member_order""")

    # --- figure pages ----------------------------------------------------------------------------
    def figures_by_id(self, figure_ids: list[str]) -> pd.DataFrame:
        # one statement for every id (executemany would insert them one by one)
        self.con.execute(
            "create or replace temp table site_wanted as select unnest(?::varchar[]) as figure_id", [figure_ids]
        )
        return self.frame("select f.* from site_figures as f join site_wanted using (figure_id) order by figure_id")

    def same_fact(self) -> pd.DataFrame:
        """For each wanted figure: the other figures of its fact (bridge_fact_figure), with their documents."""
        if not self.has_facts:
            return pd.DataFrame(
                columns=[
                    "figure_id",
                    "fact_key",
                    "other_figure_id",
                    "document_id",
                    "document_title",
                    "publisher_name",
                    "published_on",
                    "published_precision",
                    "is_chosen",
                    "is_in_conflict",
                    "value_reported",
                    "unit_as_written",
                    "qualifier",
                ]
            )
        return self.frame(f"""
            select w.figure_id, b.fact_key, o.figure_id as other_figure_id, o.document_id, d.document_title,
                d.publisher_name, d.published_on, d.published_precision, o.is_chosen, o.is_in_conflict,
                f.value_reported, f.unit_as_written, f.qualifier
            from site_wanted as w
            join marts.{BRIDGE_TABLE} as b using (figure_id)
            join marts.{BRIDGE_TABLE} as o on o.fact_key = b.fact_key and o.figure_id <> w.figure_id
            left join marts.dim_source_document as d on d.document_id = o.document_id
            left join site_figures as f on f.figure_id = o.figure_id
            order by w.figure_id, o.is_chosen desc, o.figure_id""")
