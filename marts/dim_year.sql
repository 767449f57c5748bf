-- Every year the figures touch and every plan year up to 2030, with its Five-Year-Plan period.
with

figures as (select * from staging.stg_figures),

documents as (select * from staging.stg_documents),

-- 0 to 99, enough for any period: the contracts keep years within 1990-2050
digits as (
    select * from (values (0), (1), (2), (3), (4), (5), (6), (7), (8), (9)) as t(n)
),

offsets as (
    select cast(tens.n * 10 + ones.n as bigint) as n from digits as tens cross join digits as ones
),

periods as (
    select distinct period_start_year, period_end_year from figures
),

figure_years as (
    select periods.period_start_year + offsets.n as year
    from periods
    join offsets on offsets.n <= periods.period_end_year - periods.period_start_year
),

all_years as (
    select year from figure_years
    union
    select cast(published_year as bigint) from documents
    union
    select 2016 + n from offsets where n <= 14
),

-- Five-Year Plans have run in five-year steps since the 6th (1981-1985).
plans as (
    select
        year,
        (year - 1981) // 5 + 6 as plan_number,
        1981 + 5 * ((year - 1981) // 5) as plan_start_year,
    from all_years
    where year >= 1981
),

final as (
    select
        year,
        plan_number as five_year_plan_number,
        case plan_number
            when 6 then '六五'
            when 7 then '七五'
            when 8 then '八五'
            when 9 then '九五'
            when 10 then '十五'
            when 11 then '十一五'
            when 12 then '十二五'
            when 13 then '十三五'
            when 14 then '十四五'
            when 15 then '十五五'
            when 16 then '十六五'
            when 17 then '十七五'
        end as five_year_plan_name_zh,
        plan_start_year as five_year_plan_start_year,
        plan_start_year + 4 as five_year_plan_end_year,
        year - plan_start_year + 1 as year_of_five_year_plan,
        year = plan_start_year + 4 as is_five_year_plan_final_year,
    from plans
)

select * from final order by year
