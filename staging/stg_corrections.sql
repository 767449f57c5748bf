-- Corrections of single fields of figures; raw/ keeps the figure as transcribed.
with

corrections as (select * from raw.corrections),

final as (
    select
        figure_id,
        column_name,
        corrected_value,
        reason as correction_reason,
        source_file,
        source_line,
    from corrections
)

select * from final
