"""A share is of the amount its whole names after the share word: 占全市规上工业增加值的35% is a share of value
added, whatever amount stands before it (汽车产业完成120亿元,同比增长8%,占…: extract took the amount drafted
before, before any rule read its metric). The whole runs from the clause's first share word (占, the share's cue
word) to the number; its last level cue word is what the share is of. A whole of no amount (占全国的5.5%) leaves the
share as extract read it."""

from __future__ import annotations

from .. import cues

SHARE = "share"


def of_the_whole_named(figure, doc, earlier):
    if figure.at < 0 or figure.metric_code != SHARE:
        return figure
    reference, norm = doc.reference, doc.norm
    hits = cues.cue_hits(norm, (max(figure.clause[0], figure.at - 40), figure.at), reference)
    opening = next((h for h in hits if h.metric.code == SHARE), None)
    if opening is None:
        return figure
    whole = [h for h in hits if h.start >= opening.end and h.metric.kind == "level"]
    if not whole:
        return figure
    code = max(whole, key=lambda h: (h.end, h.end - h.start)).metric.code
    if code != figure.rate_of_metric_code:
        figure.notes.append(f"a share of {code}, the whole named after {doc.text.span(opening.start, opening.end)}")
        figure.rate_of_metric_code = code
    return figure
