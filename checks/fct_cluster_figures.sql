with

figures as (select * from marts.fct_cluster_figures),

final as (
    select
        figures.*,
        clusters.cluster_type as recognised_cluster_type,
    from figures
    left join marts.dim_cluster as clusters on clusters.cluster_key = figures.recognised_cluster_key
)

select * from final
