"""A stock's year is inferred unless its date is stated with it (raw/README.md, is_year_inferred: true where
the year is not stated next to the number but taken from the text, or for an actual stock the date).
2024年柳州新能源汽车完成生产77.6万辆,…,全市新能源汽车累计产量突破300万辆: the 2024 dates the year's output, and
the total held is as of then by inference. A date stated for the stock stays stated: in its own clause
(2011年5046家), after a stock word (截至2015年,…;…整合至26家) or as a year's end
(到2023年末,…拥有…38家). A rank or share is left alone: its year is
that of what it rates. The seed and development rows that contradict this: 004-042 (31个省市, a count dated by
its sentence, not inferred) and about 25 flows dated by an earlier clause and annotated as stated (a flow is not a stock)."""

from __future__ import annotations

from bisect import bisect_left

from ..periods import Period

HELD = ("count", "level")  # what is held: a number of things, an amount


def _start(mention) -> int:
    return mention.start


def dated_by_the_sentence(figure, doc, earlier):
    period = figure.period
    if figure.period_kind != "as_of" or figure.status != "actual" or figure.at < 0:
        return figure
    if period.inferred or period.start is None or period.start != period.end:
        return figure
    if doc.reference.metric(figure.metric_code).kind not in HELD:
        return figure  # a rank or share is of the year of what it rates (在全国排名第28位 of 2023's R&D intensity)
    index = bisect_left(doc.years, figure.at, key=_start) - 1  # the year it took: the last before it
    if index < 0:
        return figure
    mention = doc.years[index]
    if mention.last != period.end or mention.relative is not None:
        return figure
    if mention.start >= figure.clause[0] or mention.start < figure.sentence[0]:
        return figure  # next to the number, in its clause
    before = doc.norm[max(figure.sentence[0], mention.start - 3) : mention.start]
    if doc.reference.cue("period", "stock").search(before):
        return figure  # 截至2015年: the stock's own date
    year_end = doc.reference.cue("period", "year_end")
    if any(year_end.match(doc.norm, at) for at in (mention.end - 1, mention.end)):
        return figure  # 到2023年末, 2023年年底: a date at the year's end, the stock's own
    figure.period = Period(period.start, period.end, True, f"a stock in a sentence dated {period.end}: as of then")
    figure.notes.append(figure.period.basis)
    return figure
