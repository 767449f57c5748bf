"""A span that holds a 分别 list (智慧电驱和电子电控年产能分别达到55.5GWh; 居民人均可支配收入分别比2015年增长
37.8%): the items named before 分别 are the rows' subjects, one each, and say nothing the column does not.
Reviewers start the span at 分别, or at the metric's cue word right before it (年产能分别达到55.5GWh,
分别比2015年增长37.8%)."""

from __future__ import annotations

from ..evidence import holds, occurs_more_than_once


def from_the_list_cue(figure, doc, earlier):
    span = figure.evidence
    read = doc.text.reading(span)  # matched on its copy, cut where the copy's words end in the span
    copy = read.norm
    word = next((w for w in doc.reference.words_of("list", "respectively") if w in copy), "")
    at = copy.find(word) if word else -1
    if at <= 0 or any(ch.isdigit() for ch in copy[:at]):
        return figure
    cues = [c for c in doc.reference.metric(figure.metric_code).cues if c and copy.endswith(c, 0, at)]
    at -= len(max(cues, key=len, default=""))
    rest = span[read.origin[max(at, 0)] :].strip()
    if at <= 0 or not holds(figure.value, rest) or occurs_more_than_once(doc.text, rest):
        return figure
    figure.evidence = rest
    return figure
