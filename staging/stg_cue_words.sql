-- The grammar suggest drafts with: words that make a figure a target or an actual, qualify its value,
-- set its period kind, make a rate a decrease, or stop a list sharing one number.
with

cue_words as (select * from raw.cue_words),

final as (
    select
        -- ids
        cue_kind,
        cue_word,
        position as cue_position,

        -- attributes
        code as cue_code,
        not_followed_by as cue_not_followed_by,
        not_preceded_by as cue_not_preceded_by,
        note as cue_note,
    from cue_words
)

select * from final
