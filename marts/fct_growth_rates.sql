-- Growth rates: every reported rate, beside the growth computed from reported levels, and the
-- level of the year before that a reported level and its growth imply.
-- Each import is read by one CTE only, or holds only the columns the pairing needs: a CTE that several
-- CTEs read is materialised with every column it has (at 10M figures, gigabytes of evidence spilled).
with

figures as (select * from marts.int_figures),

figure_keys as (
    select
        figure_id,
        fact_table,
        metric_kind,
        metric_code,
        rate_of_metric_code,
        city_key,
        cluster_key,
        enterprise_name,
        subject,
        year,
        period_start_month,
        period_end_month,
        period_kind,
        status,
        is_target,
        unit_measure,
        value_in_base_unit,
        is_level_comparable,
    from marts.int_figures
),

reported as (
    select * from figures where fact_table = 'fct_growth_rates'
),

reported_keys as (
    select * from figure_keys where fact_table = 'fct_growth_rates'
),

-- levels of one year, or of the same months of one year (1—5月), that a growth rate can be paired with:
-- never a size tier or a bound, which are no levels
levels as (
    select * from figure_keys
    where metric_kind in ('level', 'count') and period_kind in ('year', 'year_to_date', 'months')
        and not is_target and is_level_comparable
),

-- a reported one-year growth and the level it is the growth of, for the same subject and year
reported_with_level as (
    select
        reported.figure_id,
        min(levels.figure_id) as level_figure_id,
        count(levels.figure_id) as level_matches,
        any_value(levels.value_in_base_unit) as level_in_base_unit,
        any_value(levels.unit_measure) as level_unit_measure,
    from reported_keys as reported
    join levels
        on levels.metric_code = reported.rate_of_metric_code
        and levels.city_key = reported.city_key
        and levels.cluster_key = reported.cluster_key
        and levels.enterprise_name is not distinct from reported.enterprise_name
        and levels.subject is not distinct from reported.subject
        and levels.year = reported.year
        and levels.period_kind = reported.period_kind
        and levels.period_start_month is not distinct from reported.period_start_month
        and levels.period_end_month is not distinct from reported.period_end_month
        and levels.status = reported.status
    where reported.period_kind in ('year', 'year_to_date', 'months') and reported.unit_measure = 'percent'
    group by reported.figure_id
),

