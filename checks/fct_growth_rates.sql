with

-- not materialized: the two readers scan the table for their own columns (materialized, every column of
-- every rate was written out and read back twice)
rates as not materialized (select * from marts.fct_growth_rates),

-- the level figures a computed rate names that int_figures does not hold
missing_sources as (
    select rates.growth_rate_id, string_agg(ids.figure_id, ', ') as figure_ids,
    from rates, unnest(rates.computed_from_figure_ids) as ids(figure_id)
    where ids.figure_id not in (select figure_id from marts.int_figures)
    group by rates.growth_rate_id
),

final as (
    select
        rates.*,
        nullif(concat_ws('; ',
            case when rates.period_start_year is null and not rates.is_target then 'period_start_year missing for an actual' end,
            case when rates.is_target and (rates.period_start_year is null) <> (rates.period_end_year is null)
                then 'period_start_year missing beside period_end_year (an open-ended target has neither)' end,
            case when rates.period_end_year is null and not rates.is_target then 'period_end_year missing for an actual' end,
            case when rates.is_target and (rates.period_end_year is null) <> (rates.period_start_year is null)
                then 'period_end_year missing beside period_start_year (an open-ended target has neither)' end,
            case when missing_sources.figure_ids is not null
                then 'computed_from_figure_ids ' || missing_sources.figure_ids || ' not in marts.int_figures' end
        ), '') as unresolved_keys,
        metrics.fact_table as metric_fact_table,
        metrics.unit_measure as metric_unit_measure,
        case when rates.value_reported is not null and (
                rates.value_reported < metrics.min_plausible_value or rates.value_reported > metrics.max_plausible_value
            )
            then rates.figure_id || ': ' || rates.metric_code || ' ' || cast(rates.value_reported as double)
                || ' outside [' || metrics.min_plausible_value || ', ' || metrics.max_plausible_value || ']'
        end as outside_plausible_range,
    from rates
    left join marts.dim_metric as metrics using (metric_code)
    left join missing_sources using (growth_rate_id)
)

select * from final
