-- Shares (percent of a whole) and ranks (positions), each with the metric it is a share or rank of.
with

figures as (select * from marts.int_figures),

final as (
    select * exclude (fact_table)
    from figures
    where fact_table = 'fct_shares_ranks'
)

select * from final
