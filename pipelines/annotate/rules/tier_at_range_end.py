"""A size tier is a level reached, never a total over years: 2021年至2023年,…形成钢铁、有色、食品3个三千亿,
培育壮大了…五百亿级新产业 are the tiers held at the end of the years (2023): the count by tier as_of, the
tier's amount of that year, the year taken from the range (inferred). A total said with 累计 stays one."""

from __future__ import annotations

from ..periods import Period

TIER_COUNT = "size_tier_count"
TIER_NOTE = "size tier"  # extract's note on a tier's amount (三千亿, 五百亿级)


def tier_held_at_the_end(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or period.start is None or period.start == period.end:
        return figure
    is_count = figure.metric_code == TIER_COUNT
    if not is_count and TIER_NOTE not in figure.notes:
        return figure
    if doc.reference.cue("period", "cumulative").search(doc.norm, figure.clause[0], figure.at):
        return figure
    figure.period_kind = "as_of" if is_count else "year"
    figure.period = Period(
        period.end, period.end, True, f"a size tier reached by the end of {period.start}-{period.end}"
    )
    figure.notes.append(figure.period.basis)
    return figure
