with

figures as (select * from marts.int_figures),

-- figures about the same place, cluster, enterprise, metric, period and status, in one unit measure;
-- a subject disagrees when two documents give it different values (then some pair of them differs).
-- item_count is left out: it counts anything, and what it counts is only in the note
-- A subject's key as one number makes the grouping cheap (10M rows in seconds). A hash collision can
-- only add candidates, and the exact window over the candidates' figures weeds them out.
-- Each of keyed and candidates reads the table itself, only the columns it needs: a CTE read twice is
-- materialised with every column it has (at 10M figures 6 s for figures, read here and in final).
keyed as (
    select
        figure_id, document_id, value_reported, unit_as_written, value_in_base_unit,
        city_key, cluster_key, enterprise_name, metric_code, rate_of_metric_code,
        period_start_year, period_end_year, period_kind, status, unit_measure,
        hash(city_key, cluster_key, enterprise_name, metric_code, rate_of_metric_code,
            period_start_year, period_end_year, period_kind, status, unit_measure) as subject_hash,
    from marts.int_figures
    where metric_code <> 'item_count'
),

candidates as (
    select
        hash(city_key, cluster_key, enterprise_name, metric_code, rate_of_metric_code,
            period_start_year, period_end_year, period_kind, status, unit_measure) as subject_hash,
    from marts.int_figures
    where metric_code <> 'item_count'
    group by subject_hash
    having min(document_id) <> max(document_id) and min(value_in_base_unit) <> max(value_in_base_unit)
),

subjects as (
    select
        figure_id,
        count(distinct document_id) over subject as subject_documents,
        count(distinct value_in_base_unit) over subject as subject_values,
        list(figure_id || ' (' || document_id || ') ' || cast(value_reported as double) || ' ' || unit_as_written)
            over (subject order by figure_id rows between unbounded preceding and unbounded following)
            as subject_figures,
    from keyed
    semi join candidates using (subject_hash)
    window subject as (
        partition by city_key, cluster_key, enterprise_name, metric_code, rate_of_metric_code,
            period_start_year, period_end_year, period_kind, status, unit_measure
    )
),

disagreements as (
    select
        figure_id,
        array_to_string(subject_figures[1:6], ' vs ') as disagrees_with,
    from subjects
    where subject_documents > 1 and subject_values > 1
),

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
        disagreements.disagrees_with,
    from figures
    left join marts.dim_metric as metrics using (metric_code)
    left join disagreements using (figure_id)
)

select * from final
