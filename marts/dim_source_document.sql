-- The source documents, with how many figures each gave.
with

documents as (select * from staging.stg_documents),

figures as (select * from staging.stg_figures),

figure_counts as (
    select document_id, count(*) as figure_count from figures group by document_id
),

final as (
    select
        documents.document_id,
        documents.document_title,
        documents.publisher_name,
        documents.published_on,
        documents.published_precision,
        documents.published_year,
        documents.document_script,
        documents.document_notes,
        coalesce(figure_counts.figure_count, 0) as figure_count,
    from documents
    left join figure_counts using (document_id)
)

select * from final
