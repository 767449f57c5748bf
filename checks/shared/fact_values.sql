-- The frame of the suites of fct_output_values and fct_shares_ranks (meta.clusterdw.frame: fact_values):
-- this_table is the suite's own table. Figures with a value in base units, checked against dim_metric.
with

facts as (select * from this_table),

final as (
    select
        facts.*,
        nullif(concat_ws('; ',
            case when facts.period_start_year is null and not facts.is_target then 'period_start_year missing for an actual' end,
            case when facts.is_target and (facts.period_start_year is null) <> (facts.period_end_year is null)
                then 'period_start_year missing beside period_end_year (an open-ended target has neither)' end,
            case when facts.period_end_year is null and not facts.is_target then 'period_end_year missing for an actual' end,
            case when facts.is_target and (facts.period_end_year is null) <> (facts.period_start_year is null)
                then 'period_end_year missing beside period_start_year (an open-ended target has neither)' end
        ), '') as unresolved_keys,
        metrics.fact_table as metric_fact_table,
        metrics.unit_measure as metric_unit_measure,
        case when (
                facts.value_in_base_unit < metrics.min_plausible_value or facts.value_in_base_unit > metrics.max_plausible_value
            )
            then facts.figure_id || ': ' || facts.metric_code || ' ' || cast(facts.value_in_base_unit as double)
                || ' outside [' || metrics.min_plausible_value || ', ' || metrics.max_plausible_value || ']'
        end as outside_plausible_range,
    from facts
    left join marts.dim_metric as metrics using (metric_code)
)

select * from final
