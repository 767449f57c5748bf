-- Which figures state which fact: each figure with its fact, its interval of true values, whether it is the
-- figure chosen to answer for the fact, and whether it disagrees with another figure of the same fact.
with

figures as (select * from marts.int_fact_figures),

keyed as (
    select
        fact_key,
        figure_id,
        document_id,
        published_on,
        value_class,
        -- exact over approximate over a bound (of the same publication date)
        case value_class when 'exact' then 1 when 'approximate' then 2 else 3 end as value_class_order,
        value_low_in_base_unit,
        value_high_in_base_unit,
        is_low_included,
        is_high_included,
    from figures
),

-- the interval all of a fact's figures allow: the highest lower end, the lowest upper end (null: unbounded)
with_fact_interval as (
    select
        keyed.*,
        -- an integer on both engines (DuckDB's row_number is a bigint, Spark's an int)
        cast(row_number() over (
            partition by fact_key
            order by published_on desc nulls last, value_class_order, figure_id
        ) as integer) as choice_order,
        max(value_low_in_base_unit) over (partition by fact_key) as fact_low_in_base_unit,
        min(value_high_in_base_unit) over (partition by fact_key) as fact_high_in_base_unit,
    from keyed
),

-- whether an end of that interval is open: 超X (more than X) at the top of the lower ends, 近X (under X) at
-- the bottom of the upper ends
with_open_ends as (
    select
        with_fact_interval.*,
        max(case when value_low_in_base_unit = fact_low_in_base_unit and not is_low_included then 1 else 0 end)
            over (partition by fact_key) = 1 as is_fact_low_open,
        max(case when value_high_in_base_unit = fact_high_in_base_unit and not is_high_included then 1 else 0 end)
            over (partition by fact_key) = 1 as is_fact_high_open,
    from with_fact_interval
),

final as (
    select
        fact_key,
        figure_id,
        document_id,
        published_on,
        choice_order,
        choice_order = 1 as is_chosen,
        value_class,
        value_low_in_base_unit,
        value_high_in_base_unit,
        is_low_included,
        is_high_included,
        -- a figure disagrees when its interval lies wholly above or below another figure's of the same fact
        coalesce(
            value_low_in_base_unit > fact_high_in_base_unit
            or value_high_in_base_unit < fact_low_in_base_unit
            or (value_low_in_base_unit = fact_high_in_base_unit and (not is_low_included or is_fact_high_open)
                and value_high_in_base_unit is distinct from fact_high_in_base_unit)
            or (value_high_in_base_unit = fact_low_in_base_unit and (not is_high_included or is_fact_low_open)
                and value_low_in_base_unit is distinct from fact_low_in_base_unit),
            false
        ) as is_in_conflict,
    from with_open_ends
)

select * from final
