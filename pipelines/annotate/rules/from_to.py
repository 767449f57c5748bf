"""由2015年的53位跃升至47位: the year before 的 belongs to the first value only; the value after 至 is of
the year the paragraph is about (2020年,…由2015年的…提升至…), else of the year the document reports on."""

from __future__ import annotations

import re

from ..periods import Period
from .mentions import starting_in

_FROM_TO = re.compile(r"的\s*[\d.,]+\s*[^\d,。;]{0,6}?(?:至|到)\s*$")


def later_value_keeps_its_year(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or period.start is None or period.inferred:
        return figure
    sentence = figure.sentence
    mentions = [m for m in starting_in(doc.years, sentence[0], figure.at) if m.end <= figure.at and m.relative is None]
    if not mentions or not _FROM_TO.match(doc.norm, mentions[-1].end, figure.at):
        return figure
    base = mentions[-1]
    from ..extract import _within

    paragraph = _within(doc.paragraphs, figure.at)
    before = [
        m
        for m in starting_in(doc.years, paragraph[0], base.start)
        if m.end <= base.start and m.relative is None and m.first > base.last
    ]
    year, why = (
        (before[-1].first, f"year {before[-1].first} from earlier in the paragraph")
        if before
        else (doc.reporting_year, f"the year the document reports on ({doc.reporting_year})")
    )
    figure.period = Period(year, year, True, f"由{base.first}年的…至: {why}")
    figure.notes.append(figure.period.basis)
    return figure
