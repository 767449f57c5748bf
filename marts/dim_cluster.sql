-- Clusters, industries and chains, with their member cities; "none" and "unknown" members so no fact loses its cluster.
with

clusters as (select * from staging.stg_clusters),

members as (select * from staging.stg_cluster_members),

places as (select * from staging.stg_places),

cluster_industries as (select * from staging.stg_cluster_industries),

member_lists as (
    select
        members.cluster_key,
        count(*) as member_city_count,
        string_agg(places.place_short_name_zh_hans, '、' order by members.member_order) as member_cities_zh_hans,
    from members
    left join places using (place_key)
    group by members.cluster_key
),

known as (
    select
        clusters.cluster_key,
        clusters.cluster_name_zh_hans,
        clusters.cluster_name_zh_hant,
        clusters.cluster_name_en,
        clusters.cluster_type,
        clusters.cluster_type = 'advanced_manufacturing_cluster' as is_advanced_manufacturing_cluster,
        clusters.recognised_by,
        clusters.recognised_year,
        clusters.parent_cluster_key,
        coalesce(member_lists.member_city_count, 0) as member_city_count,
        member_lists.member_cities_zh_hans,
        clusters.cluster_note,
        -- the recognised cluster whose figures this one's roll up to: itself, or the cluster its industry is in
        case
            when clusters.cluster_type = 'advanced_manufacturing_cluster' then clusters.cluster_key
            else cluster_industries.cluster_key
        end as recognised_cluster_key,
    from clusters
    left join member_lists using (cluster_key)
    left join cluster_industries on cluster_industries.industry_cluster_key = clusters.cluster_key
),

special_members as (
    select * from (values
        ('none', '(不分产业)', '(不分產業)', '(whole economy or all industry)', 'none',
         'the figure is about a whole place, not one cluster or industry'),
        ('unknown', '(未知)', '(未知)', '(unknown)', 'unknown', 'the cluster could not be resolved')
    ) as t(cluster_key, cluster_name_zh_hans, cluster_name_zh_hant, cluster_name_en, cluster_type, cluster_note)
),

final as (
    select * from known
    union all
    -- the columns of known, in its order: the union is by position on both engines
    select
        cluster_key,
        cluster_name_zh_hans,
        cluster_name_zh_hant,
        cluster_name_en,
        cluster_type,
        false as is_advanced_manufacturing_cluster,
        cast(null as varchar) as recognised_by,
        cast(null as integer) as recognised_year,
        cast(null as varchar) as parent_cluster_key,
        cast(0 as bigint) as member_city_count,
        cast(null as varchar) as member_cities_zh_hans,
        cluster_note,
        cast(null as varchar) as recognised_cluster_key,
    from special_members
)

select * from final
