-- Each target lined up with the actual figures for the same place, cluster, enterprise, metric
-- (and, for rates, the metric it is a rate of) and period.
with

figures as (select * from marts.int_figures),

targets as (
    select * from figures where is_target
),

actuals as (
    select * from figures where not is_target
),

final as (
    select
        targets.figure_id as target_figure_id,
        targets.document_id as target_document_id,
        targets.city_key,
        targets.cluster_key,
        targets.enterprise_name,
        targets.metric_code,
        targets.rate_of_metric_code,
        targets.period_start_year as target_period_start_year,
        targets.year as target_year,
        targets.period_kind as target_period_kind,
        targets.qualifier as target_qualifier,
        targets.value_reported as target_value_reported,
        targets.unit_as_written as target_unit_as_written,
        targets.unit_measure,
        targets.value_in_base_unit as target_value_in_base_unit,
        actuals.figure_id as actual_figure_id,
        actuals.document_id as actual_document_id,
        actuals.value_reported as actual_value_reported,
        actuals.unit_as_written as actual_unit_as_written,
        actuals.value_in_base_unit as actual_value_in_base_unit,
        actuals.figure_id is not null as has_actual,
        -- doubles read from text, rounded by hand, as in fct_growth_rates: the engines differ in dividing decimals
        floor(cast(cast(actuals.value_in_base_unit as varchar) as double)
              / nullif(cast(cast(targets.value_in_base_unit as varchar) as double), 0) * 1000 + 0.5) / 10
            as achievement_pct,
        case when actuals.figure_id is not null then actuals.value_in_base_unit >= targets.value_in_base_unit end
            as is_target_met,
        targets.evidence as target_evidence,
        actuals.evidence as actual_evidence,
    from targets
    left join actuals
        on actuals.city_key = targets.city_key
        and actuals.cluster_key = targets.cluster_key
        and actuals.enterprise_name is not distinct from targets.enterprise_name
        and actuals.metric_code = targets.metric_code
        and actuals.rate_of_metric_code is not distinct from targets.rate_of_metric_code
        and actuals.unit_measure = targets.unit_measure
        and actuals.period_start_year = targets.period_start_year
        and actuals.year = targets.year
        and actuals.period_kind = targets.period_kind
)

select * from final
