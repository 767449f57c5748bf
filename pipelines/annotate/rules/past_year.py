"""A figure whose own clause states a year that ended before publication is a result, an actual, though
a target word (培育, 争取, 打造) stands earlier in its sentence, or the year ends a range (2021年至2023年,
not the deadline 至2023年): 智能工厂培育方面成效显著,2024年…增长10.2% in a 2025 report. A target's
deadline (到2020年, 至2020年) and a year's stated goal (2020年目标, 2020年将) stay targets; a word of doing after
the year (2023年建成投产项目35个, 2023年培育…) is what was done that year, an actual. A year read from 去年 or
上年 in the sentence counts as stated (去年全市建成投产项目35个 in 2024)."""

from __future__ import annotations

import re

from .mentions import starting_in

_DEADLINE = re.compile(r"到|至|前")
_RANGE_START = re.compile(r"(?:19|20)\d{2}\s*年\s*(?:到|至)\s*$")


def stated_past_year_is_actual(figure, doc, earlier):
    period = figure.period
    if figure.status != "target" or figure.at < 0 or period.end is None:
        return figure
    if period.end >= doc.published_year:
        return figure
    sentence = doc.norm[figure.sentence[0] : figure.at]
    year_at = -1 if period.inferred else sentence.rfind(f"{period.end}年")
    if period.inferred:  # 去年全市建成投产项目35个: a relative year of the sentence's own, read against publication
        own = [m for m in starting_in(doc.years, figure.sentence[0], figure.at) if m.relative and m.last == period.end]
        year_at = own[-1].start - figure.sentence[0] if own else -1
    if year_at < 0:
        return figure  # the year is not the sentence's own
    if _DEADLINE.search(sentence[max(0, year_at - 2) : year_at]) and not _RANGE_START.search(sentence[:year_at]):
        return figure  # a deadline (到2020年), not the end of a range that has ended (2021年至2023年)
    after_year = sentence[year_at:]
    if doc.reference.cue("goal", "goal").search(after_year):
        return figure  # a goal set after the year: 2020年目标, 2020年力争, 2020年将 (cue_kind goal)
    # a word of doing after the ended year reports it done: 2023年建成投产项目35个, 2023年培育…50家
    figure.status = "actual"
    figure.notes.append(f"{period.end} ended before publication and no goal follows it: an actual")
    return figure
