"""A yearly figure inside an N-year action: 2024年…部署实施新一轮工业振兴三年行动,保持每年统筹400亿元资金 is a
yearly amount over the action's three years, 2024-2026, not over 2024 alone (an average needs its span). The
action starts in the year the figure already has (stated, or given by its paragraph or the publication); the
span is inferred (raw/README.md: taken from the text) and lasts N years; an action the text continues
(继续实施…三年行动) started earlier, at a year the text does not say, and is left alone."""

from __future__ import annotations

import re

from ..periods import Period


def action_pattern(reference) -> re.Pattern:
    """三年行动, 3年行动计划, 五年攻坚行动: an action of N years named in the figure's sentence before it; the
    words after N年 are cue_words.csv's (plan_year action)."""
    words = reference.alternation("plan_year", "action", "after_unit")
    return re.compile(rf"(?<![\d年])([1-9]|[两三四五六七八九十])\s*年(?:攻坚)?(?:{words})")


def _continued(reference) -> re.Pattern:
    """继续实施…三年行动: an action the text continues (cue_words.csv: plan_year continued)."""
    return re.compile(reference.alternation("plan_year", "continued", "in_clause"))


_WORDS = "一两三四五六七八九十"


def of_the_action(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or figure.period_kind != "average" or period.start is None:
        return figure
    if period.start != period.end:
        return figure  # a span already: the action's years or a plan's
    start = figure.sentence[0]
    actions = list(doc.reference.pattern("action_years", action_pattern).finditer(doc.norm, start, figure.at))
    if not actions:
        return figure
    action = actions[-1]
    if doc.reference.pattern("action_continued", _continued).search(doc.norm, start, action.start()):
        return figure
    word = action.group(1)
    years = int(word) if word.isdigit() else _WORDS.index(word) + 1
    end = period.start + years - 1
    figure.period = Period(period.start, end, True, f"a yearly figure of the {action.group()} from {period.start}")
    figure.notes.append(figure.period.basis)
    return figure
