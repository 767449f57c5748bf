-- Units as written, with their unit measure and power-of-ten multiplier (SDMX style).
with

units as (select * from raw.units),

final as (
    select
        unit as unit_as_written,
        unit_measure,
        unit_multiplier,
        name_en as unit_name_en,
    from units
)

select * from final
