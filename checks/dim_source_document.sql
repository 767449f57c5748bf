with

documents as (select * from marts.dim_source_document),

final as (
    select
        documents.*,
        coalesce(figure_counts.int_figure_count, 0) as int_figure_count,
    from documents
    left join (select document_id, count(*) as int_figure_count from marts.int_figures group by all)
        as figure_counts using (document_id)
)

select * from final
