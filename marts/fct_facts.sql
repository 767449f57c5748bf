-- One row per fact: the figure chosen to answer for it, all the figures and documents that state it, and
-- whether they disagree (their intervals of true values do not overlap).
with

figures as (select * from marts.int_fact_figures),

bridge as (select * from marts.bridge_fact_figure),

facts as (
    select
        fact_key,
        max(case when is_chosen then figure_id end) as chosen_figure_id,
        string_agg(figure_id, ',' order by figure_id) as figure_ids,
        count(distinct document_id) as n_sources,
        count(*) as n_figures,
        max(case when is_in_conflict then 1 else 0 end) = 1 as is_conflict,
        -- Spark joins an empty list to '', DuckDB aggregates no value to null: null on both
        nullif(string_agg(case when is_in_conflict then figure_id end, ',' order by figure_id), '')
            as conflicting_figure_ids,
        max(case when choice_order = 1 then published_on end) as chosen_published_on,
        max(case when choice_order = 2 then published_on end) as runner_up_published_on,
        max(case when choice_order = 1 then value_class end) as chosen_value_class,
        max(case when choice_order = 2 then value_class end) as runner_up_value_class,
        max(value_low_in_base_unit) as fact_low_in_base_unit,
        min(value_high_in_base_unit) as fact_high_in_base_unit,
    from bridge
    group by fact_key
),

final as (
    select
        facts.fact_key,
        chosen.city_key,
        chosen.cluster_key,
        chosen.enterprise_name as enterprise,
        chosen.subject,
        chosen.metric_code,
        chosen.rate_of_metric_code,
        chosen.period_kind,
        chosen.period_start_year,
        chosen.period_start_month,
        chosen.period_end_year,
        chosen.period_end_month,
        chosen.status,
        facts.chosen_figure_id,
        chosen.value_reported,
        chosen.unit_as_written,
        chosen.value_in_base_unit,
        chosen.qualifier,
        facts.figure_ids,
        facts.n_sources,
        facts.n_figures,
        facts.is_conflict,
        facts.conflicting_figure_ids,
        case
            when facts.n_figures = 1 then 'only_figure'
            when facts.chosen_published_on > facts.runner_up_published_on then 'latest_publication'
            when (facts.chosen_value_class = 'exact' and facts.runner_up_value_class <> 'exact')
                or (facts.chosen_value_class = 'approximate'
                    and facts.runner_up_value_class not in ('exact', 'approximate'))
                then 'exact_over_qualified'
            else 'first_figure_id'
        end as choice_rule,
        -- extras: the chosen figure's document, the kind of value, the period as text, the interval all
        -- figures allow (null where unbounded; low above high when they conflict)
        chosen.document_id as chosen_document_id,
        facts.chosen_published_on,
        chosen.metric_kind,
        chosen.unit_measure,
        chosen.value_class,
        chosen.period_key,
        chosen.year,
        facts.fact_low_in_base_unit,
        facts.fact_high_in_base_unit,
    from facts
    join figures as chosen on chosen.figure_id = facts.chosen_figure_id
)

select * from final
