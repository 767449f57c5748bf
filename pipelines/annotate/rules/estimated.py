"""预计 (expected) for a year that has ended is a preliminary result, an actual: an interview in January
2022 that says 2021's output 预计增长10%左右 reports it. For the current or a later year it stays a target."""

from __future__ import annotations

import re

from ..periods import Period

_ESTIMATED = re.compile(r"预计|预估|初步核算|初步统计")


def ended_year_is_actual(figure, doc, earlier):
    if figure.status != "target" or figure.at < 0:
        return figure
    sentence = figure.sentence
    before = doc.norm[sentence[0] : figure.at]
    found = list(_ESTIMATED.finditer(before))
    if not found:
        return figure
    later_target = doc.reference.cue("status", "target").search(before, found[-1].end())
    if later_target and not _ESTIMATED.match(before, later_target.start()):
        return figure  # 预计…力争…: a goal after the estimate
    end = figure.period.end
    if end is None:  # no year of its own: the year the document reports on, when that has ended
        if doc.reporting_year >= doc.published_year:
            return figure
        end = doc.reporting_year
        figure.period = Period(end, end, True, f"预计 with no year: the year the document reports on ({end})")
        figure.notes.append(figure.period.basis)
    if end < doc.published_year:
        figure.status = "actual"
        figure.notes.append(f"预计 for {end}, a year ended before publication: a preliminary actual")
        figure.notes = [n for n in figure.notes if n != "target year not stated: left empty"]
    return figure
