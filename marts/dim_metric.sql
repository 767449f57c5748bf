-- The metric catalogue: codes, names, kind, unit measure, plausible range and the fact table of each.
with

metrics as (select * from staging.stg_metrics),

final as (
    select
        metric_code,
        metric_name_zh,
        metric_name_en,
        metric_kind,
        unit_measure,
        fact_table,
        min_plausible_value,
        max_plausible_value,
        metric_description,
    from metrics
)

select * from final
