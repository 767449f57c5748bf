with

industries as (select * from staging.stg_cluster_industries),

final as (
    select
        industries.*,
        clusters.cluster_type,
        case when known_industry.cluster_key is null then industries.industry_cluster_key || ' not in staging.stg_clusters' end
            as unknown_industry,
    from industries
    left join staging.stg_clusters as clusters using (cluster_key)
    left join (select cluster_key from staging.stg_clusters) as known_industry
        on known_industry.cluster_key = industries.industry_cluster_key
)

select * from final
