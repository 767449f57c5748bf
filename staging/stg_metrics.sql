-- The metric catalogue: what each metric code measures and where its figures land.
with

metrics as (select * from raw.metrics),

final as (
    select
        -- ids
        metric_code,

        -- names
        name_zh as metric_name_zh,
        name_en as metric_name_en,
        description as metric_description,

        -- attributes
        metric_kind,
        unit_measure,
        fact_table,
        min_value as min_plausible_value,
        max_value as max_plausible_value,

        -- drafting
        cue_words as metric_cue_words,
    from metrics
)

select * from final
