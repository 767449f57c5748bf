"""A word of now in a figure's own clause (cue_words time_base now, in_clause: 目前, 现在, 如今) dates it at
publication, though an earlier clause of its sentence states a past year: 该项目2018年建成投产,目前年产能达到
50万吨 in 2021 holds 50万吨 now, not in 2018; 2016年以来,…,现已形成…生产能力 is a capacity held now, not a
total over the years (raw/README.md, period_kind as_of: a stock as of a date; is_year_inferred: true for an
actual stock, the publication date). A year in the figure's own clause is its own (目前2020年…) and stays."""

from __future__ import annotations

from bisect import bisect_left

from ..periods import Period

NOTE = "{} in its own clause: held now, of the publication year ({}), not of {} earlier in its sentence"


def _start(mention) -> int:
    return mention.start


def _the_year_it_took(figure, doc):
    """The last year mention before the number in its sentence: the one extract dated it by."""
    index = bisect_left(doc.years, figure.at, key=_start) - 1
    if index < 0 or doc.years[index].start < figure.sentence[0]:
        return None
    return doc.years[index]


def of_the_publication_year(figure, doc, earlier):
    period = figure.period
    if figure.status != "actual" or figure.at < 0 or period.end is None:
        return figure
    published = doc.published_year
    if period.start == period.end == published:
        return figure
    mention = _the_year_it_took(figure, doc)
    if mention is None or mention.end > figure.clause[0] or (mention.first, mention.last) != (period.start, period.end):
        return figure  # no year, or the year is the clause's own
    if mention.last > published:
        return figure  # a deadline: done_now's and future_year's
    now = doc.reference.cue("time_base", "now").search(doc.norm, figure.clause[0], figure.at)
    if now is None:
        return figure
    stated = f"{mention.first}" if mention.first == mention.last else f"{mention.first}-{mention.last}"
    figure.notes = [n for n in figure.notes if n != period.basis]  # the earlier year's reason no longer holds
    figure.period = Period(published, published, True, NOTE.format(now.group(), published, stated))
    figure.notes.append(figure.period.basis)
    if figure.period_kind == "cumulative" and not doc.reference.cue("period", "cumulative").search(
        doc.norm, figure.clause[0], figure.at
    ):
        figure.period_kind = "as_of"  # 2016年以来…,现已形成: held now, no total over the span
    return figure
