-- Level figures: money, physical volumes, capacities and counts, as reported and in base units.
with

figures as (select * from marts.int_figures),

final as (
    select * exclude (fact_table, rate_of_metric_code)
    from figures
    where fact_table = 'fct_output_values'
)

select * from final
