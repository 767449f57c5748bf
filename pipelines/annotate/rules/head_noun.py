"""Two metrics' words in one clause: the noun right after the unit is the head of the phrase and says what
the amount is (形成1000万吨产能, 达到200万吨的产能, 300万吨生产能力), whatever cue word stood before the number
(生产 of 生产企业, 生产线): extract takes the nearest cue before the number, and cue_after.py reads the words
after the unit only when no cue stood before. Only the unit's own measure counts, and only right after the unit
(or after 的, or after what it is of when the word closes the clause: 拥有1.2亿吨铝土矿储量): 50亿元带动产值
100亿元 has a verb between, the 产值 is the next figure's; a number after the word in its clause
(1000万吨产能利用率90%) makes the word the next figure's too."""

from __future__ import annotations

import re

from .. import cues
from ..script import simplified
from .cue_after import inside_a_facility

_GLUE = ("", "的")  # what may stand between the unit and its head noun
# a number after the word (not a rank's: 以2356亿元的营业收入排名第132位 ranks this amount) opens the next figure
_NUMBER = re.compile(r"(?<![第\d.])\d")
_CLOSE = re.compile(r"[\s,;:。!?、)]")
_PRODUCT = re.compile(r"[\u4e00-\u9fff]{1,6}的?")  # 铝土矿, 氧化铝的: what the amount is of


def _closes(norm: str, unit_end: int, hit, end: int) -> bool:
    """拥有1.2亿吨铝土矿储量。: what it is of (铝土矿) between, the word closing the clause: still its head."""
    between = norm[unit_end : hit.start]
    return bool(_PRODUCT.fullmatch(between)) and not _CLOSE.sub("", norm[hit.end : end])


def after_the_unit(figure, doc, earlier):
    if figure.at < 0:
        return figure
    reference, norm = doc.reference, doc.norm
    metric = reference.metric(figure.metric_code)
    if metric.kind != "level":
        return figure
    measures = reference.units.get(simplified(figure.unit), set())
    end = figure.clause[1]
    hits = [
        h
        for h in cues.cue_hits(norm, (figure.unit_end, min(end, figure.unit_end + 12)), reference)
        if h.metric.kind == "level"
        and h.metric.unit_measure in measures
        and (norm[figure.unit_end : h.start] in _GLUE or _closes(norm, figure.unit_end, h, end))
        and not inside_a_facility(doc, h)
    ]
    if not hits:
        return figure
    head = max(hits, key=lambda h: h.end - h.start)  # 生产能力 over 生产
    if head.metric.code == figure.metric_code or _NUMBER.search(norm, head.end, end):
        return figure
    was = figure.metric_code
    figure.metric_code = head.metric.code
    figure.notes = [n for n in figure.notes if f"metric {was} " not in n]
    figure.notes.append(f"{doc.text.span(head.start, head.end)} right after the unit: {head.metric.code}, not {was}")
    return figure
