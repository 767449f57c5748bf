"""Two metrics' words in one clause: the noun right after the unit is the head of the phrase and says what
the amount is (形成1000万吨产能, 达到200万吨的产能, 300万吨生产能力), whatever cue word stood before the number
(生产 of 生产企业, 生产线): extract takes the nearest cue before the number, and cue_after.py reads the words
after the unit only when no cue stood before. Only the unit's own measure counts, and only right after the unit
(or after 的): 50亿元带动产值100亿元 has a verb between, the 产值 is the next figure's; a number after the word in
its clause (1000万吨产能利用率90%) makes the word the next figure's too."""

from __future__ import annotations

import re

from .. import cues
from ..script import simplified

_GLUE = ("", "的")  # what may stand between the unit and its head noun
_NUMBER = re.compile(r"\d")


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
        for h in cues.cue_hits(norm, (figure.unit_end, min(end, figure.unit_end + 8)), reference)
        if h.metric.kind == "level" and h.metric.unit_measure in measures and norm[figure.unit_end : h.start] in _GLUE
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
