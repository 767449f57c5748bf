-- The figures of Guangxi's recognised clusters: each cluster's own figures and those of the industries it is
-- made of, in its member cities or for Guangxi as a whole.
with

figures as (select * from marts.int_figures),

clusters as (select cluster_key, recognised_cluster_key from marts.dim_cluster),

members as (select cluster_key, city_key from marts.bridge_cluster_city),

cities as (select city_key, prefecture_city_key from marts.dim_city),

rolled_up as (
    select
        clusters.recognised_cluster_key,
        figures.*,
        coalesce(cities.prefecture_city_key, figures.city_key) as member_city_key,
    from figures
    join clusters on clusters.cluster_key = figures.cluster_key
    left join cities on cities.city_key = figures.city_key
    where clusters.recognised_cluster_key is not null
),

final as (
    select
        rolled_up.recognised_cluster_key,
        rolled_up.figure_id,
        rolled_up.document_id,
        rolled_up.city_key,
        rolled_up.cluster_key as industry_cluster_key,
        rolled_up.cluster_key = rolled_up.recognised_cluster_key as is_cluster_own_figure,
        case when rolled_up.city_key = 'guangxi' then 'guangxi' else 'member_city' end as place_scope,
        rolled_up.enterprise_name,
        rolled_up.subject,
        rolled_up.metric_code,
        rolled_up.rate_of_metric_code,
        rolled_up.metric_kind,
        rolled_up.period_kind,
        rolled_up.period_start_year,
        rolled_up.period_start_month,
        rolled_up.period_end_year,
        rolled_up.period_end_month,
        rolled_up.period_key,
        rolled_up.status,
        rolled_up.qualifier,
        rolled_up.value_class,
        rolled_up.value_reported,
        rolled_up.unit_as_written,
        rolled_up.unit_measure,
        rolled_up.value_in_base_unit,
        rolled_up.evidence,
    from rolled_up
    left join members
        on members.cluster_key = rolled_up.recognised_cluster_key
        and members.city_key = rolled_up.member_city_key
    -- a figure of the cluster's industry elsewhere (Hechi's 氧化铝 is not the eco-aluminium cluster's) stays out
    where rolled_up.city_key = 'guangxi' or members.city_key is not null
)

select * from final
