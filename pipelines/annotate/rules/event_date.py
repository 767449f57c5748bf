"""A date with its month opening a sentence dates an event (2018年5月,北海市派出小分队赴江西省学习考察…), not the
stocks the sentence goes on to report: …,初步形成了六大主导产业集群基本框架 is held as of publication (seed 002:
"after the May 2018 study trip; as of publication 2021"). A result between the date and the stock (2024年…完成
生产77.6万辆,…累计产量突破300万辆) makes the date a period of results, and the stock is of it
(stock_year_inferred's); a year with no month frames its sentence and stays."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..periods import Period

_MONTH = re.compile(r"\s*\d{1,2}\s*月")
NOTE = "{}年{}月 dates an event earlier in its sentence: a stock held after it, as of publication ({})"


def _start(mention) -> int:
    return mention.start


def held_after_the_event(figure, doc, earlier):
    period = figure.period
    if figure.period_kind != "as_of" or figure.status != "actual" or figure.at < 0 or period.end is None:
        return figure
    published = doc.published_year
    if period.start != period.end or period.end >= published:
        return figure
    index = bisect_left(doc.years, figure.at, key=_start) - 1  # the year it took: the last before it
    if index < 0:
        return figure
    mention = doc.years[index]
    if mention.relative is not None or mention.start < figure.sentence[0] or mention.end > figure.clause[0]:
        return figure  # a relative year, or a date of the clause's own
    month = _MONTH.match(doc.norm, mention.end)
    if month is None:
        return figure  # 2021年,…: a year that frames its sentence
    if earlier and mention.end <= earlier[-1].at < figure.at and earlier[-1].period_kind != "as_of":
        return figure  # a result between: the date is a period of results (a stock between is held after it too)
    figure.notes = [n for n in figure.notes if n != period.basis]
    figure.period = Period(
        published, published, True, NOTE.format(mention.first, month.group().strip(" 月"), published)
    )
    figure.notes.append(figure.period.basis)
    return figure
