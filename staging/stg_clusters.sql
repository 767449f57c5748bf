-- One row per cluster, industry or industrial chain.
with

clusters as (select * from raw.clusters),

final as (
    select
        -- ids
        cluster_key,
        parent_cluster_key,

        -- names
        name_zh_hans as cluster_name_zh_hans,
        name_zh_hant as cluster_name_zh_hant,
        name_en as cluster_name_en,

        -- attributes
        cluster_type,
        recognised_by,
        recognised_year,
        note as cluster_note,

        -- provenance
        source_file,
        source_line,
    from clusters
)

select * from final
