-- Every figure with conformed keys to every dimension: the shared base of the fact tables.
with

figures as (select * from staging.stg_figures),

-- half a unit of the last digit written (76.5: 0.05; 1700: 0.5), and half a unit of the last nonzero digit
-- of a whole number (约1000: 500), in the unit as written: the rounding a value's digits imply
roundings as (
    select
        figures.*,
        case
            when abs(value_reported) = floor(abs(value_reported)) then 0.5
            when abs(value_reported) * 10 = floor(abs(value_reported) * 10) then 0.05
            when abs(value_reported) * 100 = floor(abs(value_reported) * 100) then 0.005
            when abs(value_reported) * 1000 = floor(abs(value_reported) * 1000) then 0.0005
            else 0.00005
        end as written_half_unit,
        case
            when value_reported = 0 or abs(value_reported) <> floor(abs(value_reported)) then null
            when abs(value_reported) % 10000 = 0 then 5000
            when abs(value_reported) % 1000 = 0 then 500
            when abs(value_reported) % 100 = 0 then 50
            when abs(value_reported) % 10 = 0 then 5
        end as round_number_half_unit,
        case
            when unit_as_written like '%级' or unit_as_written like '%級' then 'size_tier'
            when qualifier in ('more_than', 'at_least') then 'lower_bound'
            when qualifier in ('at_most', 'less_than') then 'upper_bound'
            when qualifier in ('nearly', 'about') then 'approximate'
            else 'exact'
        end as value_class,
    from figures
),

-- the interval of true values a figure allows, in the unit as written (null: unbounded)
intervals as (
    select
        roundings.*,
        case
            when qualifier = 'exact' then value_reported - written_half_unit
            when qualifier = 'about' then value_reported - coalesce(round_number_half_unit, written_half_unit)
            when qualifier = 'nearly' then value_reported - 2 * coalesce(round_number_half_unit, written_half_unit)
            when qualifier in ('more_than', 'at_least') then value_reported
        end as value_low,
        case
            when qualifier = 'exact' then value_reported + written_half_unit
            when qualifier = 'about' then value_reported + coalesce(round_number_half_unit, written_half_unit)
            when qualifier in ('nearly', 'at_most', 'less_than') then value_reported
        end as value_high,
        qualifier in ('exact', 'about', 'nearly', 'at_least') as is_low_included,
        qualifier in ('exact', 'about', 'at_most') as is_high_included,
    from roundings
),

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

        -- what is counted or produced, and the months of a part of a year (part of the figure's identity)
        subject_as_written,
        subject_key,
        coalesce(subject_key, subject_as_written) as subject,
        period_start_month,
        period_end_month,
        case
            when period_start_year is null then 'open'
            else cast(period_start_year as varchar)
                || coalesce('-' || lpad(cast(period_start_month as varchar), 2, '0'), '')
                || case
                    when period_end_year <> period_start_year or period_end_month is not null
                        then '/' || cast(period_end_year as varchar)
                            || coalesce('-' || lpad(cast(period_end_month as varchar), 2, '0'), '')
                    else ''
                end
        end as period_key,
        period_kind in ('year_to_date', 'months') as is_part_of_year,

        -- what kind of value: a size tier is a class, a bound is no level; only exact and approximate
        -- values enter a series or a growth computation
        value_class,
        value_class in ('exact', 'approximate') as is_level_comparable,
        cast(value_low * cast(pow(10, unit_multiplier) as decimal(38, 0)) as decimal(38, 6))
            as value_low_in_base_unit,
        cast(value_high * cast(pow(10, unit_multiplier) as decimal(38, 0)) as decimal(38, 6))
            as value_high_in_base_unit,
        is_low_included,
        is_high_included,
    from intervals
)

select * from final
