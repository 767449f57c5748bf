"""An amount may describe the industry named right after it: 增长15%的电子信息产业成为…, 产值突破500亿元的电子信息
产业, 年产值达300亿元的铝产业是… (a phrase ending in 的 before a noun describes the noun): the figure is that
industry's though no metric's word follows it (cluster_after.py asks for one). Only 的 (and a bracket closing
the amount) stands between the unit and the industry's name; a name the cluster word opens (铝产业园, …有限公司)
is no industry's, nor is one of a list (20%的农副食品加工和木材加工业企业)."""

from __future__ import annotations

import re

from ..places import within
from .cluster_after import _took
from .cluster_name import _name_end
from .industry_name import COUNTS_OF_CLUSTERS

_OF = re.compile(r"\s*\)?\s*的\s*")


def _joiner(reference) -> re.Pattern:
    return re.compile(f"\\s*(?:、|{reference.alternation('list', 'joiner')})")


def by_the_amount_before(figure, doc, earlier):
    if figure.cluster or figure.at < 0 or figure.unit_end < 0 or figure.metric_code in COUNTS_OF_CLUSTERS:
        return figure
    if any(_took(n) for n in figure.notes):
        return figure
    norm = doc.norm
    of = _OF.match(norm, figure.unit_end, figure.clause[1])
    if of is None:
        return figure
    named = within(doc.clusters, (of.end(), of.end() + 1))
    if not named or _name_end(doc.reference).match(norm, named[0].end, figure.sentence[1]):
        return figure
    joiner = doc.reference.pattern("cluster_modified.joiner", _joiner)
    if joiner.match(norm, named[0].end):
        return figure  # 20%的农副食品加工和木材加工业企业: listed industries, no one's (cluster_group.py)
    figure.cluster = doc.text.name(named[0].start, named[0].end)
    figure.notes.append(f"cluster {figure.cluster}: the industry the amount describes (…的{figure.cluster})")
    return figure
