with

figures as (select * from staging.stg_figures),

-- the fact tables holding each figure
landed as (
    select figure_id, count(*) as fact_table_count
    from (
        select figure_id from marts.fct_output_values
        union all select figure_id from marts.fct_growth_rates where figure_id is not null
        union all select figure_id from marts.fct_rd_intensity
        union all select figure_id from marts.fct_shares_ranks
    )
    group by figure_id
),

final as (
    select
        figures.*,
        nullif(concat_ws('; ',
            case when figures.place_key = 'unknown' then 'place ' || figures.place_as_written || ' unresolved' end,
            case when figures.cluster_key = 'unknown' then 'cluster ' || figures.cluster_as_written || ' unresolved' end
        ), '') as unresolved_keys,
        metrics.unit_measure as metric_unit_measure,
        case when (
                figures.value_in_base_unit < metrics.min_plausible_value or figures.value_in_base_unit > metrics.max_plausible_value
            )
            then figures.figure_id || ': ' || figures.metric_code || ' ' || cast(figures.value_in_base_unit as double)
                || ' outside [' || metrics.min_plausible_value || ', ' || metrics.max_plausible_value || ']'
        end as outside_plausible_range,
        coalesce(landed.fact_table_count, 0) as fact_table_count,
    from figures
    left join staging.stg_metrics as metrics using (metric_code)
    left join landed using (figure_id)
)

select * from final
