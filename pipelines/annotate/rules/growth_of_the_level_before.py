"""A bare growth of what no catalogue metric is (docs/codes.md, Subjects: where rate_of_metric_code is empty, the
subject names what grows): 财政收入完成8.6亿元,增长6.1%; 农村居民人均可支配收入8560元,增长8.9% → the noun before
the amount in the clause right before, as written, as what_grows.py names it where the growth has its own clause
(財政收入則增長達11.6%). The growth's clause holds only the growth (growth_clause.bare_clause), so it is the
growth of that amount; its rate_of_metric_code is empty because a word before the amount's cue makes it no
catalogue metric (metric_guard.py: 可支配收入, 财政收入)."""

from __future__ import annotations

import re

from . import growth_clause, what_grows
from .subject import after_the_lead

_NOUN = re.compile(r"[\u4e00-\u9fff]{3,16}")  # as what_grows.py: shorter, it is a verb or a place's word


def named_before_the_amount(figure, doc, earlier):
    if figure.subject or figure.rate_of_metric_code or not growth_clause.bare_clause(figure, doc):
        return figure
    level = growth_clause.level_before(figure, doc, earlier)
    if level is None or level.at < 0:
        return figure
    if level.subject:
        figure.subject = level.subject  # the level already names what it is
        return figure
    norm = doc.norm
    start = after_the_lead(doc, level.clause[0], level.at)
    end = what_grows._before_the_glue(doc, start, level.at)
    end = _before_the_verb(doc, start, end)
    if not _NOUN.fullmatch(norm, start, end) or not _guarded(doc, norm[start:end]):
        return figure
    figure.subject = doc.text.span(start, end)
    return figure


def _before_the_verb(doc, start: int, end: int) -> int:
    """财政收入完成8.6亿元: the verb before the amount (cue_kind subject noun_end: 完成, 实现, 达) is no part of it."""
    for word in doc.reference.words_of("subject", "noun_end", "after_noun"):
        if end - len(word) > start and doc.norm.startswith(word, end - len(word)):
            return end - len(word)
    return end


def _guarded(doc, noun: str) -> bool:
    """Whether a metric_guard word stands right before a cue of the metric it keeps out (可支配收入, 财政收入)."""
    reference = doc.reference
    for guard in reference.words("metric_guard", "before_cue"):
        if any(guard.word + cue in noun for cue in reference.metric(guard.code).cues):
            return True
    return False
