"""Months of the publication year that have ended are a result: 上半年,全区建成投产项目12个,完成投资25亿元 in a
text of July 2020 reports what January-June 2020 did, though 建成 is a target word of a plan (as past_year reads
2023年建成投产项目35个 in 2024). The months are the figure's own, before it in its sentence and not compared
with (比1-9月); a goal's word after them (上半年目标, 下半年将: cue_kind goal) keeps the target, and months still
running are months_to_come's."""

from __future__ import annotations

import re

from ..periods import Period
from . import sub_year

_COMPARED = re.compile(r"(?:比|较|与|同)$")
NOTE = "{}-{}月 ended before publication ({}-{:02d}) and no goal follows: an actual of {}"


def done_in_the_months(figure, doc, earlier):
    if figure.at < 0 or figure.status != "target" or doc.published_month is None:
        return figure
    period = figure.period
    if period.start is not None and (period.start, period.end) != (doc.published_year, doc.published_year):
        return figure  # a year of its own (到2025年, 2019年): past_year's and the deadline's
    own = [
        s
        for s in sub_year.spans(doc.norm, figure.sentence[0], figure.at)
        if not _COMPARED.search(doc.norm, max(0, s[0] - 1), s[0])
    ]
    if not own or own[-1][3] >= doc.published_month:
        return figure  # no months, or months still running
    start, end, first, last = own[-1]
    if doc.reference.cue("goal", "goal").search(doc.norm, end, figure.at):
        return figure  # 上半年目标, 下半年将: a goal set for the months
    if not _doing_only(figure, doc, figure.sentence[0]):
        return figure  # 力争一季度…, 上半年,全区力争…: a goal's word in its sentence, not a plan's word of doing
    year = doc.published_year
    figure.status = "actual"
    figure.notes = [n for n in figure.notes if n != period.basis]
    figure.period = Period(year, year, True, NOTE.format(first, last, year, doc.published_month, year))
    figure.notes.append(figure.period.basis)
    return figure


def _doing_only(figure, doc, end: int) -> bool:
    """The target words between the months and the number are words of doing (建成, 培育: cue_kind status
    target that take 了 to report it done), not of intention (力争, 计划, 确保, 预计)."""
    words = [m.group() for m in doc.reference.cue("status", "target").finditer(doc.norm, end, figure.at)]
    doing = doc.reference.pattern("months_done_doing", _doing_words)
    return all(doing.fullmatch(w) for w in words)


def _doing_words(reference):
    """The target words whose not_followed_by holds 了 (打造了, 建成了, 培育了 report it done): words of doing."""
    words = [
        c.word for c in reference.cue_words if c.kind == "status" and c.code == "target" and "了" in c.not_followed_by
    ]
    return re.compile("|".join(map(re.escape, words)) if words else "(?!)")
