"""A count counts the head of the noun after it, and a Chinese compound noun ends with its head:
4个产业园区 counts parks (产业 only says which), 100个重点产业项目 projects, 5个企业技术中心 platforms (企业|技术|中心). When
the cue word right after the count's unit is followed at once by another count's cue word (产业|园区),
the last of that run of cue words, not the first, says what is counted."""

from __future__ import annotations

from .. import cues
from ..script import simplified

COUNTED_AFTER = 10  # as extract reads a count's noun after its unit
_STOPS = "、,;:。!?()的"


def head_of_the_noun(figure, doc, earlier):
    if figure.at < 0 or figure.unit_end < 0:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind != "count" or any(n.startswith("size tier") for n in figure.notes):
        return figure
    measures = reference.units.get(simplified(figure.unit), set())
    norm, start = doc.norm, figure.unit_end
    every = cues.cue_hits(norm, (start, min(figure.clause[1], start + COUNTED_AFTER + 8)), reference)
    hits = [h for h in every if h.metric.kind == "count" and h.metric.unit_measure in measures]
    # 四大主导产业规上产值: 规上 goes on to an amount (产值), so it is no noun counted
    modifiers = {h.start for h in every if h.metric.kind != "count"}
    first = [h for h in hits if h.start - start <= COUNTED_AFTER and not _stopped(norm, start, h.start)]
    if not first:
        return figure
    head = min(first, key=lambda h: (h.start, -(h.end - h.start)))
    if head.metric.code != figure.metric_code:
        return figure  # another word decided what is counted: not this noun's
    while True:  # 产业|园区: a cue word that starts where the one before ends carries on the noun
        following = [h for h in hits if h.start == head.end and h.end not in modifiers]
        if not following:
            break
        head = max(following, key=lambda h: h.end - h.start)
    if head.metric.code == figure.metric_code:
        return figure
    figure.metric_code = head.metric.code
    figure.notes.append(f"what is counted: {doc.text.span(head.start, head.end)}, the noun's head")
    return figure


def _stopped(norm: str, start: int, end: int) -> bool:
    return any(c in _STOPS or c.isdigit() for c in norm[start:end])
