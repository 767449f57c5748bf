-- Places that figures are about, with an "unknown" member so no fact row loses its place.
with

places as (select * from staging.stg_places),

parents as (select place_key, parent_place_key, place_level from staging.stg_places),

known as (
    select
        places.place_key as city_key,
        places.admin_code,
        places.place_name_zh_hans as city_name_zh_hans,
        places.place_name_zh_hant as city_name_zh_hant,
        places.place_short_name_zh_hans as city_short_name_zh_hans,
        places.place_short_name_zh_hant as city_short_name_zh_hant,
        places.place_name_en as city_name_en,
        places.place_level as city_level,
        places.parent_place_key as parent_city_key,
        -- the prefecture-level city a county, district or zone lies in (two levels up at most)
        case
            when places.place_level = 'prefecture' then places.place_key
            when parent.place_level = 'prefecture' then parent.place_key
            when grandparent.place_level = 'prefecture' then grandparent.place_key
        end as prefecture_city_key,
        places.is_guangxi_prefecture,
        -- coalesce: a missing parent makes the comparisons null, and a place outside Guangxi is false
        coalesce(
            places.place_key = 'guangxi'
            or places.parent_place_key = 'guangxi'
            or parent.parent_place_key = 'guangxi'
            or grandparent.parent_place_key = 'guangxi',
            false
        ) as is_in_guangxi,
    from places
    left join parents as parent on parent.place_key = places.parent_place_key
    left join parents as grandparent on grandparent.place_key = parent.parent_place_key
),

-- same columns in the same order as known, each null typed: the union is by position on both engines
unknown as (
    select
        'unknown' as city_key,
        cast(null as varchar) as admin_code,
        '(未知)' as city_name_zh_hans,
        '(未知)' as city_name_zh_hant,
        cast(null as varchar) as city_short_name_zh_hans,
        cast(null as varchar) as city_short_name_zh_hant,
        '(unknown)' as city_name_en,
        'unknown' as city_level,
        cast(null as varchar) as parent_city_key,
        cast(null as varchar) as prefecture_city_key,
        false as is_guangxi_prefecture,
        false as is_in_guangxi,
),

final as (
    select * from known
    union all
    select * from unknown
)

select * from final
