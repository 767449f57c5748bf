"""A rank of a growth names what grew and its growth word (docs/codes.md, Subjects: what the figure is of):
规模以上工业增加值102.83亿元,同比增长14%,增速排名贵港市第一 → 规模以上工业增加值增速, as reviewers write it. The
rank's clause opens with a growth word (增速, 增幅: growth_rate's cue words) and names nothing else; the growth
right before it in its sentence is of the amount its clause (or the clause before a bare growth) names: that
amount's words, from past the clause's lead words to its last metric cue word, then the rank's growth word."""

from __future__ import annotations

import re

from . import growth_clause
from .subject import after_the_lead

RANK = "rank"
GROWTH = "growth_rate"


def named_by_its_amount(figure, doc, earlier):
    if figure.subject or figure.at < 0 or figure.metric_code != RANK or not earlier:
        return figure
    norm, reference = doc.norm, doc.reference
    opening = after_the_lead(doc, figure.clause[0], figure.at)
    words = sorted(reference.metric(GROWTH).cues, key=len, reverse=True)
    growth_word = re.compile("|".join(map(re.escape, words))).match(norm, opening, figure.at)
    if growth_word is None:
        return figure
    growth = earlier[-1]
    if growth.metric_code != GROWTH or growth.at < figure.sentence[0] or not growth.rate_of_metric_code:
        return figure
    level = growth_clause.level_before(growth, doc, earlier[:-1]) if growth_clause.bare_clause(growth, doc) else None
    named = _amount_words(doc, level or growth, growth.rate_of_metric_code)
    if named:
        figure.subject = doc.text.span(*named) + doc.text.span(*growth_word.span())
    return figure


def _amount_words(doc, figure, metric_code: str) -> tuple[int, int] | None:
    """Where the amount is named in the figure's clause: past the lead words (the date, the place) to the end
    of the metric's last cue word before the number (规模以上工业增加值); None where no cue word is there."""
    norm = doc.norm
    cues = sorted(doc.reference.metric(metric_code).cues, key=len, reverse=True)
    start = after_the_lead(doc, figure.clause[0], figure.at)
    found = list(re.finditer("|".join(map(re.escape, cues)) or "(?!)", norm[start : figure.at]))
    if not found:
        return None
    end = start + found[-1].end()
    return (start, end) if re.fullmatch(r"[\u4e00-\u9fff]+", norm[start:end]) else None
