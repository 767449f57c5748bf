-- One row per source document, with its publication date read at the precision it was given.
with

documents as (select * from raw.documents),

final as (
    select
        -- ids
        document_id,

        -- attributes
        title as document_title,
        publisher as publisher_name,
        script as document_script,
        notes as document_notes,

        -- dates
        published as published_as_written,
        cast(substr(published, 1, 4) as integer) as published_year,
        case length(published)
            when 10 then cast(published as date)
            when 7 then cast(published || '-01' as date)
            else cast(published || '-01-01' as date)
        end as published_on,
        case length(published) when 10 then 'day' when 7 then 'month' else 'year' end as published_precision,

        -- provenance
        source_file,
        source_line,
    from documents
)

select * from final
