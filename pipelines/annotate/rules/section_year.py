"""A section's heading that names one year gives that year to the figures under it that state none:
一、2023年工作回顾 in a work report published in January 2024 — 新增规上工业企业85家 under it is of 2023,
not of the publication year, though the report's title names no year and its opening looks back with no
word that says so (过去一年). The heading is the nearest short line before the figure (no full stop, no
comma, no number but its year); a short line with no year (二、主要措施) ends the section, and a date
(2023年12月20日) is no heading. A stock (现有, 累计) keeps the publication date, as rules/reporting_year.py
keeps it unless the document's head names the year."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from ..periods import Period

LONGEST = 30  # a heading is a short line
REACH = 6000  # how far back a section's heading is looked for
_NOT_A_HEADING = re.compile(r"[。,;!?]|[,;:]$")  # a sentence, a clause, a lead-in (各位代表:)
_DIGITS = re.compile(r"\d+")
_NUMBERING = re.compile(r"^(?:\d{1,2}\s*[.、]|\(\d{1,2}\))\s*")  # 1. or (1) numbers a heading, no figure
_DATE = re.compile(r"(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月|(?:19|20)\d{2}\s*[-./]\s*\d{1,2}")
DEFAULTS = ("year not stated", "a whole year's amount")


def year_of_its_section(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or figure.status != "actual" or not period.inferred or not period.basis.startswith(DEFAULTS):
        return figure
    if "(a stock" in period.basis or figure.period_kind == "as_of":
        return figure
    heading = _heading_before(doc, figure.at)
    if heading is None:
        return figure
    year, words = heading
    if year == period.end or year > doc.published_year:
        return figure
    figure.period = Period(year, year, True, f"year not stated: that of its section's heading ({words})")
    figure.notes = [n for n in figure.notes if not n.startswith(DEFAULTS)] + [figure.period.basis]
    return figure


def heading_line(doc, at: int) -> tuple[int, int, str] | None:
    """(start, end, text) of the section heading over `at`: the nearest short line before the figure's own
    within REACH; None when that is the document's title (rules/reporting_year.py reads it: a list's year is
    not its data's) or a dateline, or no short line stands within REACH. goal_section reads it too."""
    norm, lines = doc.norm, doc.lines
    index = bisect_right(lines, at, key=lambda span: span[0]) - 2  # the lines before the figure's own
    while index >= 0 and lines[index][1] >= at - REACH:
        start, end = lines[index]
        line = norm[start:end].strip()
        index -= 1
        if not line or len(line) > LONGEST or _NOT_A_HEADING.search(line):
            continue
        if start <= len(norm) - len(norm.lstrip()) or _DATE.search(line):
            return None  # the document's title, or a dateline or a byline's date: no section
        return start, end, line
    return None


def _heading_before(doc, at: int) -> tuple[int, str] | None:
    """(year, heading) of the section heading over `at` when it names one year; None otherwise."""
    found = heading_line(doc, at)
    if found is None:
        return None
    (start, end, line), norm = found, doc.norm
    first = bisect_left(doc.years, start, key=_start)  # by bisection: no pass over every year per figure
    years = doc.years[first : bisect_left(doc.years, end, key=_start)]
    if len(years) != 1 or years[0].first != years[0].last or years[0].relative is not None:
        return None  # 二、主要措施: a section with no year of its own
    rest = norm[start : years[0].start] + norm[years[0].end : end]  # 2023年 or 二〇二三年 taken out
    if _DIGITS.search(_NUMBERING.sub("", rest.strip())):
        return None  # a number besides its year: a figure's line, no heading
    return years[0].first, line


def _start(mention) -> int:
    return mention.start
