"""A share is of the amount its whole names after the share word: 占全市规上工业增加值的35% is a share of value
added, whatever amount stands before it (汽车产业完成120亿元,同比增长8%,占…: extract took the amount drafted
before, before any rule read its metric). The whole runs from the clause's first share word (占, the share's cue
word) to the number; its last level cue word is what the share is of. A whole of no amount (占全国的5.5%) leaves the
share as extract read it."""

from __future__ import annotations

from .. import cues

SHARE = "share"


def amount_of_the_whole(doc, lo: int, at: int, code: str):
    """(the share word's hit, the amount its whole names) for a share at `at` whose clause opens at lo: the
    last level cue word between the first cue of `code` (占) and the number; None when the whole names none."""
    hits = cues.cue_hits(doc.norm, (lo, at), doc.reference)
    opening = next((h for h in hits if h.metric.code == code), None)
    whole = [h for h in hits if opening is not None and h.start >= opening.end and h.metric.kind == "level"]
    if not whole:
        return None
    return opening, max(whole, key=lambda h: (h.end, h.end - h.start)).metric.code


def of_the_whole_named(figure, doc, earlier):
    if figure.at < 0 or figure.metric_code != SHARE:
        return figure
    found = amount_of_the_whole(doc, max(figure.clause[0], figure.at - 40), figure.at, SHARE)
    if found is None:
        return figure
    opening, code = found
    if code != figure.rate_of_metric_code:
        figure.notes.append(f"a share of {code}, the whole named after {doc.text.span(opening.start, opening.end)}")
        figure.rate_of_metric_code = code
    return figure
