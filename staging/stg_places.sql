-- One row per place: country, province, prefecture-level city, county, district, zone or region.
with

places as (select * from raw.places),

final as (
    select
        -- ids
        place_key,
        admin_code,
        parent_key as parent_place_key,

        -- names
        name_zh_hans as place_name_zh_hans,
        name_zh_hant as place_name_zh_hant,
        short_name_zh_hans as place_short_name_zh_hans,
        short_name_zh_hant as place_short_name_zh_hant,
        name_en as place_name_en,

        -- attributes
        level as place_level,
        level = 'prefecture' and parent_key = 'guangxi' as is_guangxi_prefecture,

        -- provenance
        source_file,
        source_line,
    from places
)

select * from final
