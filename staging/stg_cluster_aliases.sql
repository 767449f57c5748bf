-- Every way a figure writes a cluster, resolved to its key.
with

aliases as (select * from raw.cluster_aliases),

final as (
    select
        alias as cluster_name_as_written,
        cluster_key,
    from aliases
)

select * from final
