with

intensity as (select * from marts.fct_rd_intensity),

final as (
    select
        intensity.*,
        nullif(concat_ws('; ',
            case when intensity.period_start_year is null and not intensity.is_target then 'period_start_year missing for an actual' end,
            case when intensity.is_target and (intensity.period_start_year is null) <> (intensity.period_end_year is null)
                then 'period_start_year missing beside period_end_year (an open-ended target has neither)' end,
            case when intensity.period_end_year is null and not intensity.is_target then 'period_end_year missing for an actual' end,
            case when intensity.is_target and (intensity.period_end_year is null) <> (intensity.period_start_year is null)
                then 'period_end_year missing beside period_start_year (an open-ended target has neither)' end
        ), '') as unresolved_keys,
        metrics.fact_table as metric_fact_table,
        metrics.unit_measure as metric_unit_measure,
        figures.unit_measure,
    from intensity
    left join marts.dim_metric as metrics using (metric_code)
    left join marts.int_figures as figures using (figure_id)
)

select * from final
