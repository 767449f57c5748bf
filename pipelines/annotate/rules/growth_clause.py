"""A growth rate whose clause says nothing but the growth (产值达2691.2亿元,增长12.1%): reviewers take its
evidence from the figure it is the growth of, in the clause before, so the span says what grew:
产值达2691.2亿元,增长12.1% and not 增长12.1%. The span starts at that figure's cue word (产值, 产量), with
or at its number with the period words right before it when no cue is there (累计完成188.8亿元)."""

from __future__ import annotations

import re

from ..evidence import LIMIT, occurs_more_than_once, read_length

GROWTH = ("growth_rate",)
# Words a bare growth clause may hold beside the growth cue (同比增长, 当月增长, 则增长达): no noun of its own
# (当月增长 after 累计增长3.0%: a month's growth beside the year's, which reviewers keep alone)
_GLUE = ("同比", "比上年同期", "比上年", "达到", "达", "为", "了", "则", "实现")
OF_A_LEVEL = ("level", "count")  # a growth is of an amount or a count, not of a share or another rate


def bare_clause(figure, doc) -> bool:
    """Whether the growth's clause holds only the growth (同比增长14.5%) after a comma."""
    if figure.metric_code not in GROWTH or figure.at < 0:
        return False
    norm, start = doc.norm, figure.clause[0]
    words = sorted(set(doc.reference.metric("growth_rate").cues) | set(_GLUE), key=len, reverse=True)
    bare = "(?:" + "|".join(map(re.escape, words)) + ")+"
    return start > 0 and norm[start - 1] in ",," and bool(re.fullmatch(bare, norm[start : figure.at].strip()))


def level_before(figure, doc, earlier):
    """The amount or count in the clause right before, which the growth is of; None if there is none."""
    before = next((f for f in reversed(earlier) if f.at >= 0 and f.clause[1] == figure.clause[0] - 1), None)
    if before is None or doc.reference.metric(before.metric_code).kind not in OF_A_LEVEL:
        return None
    return before


def with_its_value(figure, doc, earlier):
    if not earlier or not bare_clause(figure, doc):
        return figure
    before = level_before(figure, doc, earlier)
    if before is None:
        return figure
    norm, reference = doc.norm, doc.reference
    cues = reference.metric(before.metric_code).cues
    lo = before.clause[0]
    cue_at = max((norm.rfind(cue, lo, before.at) for cue in cues), default=-1)
    begin = cue_at if cue_at >= 0 else before.at
    periods = reference.words_of("period") + reference.words_of("status", "actual")
    moved = cue_at < 0
    while moved:  # 累计完成188.8亿元: the period words right before the number
        moved = False
        for word in periods:
            if begin - len(word) >= lo and norm.startswith(word, begin - len(word)):
                begin -= len(word)
                moved = True
                break
    span = doc.text.exact(begin, figure.unit_end).strip()
    if read_length(doc.text, span) > LIMIT or occurs_more_than_once(doc.text, span):
        return figure
    figure.evidence = span
    return figure
