-- Every figure with conformed keys to every dimension: the shared base of the fact tables.
with

figures as (select * from staging.stg_figures),

final as (
    select
        -- ids
        figure_id,
        document_id,

        -- dimensions
        place_key as city_key,
        cluster_key,
        enterprise_name,
        metric_code,
        rate_of_metric_code,
        metric_kind,
        fact_table,
        period_start_year,
        period_end_year,
        period_end_year as year,
        period_kind,
        status,
        is_target,
        qualifier,
        is_approximate,

        -- measures
        value_reported,
        unit_as_written,
        unit_measure,
        unit_multiplier,
        value_in_base_unit,

        -- provenance
        place_as_written,
        cluster_as_written,
        evidence,
        is_year_inferred,
        is_corrected,
        annotation_note,
    from figures
)

select * from final
