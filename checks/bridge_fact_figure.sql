with

bridge as (select * from marts.bridge_fact_figure),

-- only the facts without exactly one chosen figure: every other fact's count is 1, and a join of those
-- few is cheaper than joining every fact's count back (10M facts at 10M figures)
chosen_not_one as (
    select fact_key, count(*) filter (where is_chosen) as chosen_figures
    from marts.bridge_fact_figure
    group by fact_key
    having count(*) filter (where is_chosen) <> 1
),

final as (
    select
        bridge.*,
        case when bridge.fact_key is not null then coalesce(chosen_not_one.chosen_figures, 1) end as chosen_figures,
        case when bridge.value_low_in_base_unit > bridge.value_high_in_base_unit
            or (bridge.value_low_in_base_unit = bridge.value_high_in_base_unit
                and not (bridge.is_low_included and bridge.is_high_included))
            then bridge.figure_id || ': an empty interval' end as empty_interval,
        case when known_figure.figure_id is null then bridge.figure_id || ' not in marts.int_figures' end
            as unknown_figure,
    from bridge
    left join chosen_not_one using (fact_key)
    left join (select figure_id from marts.int_figures) as known_figure using (figure_id)
)

select * from final
