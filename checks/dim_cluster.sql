with

clusters as (select * from marts.dim_cluster),

final as (
    select
        clusters.*,
                coalesce(bridge_counts.bridge_member_count, 0) as bridge_member_count,
    from clusters
    left join (select cluster_key, count(*) as bridge_member_count from marts.bridge_cluster_city group by all)
        as bridge_counts using (cluster_key)
)

select * from final
