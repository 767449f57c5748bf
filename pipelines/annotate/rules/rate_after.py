"""A percent whose 的 leads to a word of change is a rate of change, not a share of what follows:
以12.5%的增速位居全区第一, 实现了20%以上的高速增长, 以15%的增幅领跑 (growth rates), as 7.14%的企业 is a
share of the enterprises (rules/share_shape.py). The rate's cue word stands right after 的, or after one
word that says how (高速, 较快) and names no amount or count of its own; a word of decrease (下降)
makes the value negative, as a decrease before the number does."""

from __future__ import annotations

import re

from .. import cues
from .same_count import GUESSED

HOW = 2  # characters between 的 and the cue word: 高速, 较快, 稳定
_OF = re.compile(r"\s*(?:以上|左右|以内)?\s*的")


def named_after_the_percent(figure, doc, earlier):
    guessed = GUESSED.format(figure.metric_code)
    if figure.at < 0 or guessed not in figure.notes:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind != "rate":
        return figure
    norm = doc.norm
    of = _OF.match(norm, figure.unit_end)
    if not of:
        return figure
    window = (of.end(), min(figure.clause[1], of.end() + HOW + 4))
    hits = [h for h in cues.cue_hits(norm, window, reference) if h.start - of.end() <= HOW]
    rate = [h for h in hits if h.metric.kind == "rate" and h.metric.unit_measure == "percent"]
    if not rate:
        return figure
    cue = min(rate, key=lambda h: (h.start, -(h.end - h.start)))
    if any(h.metric.kind != "rate" and h.start < cue.start for h in hits):
        return figure  # 15%的企业增长: 企业 is what the percent is of
    figure.metric_code = cue.metric.code
    figure.notes = [n for n in figure.notes if n != guessed]
    figure.notes.append(f"metric {cue.metric.code} from {doc.text.span(cue.start, cue.end)} after the percent")
    if reference.cue("direction", "decrease").match(norm, cue.start) and figure.value > 0:
        figure.value = -figure.value
        figure.notes.append("a decrease: value negative")
    return figure
