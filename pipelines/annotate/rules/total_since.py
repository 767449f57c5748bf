"""A total (累计) with no year of its own runs over the span its paragraph opened: 2021年以来,累计培育龙头企业
212家…。…累计11个集群入选 is 2021 to publication, not the publication year alone. A count is read as a stock
(no paragraph year) before 累计 is seen; this gives the total the span (a range or a since) named earlier in its
paragraph."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..periods import Period


def _paragraph_start(doc, at: int) -> int:
    index = bisect_right(doc.paragraphs, at, key=lambda span: span[0]) - 1
    return doc.paragraphs[max(0, index)][0]


def over_the_span_before(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or figure.period_kind != "cumulative" or figure.status != "actual":
        return figure
    if not period.inferred or not period.basis.startswith("year not stated") or period.start != period.end:
        return figure
    lo = _paragraph_start(doc, figure.at)
    mentions = doc.years[
        bisect_left(doc.years, lo, key=lambda m: m.start) : bisect_left(doc.years, figure.at, key=lambda m: m.start)
    ]
    spans = [m for m in mentions if m.end <= figure.at and m.first < m.last and m.last == period.end]
    if not spans:
        return figure
    m = spans[-1]
    figure.period = Period(
        m.first, m.last, True, f"a total over {m.first}-{m.last}, the span named earlier in its paragraph"
    )
    figure.notes = [n for n in figure.notes if not n.startswith("year not stated")] + [figure.period.basis]
    return figure
