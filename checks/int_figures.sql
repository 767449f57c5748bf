with

figures as (select * from marts.int_figures),

final as (
    select
        figures.*,
        nullif(concat_ws('; ',
            case when figures.period_start_year is null and not figures.is_target then 'period_start_year missing for an actual' end,
            case when figures.is_target and (figures.period_start_year is null) <> (figures.period_end_year is null)
                then 'period_start_year missing beside period_end_year (an open-ended target has neither)' end,
            case when figures.period_end_year is null and not figures.is_target then 'period_end_year missing for an actual' end,
            case when figures.is_target and (figures.period_end_year is null) <> (figures.period_start_year is null)
                then 'period_end_year missing beside period_start_year (an open-ended target has neither)' end
        ), '') as unresolved_keys,
        metrics.fact_table as metric_fact_table,
        metrics.unit_measure as metric_unit_measure,
        case when (
                figures.value_in_base_unit < metrics.min_plausible_value or figures.value_in_base_unit > metrics.max_plausible_value
            )
            then figures.figure_id || ': ' || figures.metric_code || ' ' || cast(figures.value_in_base_unit as double)
                || ' outside [' || metrics.min_plausible_value || ', ' || metrics.max_plausible_value || ']'
        end as outside_plausible_range,
    from figures
    left join marts.dim_metric as metrics using (metric_code)
)

select * from final
