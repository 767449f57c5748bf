"""The size tier of a counted set that names none of its members is no figure of its own: 打造了10个千亿元
产业 is one figure, the count (size_tier_count, the tier in its subject: seed 002-041), not also a 千亿
output value of no industry. Where the members are named, before the count (机械制造、…四大千亿产业) or
after the tier (三个千亿级产业集群,将聚焦新能源、…), each member's tier stays a figure (seed 002-023…)."""

from __future__ import annotations

import re

_SPACE = " \u3000"
_CLAUSE_ENDS = re.compile(r"[,，;；。:：]")


def _next_clause(norm: str, end: int, sentence_end: int) -> str:
    """The clause after the tier's (将聚焦新能源、新材料、电子信息), where its members would be listed."""
    stop = _CLAUSE_ENDS.search(norm, end + 1, sentence_end)
    return norm[end : stop.start() if stop else sentence_end]


def drop(figure, doc, earlier):
    if figure.at < 0 or "size tier" not in figure.notes or not earlier:
        return figure
    count = earlier[-1]
    if count.metric_code != "size_tier_count" or count.unit_end < 0:
        return figure
    if doc.norm[count.unit_end : figure.at].strip(_SPACE):
        return figure  # the tier is not the one right after the count
    member = _simplified(figure.cluster)  # written as the document writes it; the copy is simplified
    if member and (
        member in doc.norm[count.clause[0] : count.at]
        or member in _next_clause(doc.norm, figure.clause[1], figure.sentence[1])
    ):
        return figure  # a member named before the count or in the clause after the tier's: its own tier
    return None  # no member, or only the tier's own noun (千亿级产业集群)


def _simplified(text: str) -> str:
    from ..script import simplified

    return simplified(text)
