-- Every way a figure writes what it counts or produces, resolved to one subject key.
with

subjects as (select * from raw.subjects),

final as (
    select
        alias as subject_as_written,
        subject_key,
        name_en as subject_name_en,
        note as subject_note,
    from subjects
)

select * from final
