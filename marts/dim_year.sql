-- Every year the figures touch and every plan year up to 2030, with its Five-Year-Plan period.
with

figures as (select * from staging.stg_figures),

documents as (select * from staging.stg_documents),

figure_years as (
    select unnest(range(period_start_year, period_end_year + 1)) as year from figures
),

all_years as (
    select year from figure_years
    union
    select published_year from documents
    union
    select unnest(range(2016, 2031))
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
        ['六五', '七五', '八五', '九五', '十五', '十一五', '十二五', '十三五', '十四五', '十五五', '十六五',
         '十七五'][plan_number - 5] as five_year_plan_name_zh,
        plan_start_year as five_year_plan_start_year,
        plan_start_year + 4 as five_year_plan_end_year,
        year - plan_start_year + 1 as year_of_five_year_plan,
        year = plan_start_year + 4 as is_five_year_plan_final_year,
    from plans
)

select * from final order by year
