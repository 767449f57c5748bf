"""A growth of what no catalogue metric is (docs/codes.md, Subjects: where rate_of_metric_code is empty, the
subject names what grows): 水路客货周转量增长8.4%, 社会消费品零售总额增长21.2% → the noun before the growth
word in the figure's clause, as written. The rate was given the metric of the growth before it (growth_of.py:
its clause names no catalogue amount); where none of that metric's words is in the clause, it is not that
metric's growth, so rate_of_metric_code is emptied. A clause of only a place, a period, an industry (a cluster)
and the metric's words names nothing of its own (scope._names_its_own): 工业增加值增长5% keeps no subject."""

from __future__ import annotations

import re

from . import growth_clause, scope
from .subject import after_the_lead

GROWTH = "growth_rate"
# the noun: Chinese characters only, no list (、), no punctuation; shorter, it is a verb or a place's word
_NOUN = re.compile(r"[\u4e00-\u9fff]{3,16}")


def named_before_its_growth(figure, doc, earlier):
    if figure.subject or figure.at < 0 or figure.metric_code != GROWTH:
        return figure
    if growth_clause.bare_clause(figure, doc) or not scope._names_its_own(figure, doc):
        return figure
    reference, norm = doc.reference, doc.norm
    words = sorted(reference.metric(GROWTH).cues, key=len, reverse=True)
    growths = list(re.finditer("|".join(map(re.escape, words)), norm[figure.clause[0] : figure.at]))
    if not growths:
        return figure
    end = figure.clause[0] + growths[0].start()
    start = after_the_lead(doc, figure.clause[0], end)
    end = _before_the_glue(doc, start, end)
    if not _NOUN.fullmatch(norm, start, end):
        return figure
    if reference.cue("status", "target").search(norm, start, end):
        return figure  # 今年的目标是增长7%: a goal's words, not what grows
    rated = reference.metric(figure.rate_of_metric_code).cues if figure.rate_of_metric_code else ()
    # 经济发展增速6.5%: the economy's words (cue_words.csv rate_of before_rate) name gdp's growth too
    rated = (
        *rated,
        *(c.word for c in reference.words("rate_of", "before_rate") if c.code == figure.rate_of_metric_code),
    )
    if rated and not any(cue in norm[start:end] for cue in rated):
        figure.rate_of_metric_code = ""  # carried from the growth before: none of its words here
        figure.notes.append("rate_of_metric_code emptied: the clause names what grows, no catalogue metric")
    if not figure.rate_of_metric_code:
        figure.subject = doc.text.span(start, end)
    return figure


def _before_the_glue(doc, start: int, end: int) -> int:
    """Where the noun ends before the glue that closes it (同比, 累计, 则: cue_kind glue and the growth's glue)."""
    glue = sorted(
        set(doc.reference.words_of("glue", "no_what")) | set(growth_clause._GLUE) | {"累计", "当月"},
        key=len,
        reverse=True,
    )
    moved = True
    while moved:
        moved = False
        for word in glue:
            if end - len(word) >= start and doc.norm.startswith(word, end - len(word)):  # 按可比价计算: all glue
                end, moved = end - len(word), True
                break
    return end
