-- One row per annotated figure: corrections applied, names resolved to keys, value in base units.
with

figures as (select * from raw.figures),

corrections as (select * from staging.stg_corrections),

place_names as (select * from staging.stg_place_names),

cluster_aliases as (select * from staging.stg_cluster_aliases),

metrics as (select * from staging.stg_metrics),

units as (select * from staging.stg_units),

subjects as (select * from staging.stg_subjects),

corrections_by_figure as (
    select
        figure_id,
        max(corrected_value) filter (where column_name = 'value') as value,
        max(corrected_value) filter (where column_name = 'unit') as unit,
        max(corrected_value) filter (where column_name = 'period_start_year') as period_start_year,
        max(corrected_value) filter (where column_name = 'period_end_year') as period_end_year,
        max(corrected_value) filter (where column_name = 'period_start_month') as period_start_month,
        max(corrected_value) filter (where column_name = 'period_end_month') as period_end_month,
        max(corrected_value) filter (where column_name = 'metric_code') as metric_code,
        max(corrected_value) filter (where column_name = 'qualifier') as qualifier,
        max(corrected_value) filter (where column_name = 'status') as status,
        string_agg(column_name || ': ' || correction_reason, '; ' order by column_name) as correction_reasons,
    from corrections
    group by figure_id
),

corrected as (
    select
        figures.*,
        coalesce(cast(c.value as decimal(18, 4)), figures.value) as value_reported,
        coalesce(c.unit, figures.unit) as unit_as_written,
        coalesce(cast(c.period_start_year as integer), figures.period_start_year) as corrected_start_year,
        coalesce(cast(c.period_end_year as integer), figures.period_end_year) as corrected_end_year,
        coalesce(cast(c.period_start_month as integer), figures.period_start_month) as corrected_start_month,
        coalesce(cast(c.period_end_month as integer), figures.period_end_month) as corrected_end_month,
        coalesce(c.metric_code, figures.metric_code) as corrected_metric_code,
        coalesce(c.qualifier, figures.qualifier) as corrected_qualifier,
        coalesce(c.status, figures.status) as corrected_status,
        c.figure_id is not null as is_corrected,
        c.correction_reasons,
    from figures
    left join corrections_by_figure as c using (figure_id)
),

resolved as (
    select
        corrected.*,
        place_names.place_key,
        cluster_aliases.cluster_key,
        subjects.subject_key,
        metrics.metric_kind,
        metrics.fact_table,
        units.unit_measure,
        units.unit_multiplier,
    from corrected
    left join place_names on place_names.place_name = corrected.place
    left join cluster_aliases on cluster_aliases.cluster_name_as_written = corrected.cluster
    left join subjects on subjects.subject_as_written = corrected.subject
    left join metrics on metrics.metric_code = corrected.corrected_metric_code
    left join units
        on units.unit_as_written = corrected.unit_as_written
        and units.unit_measure = metrics.unit_measure
),

final as (
    select
        -- ids
        figure_id,
        document_id,

        -- dimensions
        place as place_as_written,
        coalesce(place_key, 'unknown') as place_key,
        cluster as cluster_as_written,
        coalesce(cluster_key, case when cluster is null then 'none' else 'unknown' end) as cluster_key,
        enterprise as enterprise_name,
        subject as subject_as_written,
        subject_key,
        corrected_metric_code as metric_code,
        rate_of_metric_code,
        metric_kind,
        fact_table,
        corrected_start_year as period_start_year,
        corrected_end_year as period_end_year,
        corrected_start_month as period_start_month,
        corrected_end_month as period_end_month,
        period_kind,
        corrected_status as status,
        corrected_status = 'target' as is_target,
        corrected_qualifier as qualifier,
        corrected_qualifier <> 'exact' as is_approximate,

        -- measures
        value_reported,
        unit_as_written,
        unit_measure,
        unit_multiplier,
        cast(value_reported * cast(pow(10, unit_multiplier) as decimal(38, 0)) as decimal(38, 4))
            as value_in_base_unit,

        -- provenance
        evidence,
        is_year_inferred,
        note as annotation_note,
        is_corrected,
        value as value_as_transcribed,
        correction_reasons,
        source_file,
        source_line,
        source_file_sha256,
    from resolved
)

select * from final
