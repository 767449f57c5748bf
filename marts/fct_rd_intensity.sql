-- R&D intensity by place and year, beside the national figure of the same year and the reported rank.
with

figures as (select * from marts.int_figures),

intensity as (
    select * from figures where fact_table = 'fct_rd_intensity'
),

national as (
    select
        year,
        status,
        period_start_month,
        period_end_month,
        figure_id as national_figure_id,
        value_reported as national_rd_intensity_pct,
    from intensity
    where city_key = 'china'
    qualify row_number() over (partition by year, status, period_start_month, period_end_month order by figure_id) = 1
),

ranks as (
    select
        city_key,
        year,
        status,
        figure_id as rank_figure_id,
        -- rounded first: DuckDB's cast of a decimal to an integer rounds, Spark's truncates
        cast(round(value_reported, 0) as integer) as reported_rank,
    from figures
    where metric_code = 'rank' and rate_of_metric_code = 'rd_intensity'
    qualify row_number() over (partition by city_key, year, status order by figure_id) = 1
),

final as (
    select
        intensity.figure_id,
        intensity.document_id,
        intensity.city_key,
        intensity.cluster_key,
        intensity.enterprise_name,
        intensity.metric_code,
        intensity.period_start_year,
        intensity.period_end_year,
        intensity.year,
        intensity.period_kind,
        intensity.status,
        intensity.is_target,
        intensity.qualifier,
        intensity.is_approximate,
        intensity.value_reported as rd_intensity_pct,
        intensity.unit_as_written,
        national.national_rd_intensity_pct,
        national.national_figure_id,
        cast(round(intensity.value_reported - national.national_rd_intensity_pct, 2) as decimal(19, 2))
            as gap_to_national_pct_points,
        -- a ratio of decimals is a double in DuckDB and a decimal in Spark: divide doubles on both, and round
        -- by hand (the engines' round of a double differs at ties); intensities are not negative
        floor(cast(intensity.value_reported as double) / nullif(cast(national.national_rd_intensity_pct as double), 0)
              * 1000 + 0.5) / 1000 as ratio_to_national,
        ranks.reported_rank,
        ranks.rank_figure_id,
        intensity.evidence,
        intensity.is_year_inferred,
        intensity.period_start_month,
        intensity.period_end_month,
        intensity.period_key,
        intensity.value_class,
    from intensity
    -- the national figure of the same period: a year, or the same months of it
    left join national
        on national.year = intensity.year
        and national.status = intensity.status
        and national.period_start_month is not distinct from intensity.period_start_month
        and national.period_end_month is not distinct from intensity.period_end_month
    left join ranks
        on ranks.city_key = intensity.city_key
        and ranks.year = intensity.year
        and ranks.status = intensity.status
)

select * from final
