-- Which cities belong to which cluster, in the order the cluster's listing names them.
with

members as (select * from staging.stg_cluster_members),

clusters as (select * from staging.stg_clusters),

places as (select * from staging.stg_places),

final as (
    select
        members.cluster_key,
        members.place_key as city_key,
        members.member_order,
        clusters.cluster_name_zh_hans,
        places.place_name_zh_hans as city_name_zh_hans,
    from members
    left join clusters using (cluster_key)
    left join places using (place_key)
)

select * from final
