with

pairs as (select * from marts.fct_targets_vs_actuals),

final as (
    select
        pairs.*,
        nullif(concat_ws('; ',
            case when pairs.target_year is null and not pairs.is_open_ended then 'target_year missing for a dated target' end,
            case when known_targets.figure_id is null
                then 'target_figure_id ' || pairs.target_figure_id || ' not a target of marts.int_figures' end,
            case when pairs.actual_figure_id is not null and known_actuals.figure_id is null
                then 'actual_figure_id ' || pairs.actual_figure_id || ' not an actual of marts.int_figures' end
        ), '') as unresolved_keys,
        case
            when pairs.is_open_ended and pairs.target_year is not null
                then 'open-ended, yet target_year ' || pairs.target_year
            when pairs.has_actual and not pairs.is_open_ended
                and pairs.actual_year is distinct from pairs.target_year
                then 'actual of ' || pairs.actual_year || ' compared with a target for ' || pairs.target_year
            when pairs.has_actual and pairs.is_open_ended and pairs.actual_year < later_actuals.latest_year
                then 'open-ended target compared with ' || pairs.actual_year || ', not the latest actual ('
                    || later_actuals.latest_year || ')'
            when pairs.has_actual is distinct from (pairs.actual_figure_id is not null)
                then 'has_actual disagrees with actual_figure_id'
        end as comparison_problem,
        case
            when pairs.actual_figure_id is null then 'no_actual_yet'
            when pairs.is_open_ended then 'latest_actual_no_deadline'
            when pairs.actual_value_in_base_unit >= pairs.target_value_in_base_unit then 'met'
            else 'not_met'
        end as expected_comparison,
        metrics.unit_measure as metric_unit_measure,
    from pairs
    left join marts.dim_metric as metrics using (metric_code)
    -- the latest actual of the open-ended targets compared with an actual, the only pairs that read it: the
    -- actuals of other keys are left out before they are grouped (at 10M figures, 8M actuals)
    left join (
        select city_key, cluster_key, enterprise_name, metric_code, rate_of_metric_code, unit_measure, period_kind,
            max(year) as latest_year,
        from marts.int_figures as actuals
        where not is_target
            and exists (
                select 1 from pairs as open_ended
                where open_ended.has_actual and open_ended.is_open_ended
                    and actuals.city_key = open_ended.city_key
                    and actuals.cluster_key = open_ended.cluster_key
                    and actuals.enterprise_name is not distinct from open_ended.enterprise_name
                    and actuals.metric_code = open_ended.metric_code
                    and actuals.rate_of_metric_code is not distinct from open_ended.rate_of_metric_code
                    and actuals.unit_measure = open_ended.unit_measure
                    and actuals.period_kind = open_ended.target_period_kind
            )
        group by all
    ) as later_actuals
        on later_actuals.city_key = pairs.city_key
        and later_actuals.cluster_key = pairs.cluster_key
        and later_actuals.enterprise_name is not distinct from pairs.enterprise_name
        and later_actuals.metric_code = pairs.metric_code
        and later_actuals.rate_of_metric_code is not distinct from pairs.rate_of_metric_code
        and later_actuals.unit_measure = pairs.unit_measure
        and later_actuals.period_kind = pairs.target_period_kind
    left join (select figure_id from marts.int_figures where is_target) as known_targets
        on known_targets.figure_id = pairs.target_figure_id
    left join (select figure_id from marts.int_figures where not is_target) as known_actuals
        on known_actuals.figure_id = pairs.actual_figure_id
)

select * from final
