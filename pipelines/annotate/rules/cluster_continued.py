"""A sentence that names nothing of its own before its number (从2020年产值超20亿元, after 力争2021年智能家电产业
实现产值100亿元。) goes on about the cluster of the figure that ends the sentence before, in its paragraph: its
clause holds only how much, when and compared with what (own_cluster.names_its_own), as a growth clause keeps
the cluster of the amount before it. A clause naming a place (全市地区生产总值增长7.5%) is that place's total."""

from __future__ import annotations

from bisect import bisect_right

from ..places import IMPLIED, within
from . import cluster_part
from .industry_name import COUNTS_OF_CLUSTERS, NEW_NAME
from .own_cluster import names_its_own


def _took(note: str) -> bool:
    """A note of a rule that took a drafted cluster off on purpose: left as that rule decided."""
    return note.startswith("cluster ") and not note.endswith(NEW_NAME)


def of_the_sentence_before(figure, doc, earlier):
    if figure.cluster or figure.at < 0 or not earlier or figure.metric_code in COUNTS_OF_CLUSTERS:
        return figure
    if any(_took(n) for n in figure.notes) or names_its_own(figure, doc):
        return figure
    norm, clause = doc.norm, (figure.clause[0], figure.at)
    if within(doc.places, clause) or any(norm.find(w, *clause) >= 0 for w in IMPLIED):
        return figure  # 全市地区生产总值增长7.5%: a place's own total, no cluster's
    before = earlier[-1]
    if before.at < 0 or not before.cluster:
        return figure
    index = bisect_right(doc.sentences, figure.at, key=lambda s: s[0]) - 1  # by bisection: no pass per figure
    while index > 0 and doc.sentences[index - 1][0] == doc.sentences[index - 1][1]:
        index -= 1  # 。” makes an empty sentence between two
    if index < 1 or doc.sentences[index - 1] != before.sentence:
        return figure  # the figure before is not of the sentence right before
    paragraph = doc.paragraphs[bisect_right(doc.paragraphs, figure.at, key=lambda p: p[0]) - 1]
    if before.at < paragraph[0]:
        return figure  # the sentence before is in another paragraph
    if cluster_part.under_its_whole(doc, before):
        return figure  # …,其中铝产业完成产值52.3亿元;完成固定资产投资…: the whole goes on, not its part
    figure.cluster = before.cluster
    figure.notes.append(f"cluster {figure.cluster}: of the sentence before, this one naming nothing of its own")
    return figure
