with

corrections as (select * from staging.stg_corrections),

final as (
    select
        corrections.*,
                case
            when corrections.column_name = 'value'
                and try_cast(corrections.corrected_value as decimal(18, 4)) is null then corrections.corrected_value
            when corrections.column_name in ('period_start_year', 'period_end_year')
                and coalesce(try_cast(corrections.corrected_value as integer) not between 1990 and 2050, true)
                then corrections.corrected_value
            when corrections.column_name = 'qualifier' and corrections.corrected_value not in ('exact', 'more_than', 'at_least', 'nearly', 'about', 'at_most', 'less_than')
                then corrections.corrected_value
            when corrections.column_name = 'status' and corrections.corrected_value not in ('actual', 'target')
                then corrections.corrected_value
            when corrections.column_name = 'metric_code'
                and corrections.corrected_value not in (select metric_code from staging.stg_metrics)
                then corrections.corrected_value
            when corrections.column_name = 'unit'
                and corrections.corrected_value not in (select unit_as_written from staging.stg_units)
                then corrections.corrected_value
        end as invalid_corrected_value,
    from corrections
)

select * from final
