"""A figure whose clause opens with a known subject (raw/reference/subjects.csv: 规上工业企业, 专精特新企业, 钢材)
carries it, when nothing but the metric's words and glue stands between it and the number (docs/codes.md,
Subjects: what the figure counts or produces; a rate carries the subject of the level it is the rate of):
规上工业企业利润总额增长12% → 规上工业企业, 规上工业企业数量比上年增长8% → 规上工业企业, 钢材增长5% → 钢材 (not
the product of the growth before it). A subject the metric already says (汽车 of the vehicle metrics: cue_kind
subject metric_noun) is none."""

from __future__ import annotations

from . import subject
from .subject import _no_noun, after_the_lead

RATED = ("rate", "share", "rank", "level", "count")
GLUE_REACH = 16  # 利润总额比上年同期增长: the longest run of a metric's words and glue
COUNT_WORDS = ("数量", "总数", "总量")  # 规上工业企业数量: the count of the subject, no noun of its own


def _metric_words(reference) -> tuple[str, ...]:
    words = {cue for m in reference.metrics for cue in m.cues} | set(COUNT_WORDS)
    return tuple(sorted(words, key=len, reverse=True))


def named_at_the_opening(figure, doc, earlier):
    reference = doc.reference
    if figure.subject or figure.at < 0 or not reference.subjects:
        return figure
    if reference.metric(figure.metric_code).kind not in RATED:
        return figure
    norm = doc.norm
    start = after_the_lead(doc, figure.clause[0], figure.at)
    alias = next((a for a in reference.subjects if norm.startswith(a, start, figure.at)), None)
    if alias is None or alias in reference.words_of("subject", "metric_noun", "before_noun"):
        return figure  # 汽车产量: the vehicle metrics already count cars, no subject of its own
    end = start + len(alias)
    if figure.at - end > GLUE_REACH:
        return figure  # more than a metric's words and glue: a noun of its own stands between
    rest = norm[end : figure.at]
    # the metric's words before the time compared with: 比上年增长 is not 比上年增 + 长
    for word in reference.pattern("subject_alias.metric_words", _metric_words):
        rest = rest.replace(word, " ")
    rest = reference.pattern("subject_over_time", subject._over_time).sub(" ", rest)
    if _no_noun(doc, rest):
        figure.subject = doc.text.span(start, end)
    return figure
