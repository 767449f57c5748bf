-- Each target lined up with the actual figures for the same place, cluster, enterprise, metric
-- (and, for rates, the metric it is a rate of) and period kind. A dated target is matched with
-- actuals of its own period; an open-ended one (no deadline stated) with the latest actuals.
with

-- each import read by one CTE only: a CTE that several read is materialised with every column it has
-- (at 10M figures, gigabytes of evidence spilled to disk)
figures as (select * from marts.int_figures),

actual_figures as (select * from marts.int_figures),

actual_years as (
    select
        city_key,
        cluster_key,
        enterprise_name,
        metric_code,
        rate_of_metric_code,
        unit_measure,
        subject,
        period_kind,
        period_start_month,
        period_end_month,
        year,
    from marts.int_figures
    where not is_target and value_class <> 'size_tier'
),

targets as (
    select * from figures where is_target
),

actuals as (
    -- a size tier (3000亿级) is a class, not a level to measure a target against
    select * from actual_figures where not is_target and value_class <> 'size_tier'
),

-- the latest year an actual of each subject and period kind is reported for
latest_actual_years as (
    select
        city_key,
        cluster_key,
        enterprise_name,
        metric_code,
        rate_of_metric_code,
        unit_measure,
        subject,
        period_kind,
        period_start_month,
        period_end_month,
        max(year) as latest_year,
    from actual_years
    group by city_key, cluster_key, enterprise_name, metric_code, rate_of_metric_code, unit_measure, subject,
        period_kind, period_start_month, period_end_month
),

-- the year whose actuals a target is compared with: its own, or for an open-ended one the latest
targets_with_match_year as (
    select
        targets.*,
        targets.year is null as is_open_ended,
        coalesce(targets.year, latest_actual_years.latest_year) as match_year,
    from targets
    left join latest_actual_years
        on latest_actual_years.city_key = targets.city_key
        and latest_actual_years.cluster_key = targets.cluster_key
        and latest_actual_years.enterprise_name is not distinct from targets.enterprise_name
        and latest_actual_years.metric_code = targets.metric_code
        and latest_actual_years.rate_of_metric_code is not distinct from targets.rate_of_metric_code
        and latest_actual_years.unit_measure = targets.unit_measure
        and latest_actual_years.subject is not distinct from targets.subject
        and latest_actual_years.period_kind = targets.period_kind
        and latest_actual_years.period_start_month is not distinct from targets.period_start_month
        and latest_actual_years.period_end_month is not distinct from targets.period_end_month
        and targets.year is null
),

pairs as (
    select
        targets.*,
        actuals.figure_id as actual_figure_id,
        actuals.document_id as actual_document_id,
        actuals.period_start_year as actual_period_start_year,
        actuals.year as actual_year,
        actuals.value_reported as actual_value_reported,
        actuals.unit_as_written as actual_unit_as_written,
        actuals.value_in_base_unit as actual_value_in_base_unit,
        actuals.evidence as actual_evidence,
    from targets_with_match_year as targets
    left join actuals
        on actuals.city_key = targets.city_key
        and actuals.cluster_key = targets.cluster_key
        and actuals.enterprise_name is not distinct from targets.enterprise_name
        and actuals.metric_code = targets.metric_code
        and actuals.rate_of_metric_code is not distinct from targets.rate_of_metric_code
        and actuals.unit_measure = targets.unit_measure
        and actuals.subject is not distinct from targets.subject
        and actuals.period_kind = targets.period_kind
        and actuals.period_start_month is not distinct from targets.period_start_month
        and actuals.period_end_month is not distinct from targets.period_end_month
        and actuals.year = targets.match_year
        and (targets.is_open_ended or actuals.period_start_year = targets.period_start_year)
),

final as (
    select
        figure_id as target_figure_id,
        document_id as target_document_id,
        city_key,
        cluster_key,
        enterprise_name,
        metric_code,
        rate_of_metric_code,
        period_start_year as target_period_start_year,
        year as target_year,
        is_open_ended,
        period_kind as target_period_kind,
        qualifier as target_qualifier,
        value_reported as target_value_reported,
        unit_as_written as target_unit_as_written,
        unit_measure,
        value_in_base_unit as target_value_in_base_unit,
        actual_figure_id,
        actual_document_id,
        actual_period_start_year,
        actual_year,
        actual_value_reported,
        actual_unit_as_written,
        actual_value_in_base_unit,
        actual_figure_id is not null as has_actual,
        case
            when actual_figure_id is null then 'no_actual_yet'
            when is_open_ended then 'latest_actual_no_deadline'
            when actual_value_in_base_unit >= value_in_base_unit then 'met'
            else 'not_met'
        end as comparison,
        -- doubles read from text, rounded by hand, as in fct_growth_rates: the engines differ in dividing decimals
        floor(cast(cast(actual_value_in_base_unit as varchar) as double)
              / nullif(cast(cast(value_in_base_unit as varchar) as double), 0) * 1000 + 0.5) / 10
            as achievement_pct,
        case
            when actual_figure_id is not null and not is_open_ended
                then actual_value_in_base_unit >= value_in_base_unit
        end as is_target_met,
        evidence as target_evidence,
        actual_evidence,
        subject,
        period_start_month as target_period_start_month,
        period_end_month as target_period_end_month,
    from pairs
)

select * from final
