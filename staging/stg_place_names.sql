-- Every name that resolves to a place (full and short names in both scripts, and aliases).
with

place_names as (select * from raw.place_names),

final as (
    select
        name as place_name,
        place_key,
    from place_names
)

select * from final
