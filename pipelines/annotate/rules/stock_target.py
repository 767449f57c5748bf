"""A stock a target is to reach by a year read from the publication date is an inferred deadline, which a
target never takes (DESIGN.md: inference fills a year only for actual figures, never a deadline for a target):
今年…力争规上工业企业达到120家 in an interview says how many to have, and by when is the reader's guess; its
years are left empty (kind as_of kept: a stock to reach). A year's own amount (今年力争新增企业15家: a flow, kind
year) keeps 今年 as its period, and a stated deadline (到2025年…达到120家) stays. Runs last: the values listed after
it and a ; -joined 今年 (sentence_year) re-date such a stock, which this reads again."""

from __future__ import annotations

from ..periods import Period, relative_years

ACROSS = "year said earlier in its sentence"  # sentence_year.goal_year_across_the_semicolon
NOTE = "a stock to reach by {}: an inferred deadline, left empty"


def _relative(basis: str, reference) -> str | None:
    """The relative year word the period was read from (今年 read as 2022 …), or None."""
    for word, _offset in relative_years(reference):
        if basis.startswith(f"{word} read as"):
            return word
    return None


def no_inferred_deadline(figure, doc, earlier):
    period = figure.period
    if figure.status != "target" or figure.period_kind != "as_of" or not period.inferred or period.end is None:
        return figure
    word = _relative(period.basis, doc.reference)
    if word is None and period.basis.startswith(ACROSS):
        word = "a relative year earlier in its sentence"  # 今年,…:一是…;二是…达到120家 (sentence_year's)
    if word is None:
        return figure
    figure.notes = [n for n in figure.notes if n != period.basis] + [NOTE.format(word)]
    figure.period = Period(None, None, False, "target year not stated: left empty")
    return figure
