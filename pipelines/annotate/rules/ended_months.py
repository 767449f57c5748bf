"""Months of the publication year that ended before publication (上半年 in July, 1—6月 in July) frame results,
actuals, as a stated year that has ended does (past_year.py): 上半年,全区建成投产项目8个 in a text of July
2020 reports 8 projects put into operation, though 建成 is a word of a plan. A target word before the months
(确保上半年…, 力争一季度…) or a goal's word after them (上半年目标, 下半年将…: cue_kind goal) keeps the target;
months still running or to come are months_to_come.py's."""

from __future__ import annotations

import re

from ..periods import Period
from . import sub_year

_COMPARED = re.compile(r"(?:比|较|与|同)\s*$")  # 比1-6月提高: months compared with, not the figure's
NOTE = "{}-{:02d} ended before publication and no goal follows: an actual of those months"


def of_ended_months_is_actual(figure, doc, earlier):
    if figure.status != "target" or figure.at < 0 or doc.published_month is None:
        return figure
    if figure.period.end is not None and figure.period.end != doc.published_year:
        return figure  # a year of its own that is not the publication year: past_year.py's or a deadline
    start = figure.sentence[0]
    months = [m for m in sub_year.spans(doc.norm, start, figure.at) if not _COMPARED.search(doc.norm[start : m[0]])]
    if not months or months[-1][3] >= doc.published_month:
        return figure
    at, end = months[-1][0], months[-1][1]
    if doc.reference.cue("status", "target").search(doc.norm, start, at):
        return figure  # 确保上半年…, 力争一季度…: a goal for the months
    if doc.reference.cue("goal", "goal").search(doc.norm, end, figure.at):
        return figure  # 上半年目标…, 1—6月计划…: the months' goal
    year = doc.published_year
    figure.status = "actual"
    if figure.period.end is None:  # a target's year was left empty: the months are the publication year's
        figure.period = Period(year, year, True, f"year not stated: publication year ({year})")
        figure.notes = [n for n in figure.notes if n != "target year not stated: left empty"] + [figure.period.basis]
    figure.notes.append(NOTE.format(year, months[-1][3]))
    return sub_year.months(figure, doc, earlier)  # the months, which it skipped while the year was empty
