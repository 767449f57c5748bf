"""A sentence that opens a time of its own (cue_words time_base now: 近年来, 目前, 如今) takes no year from an
earlier sentence of its paragraph: 2016年,江州区被列为试点县。近年来,江州区工业总产值年均增长12% is not of 2016.
Its figures have no year of their own, so they fall back to the publication year (inferred), which
reporting_year then reads against the year the document reports on. Runs before reporting_year."""

from __future__ import annotations

from ..periods import Period

BASIS = "year not stated: publication year"


def no_year_from_before(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or not period.inferred or not period.basis.endswith("earlier in the paragraph"):
        return figure
    now = doc.reference.cue("time_base", "now").search(doc.norm, figure.sentence[0], figure.at)
    if now is None:
        return figure
    year = doc.published_year
    figure.notes = [n for n in figure.notes if n != period.basis]
    figure.period = Period(year, year, True, BASIS)
    figure.notes.append(f"{BASIS} ({now.group()} opens a time of its own: no year from the paragraph before)")
    if figure.period_kind == "cumulative" and period.start != period.end:
        figure.period_kind = "year"
    return figure
