"""A year that names a ranking list is the list's, not the figure's: 在2015年中国企业500强榜单中,柳钢营业收入620
亿元 states the list of 2015, whose data are the results of 2014 (the year before the list's, as reporting_year
reads a list at a document's top). A stock (as_of) is as of the list's date and stays, and so does a count or
share of the entrants (仅有20%进入2024年广西制造业企业100强 is of 2024)."""

from __future__ import annotations

from bisect import bisect_left

from ..periods import Period
from .reporting_year import _rankings

ENTRANTS = ("count", "share")  # what a list counts of its entrants, not their results
NOTE = "{} names a ranking list: its data are of {}, the year before the list's"


def _start(mention) -> int:
    return mention.start


def of_the_list_before(figure, doc, earlier):
    period = figure.period
    if figure.status != "actual" or figure.at < 0 or period.inferred or figure.period_kind == "as_of":
        return figure
    if period.start is None or period.start != period.end:
        return figure
    if doc.reference.metric(figure.metric_code).kind in ENTRANTS:
        return figure  # 仅有20%进入2024年…100强: a share or count of the entrants is of the list's year
    index = bisect_left(doc.years, figure.at, key=_start) - 1  # the year it took: the last before it
    if index < 0:
        return figure
    mention = doc.years[index]
    if mention.relative is not None or mention.first != period.end or mention.start < figure.sentence[0]:
        return figure
    reference = doc.reference
    dated, _ = _rankings(
        reference.alternation("reporting", "list_name", "title"), reference.alternation("reporting", "list_scope")
    )
    named = dated.match(doc.norm, mention.start)
    if named is None or named.end() > figure.at:
        return figure  # no list after the year, or one the number itself is part of
    year = period.end - 1
    figure.period = Period(year, year, True, NOTE.format(f"{period.end}年", year))
    figure.notes.append(figure.period.basis)
    return figure
