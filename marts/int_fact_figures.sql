-- Each figure with the fact it states (fact_key, from the fact's identity), its document's publication date
-- and its interval of true values: the one base of marts.bridge_fact_figure and marts.fct_facts.
with

-- only the columns a fact needs: int_figures' evidence and notes are most of its bytes
figures as (
    select
        figure_id,
        document_id,
        city_key,
        cluster_key,
        enterprise_name,
        subject,
        metric_code,
        rate_of_metric_code,
        metric_kind,
        period_kind,
        period_start_year,
        period_start_month,
        period_end_year,
        period_end_month,
        period_key,
        year,
        status,
        qualifier,
        value_class,
        value_reported,
        unit_as_written,
        unit_measure,
        value_in_base_unit,
        value_low_in_base_unit,
        value_high_in_base_unit,
        is_low_included,
        is_high_included,
    from marts.int_figures
),

documents as (select document_id, published_on from marts.dim_source_document),

final as (
    select
        -- a fact's identity: place, cluster, enterprise, subject, metric (and what it is a rate of), period
        -- with its months, status; a size tier is a class, never the same fact as a level
        md5(concat_ws('|',
            figures.city_key,
            figures.cluster_key,
            coalesce(figures.enterprise_name, ''),
            coalesce(figures.subject, ''),
            figures.metric_code,
            coalesce(figures.rate_of_metric_code, ''),
            figures.period_kind,
            coalesce(cast(figures.period_start_year as varchar), ''),
            coalesce(cast(figures.period_start_month as varchar), ''),
            coalesce(cast(figures.period_end_year as varchar), ''),
            coalesce(cast(figures.period_end_month as varchar), ''),
            figures.status,
            -- a size tier's value names its class (千亿级, 五百亿级): two tiers are two facts
            case
                when figures.value_class = 'size_tier'
                    then 'size_tier ' || cast(cast(floor(figures.value_reported) as bigint) as varchar)
                else 'level'
            end
        )) as fact_key,
        figures.figure_id,
        figures.document_id,
        documents.published_on,
        figures.city_key,
        figures.cluster_key,
        figures.enterprise_name,
        figures.subject,
        figures.metric_code,
        figures.rate_of_metric_code,
        figures.metric_kind,
        figures.period_kind,
        figures.period_start_year,
        figures.period_start_month,
        figures.period_end_year,
        figures.period_end_month,
        figures.period_key,
        figures.year,
        figures.status,
        figures.qualifier,
        figures.value_class,
        figures.value_reported,
        figures.unit_as_written,
        figures.unit_measure,
        figures.value_in_base_unit,
        figures.value_low_in_base_unit,
        figures.value_high_in_base_unit,
        figures.is_low_included,
        figures.is_high_included,
    from figures
    left join documents on documents.document_id = figures.document_id
)

select * from final
