"""A share whose whole names an amount after its 占 (占据广西规上工业企业数20%, 占全区工业增加值的12%) is a share
of that amount: its rate_of_metric_code is the metric of the level or count cue word between the share's cue
word and the number, when nothing before the cue said one (extract reads only the words before it). A whole
with no such word (占全国的10%) leaves it empty; another number or clause between makes the word another's."""

from __future__ import annotations

import re

from .. import cues

SHARES = ("share",)
LEVELS = ("level", "count")
_ANOTHER = re.compile(r"[\d,;:。!?]")


def of_the_whole_named(figure, doc, earlier):
    if figure.at < 0 or figure.rate_of_metric_code:
        return figure
    reference, norm = doc.reference, doc.norm
    share = reference.metric(figure.metric_code)
    if share.kind not in SHARES:
        return figure
    lo = figure.clause[0]
    said = max(((norm.rfind(c, lo, figure.at), c) for c in share.cues), default=(-1, ""))
    if said[0] < 0:
        return figure
    whole = (said[0] + len(said[1]), figure.at)
    if _ANOTHER.search(norm, *whole):
        return figure
    levels = [h for h in cues.cue_hits(norm, whole, reference) if h.metric.kind in LEVELS]
    if not levels:
        return figure
    named = max(levels, key=lambda h: (h.end, h.end - h.start))
    figure.rate_of_metric_code = named.metric.code
    figure.notes.append(
        f"a share of the whole named after {said[1]} ({norm[named.start : named.end]}): of {named.metric.code}"
    )
    return figure
