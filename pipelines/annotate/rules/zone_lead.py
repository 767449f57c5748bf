"""An evidence span starts at what the figure is, not at the park or zone it is of: a name that ends in a
zone word (place_frame zone name_end: 产业园, 工业园区, 片区) heading the span is the place column's, as a
county is (rules/evidence_lead.py): reviewers cut 中电北海产业园园区产值达到48.5亿元 to 园区产值达到48.5亿元,
港南工业园区羽绒产业片区规划面积为4060亩 to 规划面积为4060亩."""

from __future__ import annotations

import re

from ..evidence import occurs_more_than_once
from .evidence_lead import MIN_LEFT


def _zone_name(reference) -> re.Pattern:
    """A name from where it starts to its first zone word, with no number or mark inside (港南工业园区)."""
    words = reference.alternation("place_frame", "zone", "name_end")
    return re.compile(rf"[^\d\s,、;:。()的和及与]*?(?:{words})")


def _zones_end(pattern: re.Pattern, words: tuple[str, ...], copy: str) -> int:
    """Where the zone names heading the span end: a section after its zone is one too (港南工业园区羽绒产业片区);
    a bare zone word after a name is the figure's own noun (中电北海产业园园区产值: 园区产值 stays)."""
    zone = pattern.match(copy)
    if zone is None:
        return 0
    end = zone.end()
    while (more := pattern.match(copy, end)) is not None and more.group() not in words:
        end = more.end()
    return end


def without_the_zone(figure, doc, earlier):
    span = figure.evidence
    read = doc.text.reading(span)  # matched on its copy, cut where the copy's words end in the span
    copy = read.norm
    words = doc.reference.words_of("place_frame", "zone", "name_end")
    end = _zones_end(doc.reference.pattern("zone_lead.zone_name", _zone_name), words, copy)
    if end == 0 or len(copy) - end < MIN_LEFT:
        return figure
    rest = span[read.origin[end] :].lstrip()
    if rest.startswith("的") or not any(ch.isdigit() for ch in rest):
        return figure  # 入驻产业园的企业达120家: the zone is of the noun after it, not the figure's place
    if occurs_more_than_once(doc.text, rest):
        return figure
    figure.evidence = rest
    return figure
