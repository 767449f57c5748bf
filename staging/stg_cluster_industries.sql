-- Which industries, as figures name them, a recognised cluster is made of: the roll-up of figures to clusters.
with

cluster_industries as (select * from raw.cluster_industries),

final as (
    select
        cluster_key,
        industry_cluster_key,
        note as cluster_industry_note,
    from cluster_industries
)

select * from final