-- growth computed from two levels of consecutive years, same subject, months and unit measure (1—5月 of
-- one year against 1—5月 of the year before, never against a whole year)
computed as (
    select
        'derived:' || earlier.figure_id || ':' || later.figure_id as growth_rate_id,
        later.city_key,
        later.cluster_key,
        later.enterprise_name,
        later.subject,
        later.metric_code as rate_of_metric_code,
        later.year,
        later.period_kind,
        later.period_start_month,
        later.period_end_month,
        -- a ratio of decimals is a double in DuckDB and a decimal in Spark: divide doubles on both (read from
        -- text, the nearest double on both; DuckDB's cast of a 38-digit decimal rounds twice), round half away
        -- from zero by hand to whole hundredths (the engines' round of a double differs at ties, and so does
        -- their cast of a large double to a decimal), and scale that exactly as a decimal
        cast(cast(sign(later.value_in_base_unit - earlier.value_in_base_unit)
                  * floor(abs(cast(cast(later.value_in_base_unit as varchar) as double)
                              / cast(cast(earlier.value_in_base_unit as varchar) as double) - 1)
                          * 10000 + 0.5) as decimal(38, 0)) * 0.01 as decimal(18, 2)) as computed_rate_pct,
        earlier.figure_id as earlier_figure_id,
        later.figure_id as later_figure_id,
        [earlier.figure_id, later.figure_id] as derived_from_figure_ids,
    from levels as later
    join levels as earlier
        on earlier.metric_code = later.metric_code
        and earlier.city_key = later.city_key
        and earlier.cluster_key = later.cluster_key
        and earlier.enterprise_name is not distinct from later.enterprise_name
        and earlier.subject is not distinct from later.subject
        and earlier.unit_measure = later.unit_measure
        and earlier.period_kind = later.period_kind
        and earlier.period_start_month is not distinct from later.period_start_month
        and earlier.period_end_month is not distinct from later.period_end_month
        and earlier.year = later.year - 1
        and earlier.value_in_base_unit > 0
),

-- every pair of levels whose growth a reported one-year actual rate states
reported_computed as (
    select
        reported.figure_id,
        computed.computed_rate_pct,
        computed.earlier_figure_id,
        computed.later_figure_id,
        computed.derived_from_figure_ids,
    from reported_keys as reported
    join computed
        on computed.rate_of_metric_code = reported.rate_of_metric_code
        and computed.city_key = reported.city_key
        and computed.cluster_key = reported.cluster_key
        and computed.enterprise_name is not distinct from reported.enterprise_name
        and computed.subject is not distinct from reported.subject
        and computed.year = reported.year
        and computed.period_kind = reported.period_kind
        and computed.period_start_month is not distinct from reported.period_start_month
        and computed.period_end_month is not distinct from reported.period_end_month
    where not reported.is_target
),

-- the computed growth beside a reported rate: only where one pair of levels matches (a level reported
-- twice gives two pairs, and the reported rate must stay one row)
computed_by_reported as (
    select
        figure_id,
        any_value(computed_rate_pct) as computed_rate_pct,
        any_value(derived_from_figure_ids) as derived_from_figure_ids,
    from reported_computed
    group by figure_id
    having count(*) = 1
),

reported_rows as (
    select
        reported.figure_id as growth_rate_id,
        reported.figure_id,
        false as is_derived,
        'reported' as rate_origin,
        reported.document_id,
        reported.city_key,
        reported.cluster_key,
        reported.enterprise_name,
        reported.metric_code,
        reported.rate_of_metric_code,
        reported.period_start_year,
        reported.period_end_year,
        reported.year,
        reported.period_kind,
        reported.status,
        reported.is_target,
        reported.qualifier,
        reported.is_approximate,
        reported.value_reported,
        reported.unit_as_written,
        reported.unit_measure,
        cast(case when reported.unit_measure = 'percent' then reported.value_reported end as decimal(20, 4))
            as rate_pct,
        computed.computed_rate_pct,
        cast(round(case when reported.unit_measure = 'percent' then reported.value_reported end
                   - computed.computed_rate_pct, 2) as decimal(21, 2)) as reported_minus_computed_pct_points,
        case when with_level.level_matches = 1 then with_level.level_figure_id end as level_figure_id,
        case when with_level.level_matches = 1 then
            -- doubles, rounded by hand and scaled as a decimal, as computed_rate_pct
            cast(cast(floor(cast(cast(with_level.level_in_base_unit as varchar) as double)
                            / (1 + cast(reported.value_reported as double) / 100) * 100 + 0.5) as decimal(38, 0))
                 * 0.01 as decimal(38, 2))
        end as implied_previous_level_in_base_unit,
        case when with_level.level_matches = 1 then with_level.level_unit_measure end as level_unit_measure,
        computed.derived_from_figure_ids as computed_from_figure_ids,
        reported.evidence,
        reported.is_year_inferred,
        reported.subject,
        reported.period_start_month,
        reported.period_end_month,
        reported.period_key,
        reported.value_class,
    from reported
    left join reported_with_level as with_level using (figure_id)
    left join computed_by_reported as computed using (figure_id)
),

-- computed growth where no rate was reported: a derived row naming the two level figures (the columns of
-- reported_rows in their order, nulls typed: the union is by position on both engines)
derived_rows as (
    select
        computed.growth_rate_id,
        cast(null as varchar) as figure_id,
        true as is_derived,
        'computed_from_levels' as rate_origin,
        cast(null as varchar) as document_id,
        computed.city_key,
        computed.cluster_key,
        computed.enterprise_name,
        'growth_rate' as metric_code,
        computed.rate_of_metric_code,
        computed.year - 1 as period_start_year,
        computed.year as period_end_year,
        computed.year,
        computed.period_kind,
        'actual' as status,
        false as is_target,
        'exact' as qualifier,
        false as is_approximate,
        cast(null as decimal(18, 4)) as value_reported,
        cast(null as varchar) as unit_as_written,
        'percent' as unit_measure,
        cast(computed.computed_rate_pct as decimal(20, 4)) as rate_pct,
        computed.computed_rate_pct,
        cast(null as decimal(21, 2)) as reported_minus_computed_pct_points,
        cast(null as varchar) as level_figure_id,
        cast(null as decimal(38, 2)) as implied_previous_level_in_base_unit,
        cast(null as varchar) as level_unit_measure,
        computed.derived_from_figure_ids as computed_from_figure_ids,
        cast(null as varchar) as evidence,
        false as is_year_inferred,
        computed.subject,
        computed.period_start_month,
        computed.period_end_month,
        -- the later level's period: a year, or its months
        cast(computed.year as varchar)
            || coalesce('-' || lpad(cast(computed.period_start_month as varchar), 2, '0')
                || '/' || cast(computed.year as varchar)
                || '-' || lpad(cast(computed.period_end_month as varchar), 2, '0'), '') as period_key,
        'exact' as value_class,
    from computed
    -- the pair's two ids, not its list: equal lists are equal ids, and ids hash cheaper than lists
    where not exists (
        select 1 from reported_computed
        where reported_computed.earlier_figure_id = computed.earlier_figure_id
            and reported_computed.later_figure_id = computed.later_figure_id
    )
),

final as (
    select * from reported_rows
    union all
    select * from derived_rows
)

select * from final
