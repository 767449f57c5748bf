-- Member places of clusters, in the order the source lists them.
with

members as (select * from raw.cluster_members),

final as (
    select
        cluster_key,
        place_key,
        member_order,
    from members
)

select * from final
