"""预计 (expected) for a year that has ended is a preliminary result, an actual: an interview in January
2022 that says 2021's output 预计增长10%左右 reports it; so do months of the publication year that have ended
(一季度…预计增长5.2% in May). For the current or a later year it stays a target."""

from __future__ import annotations

import re

from ..periods import Period
from . import sub_year
from .mentions import starting_in


def _estimated(reference) -> re.Pattern:
    """预计, 初步核算: an estimate's words before the figure in its sentence (cue_words.csv: estimate)."""
    return re.compile(reference.alternation("estimate", "preliminary", "before_number"))


def ended_year_is_actual(figure, doc, earlier):
    if figure.status != "target" or figure.at < 0:
        return figure
    sentence = figure.sentence
    before = doc.norm[sentence[0] : figure.at]
    estimated = doc.reference.pattern("estimated", _estimated)
    found = list(estimated.finditer(before))
    if not found:
        return figure
    later_target = doc.reference.cue("status", "target").search(before, found[-1].end())
    if later_target and not estimated.match(before, later_target.start()):
        return figure  # 预计…力争…: a goal after the estimate
    end = figure.period.end
    if end is None and _months_ended(figure, doc):
        return _of_ended_months(figure, doc, earlier)
    if end is None:  # no year of its own: its paragraph's year, else the year the document reports on
        stated = _paragraph_year(figure, doc)
        if stated is not None and stated < doc.published_year:
            end = stated
            figure.period = Period(end, end, True, f"预计 with no year: the year of its paragraph ({end})")
        elif doc.reporting_year < doc.published_year:
            end = doc.reporting_year
            figure.period = Period(end, end, True, f"预计 with no year: the year the document reports on ({end})")
        else:
            return figure
        figure.notes.append(figure.period.basis)
    if end < doc.published_year:
        figure.status = "actual"
        figure.notes.append(f"预计 for {end}, a year ended before publication: a preliminary actual")
        figure.notes = [n for n in figure.notes if n != "target year not stated: left empty"]
    return figure


def _paragraph_year(figure, doc) -> int | None:
    """The one year the nearest year mention before the figure in its paragraph names (2021年是…。预计完成
    150亿元), or None."""
    from ..extract import _within

    paragraph = _within(doc.paragraphs, figure.at)
    before = [m for m in starting_in(doc.years, paragraph[0], figure.at) if m.end <= figure.at]
    if not before or before[-1].first != before[-1].last:
        return None
    return before[-1].last


def _months_ended(figure, doc) -> bool:
    """The figure's sentence names months before it (一季度, 1—5月) that ended before the month of publication."""
    if doc.published_month is None:
        return False
    parts = sub_year.spans(doc.norm, figure.sentence[0], figure.at)
    return bool(parts) and parts[-1][3] < doc.published_month


def _of_ended_months(figure, doc, earlier):
    year = doc.published_year
    figure.status = "actual"
    figure.period = Period(year, year, True, f"year not stated: publication year ({year})")
    figure.notes = [n for n in figure.notes if n != "target year not stated: left empty"]
    figure.notes += [figure.period.basis, "预计 for months ended before publication: a preliminary actual"]
    return sub_year.months(figure, doc, earlier)  # the months, which it skipped while the year was empty
