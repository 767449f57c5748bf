"""Which part's area an area is (docs/codes.md, Subjects: 规划面积 and 在建面积 are two areas, and so are two
sections' areas): a section of a zone named after it (a name of three characters or more in 区, zone_name._PART)
right before the area's name makes the area that section's, as written with it: 港南工业园区羽绒产业片区规划面积
为4060亩 → 羽绒产业片区规划面积 (the zone's name before the section is the place's business, not the subject's),
and an area of the next clause of that sentence that names no section is the same section's (目前在建面积2335亩
→ 羽绒产业片区在建面积)."""

from __future__ import annotations

import re

from . import zone_name
from .subject import AREAS

_GLUE = r"(?:为|达到|达|约|超过|超|近|共)?\s*"
ZONE = "园区"  # 中电北海产业园园区, 该园区: the zone itself (zone_name.py)
NAME_REACH = 40  # a section's name (24), the area's (4) and the glue before the number
REACH = 60  # characters back in the sentence for the section an area of the next clause is of


def _cues(reference, code: str) -> str:
    return "|".join(map(re.escape, sorted(reference.metric(code).cues, key=len, reverse=True))) or "(?!)"


def _patterns(code: str):
    """The area's own name right before the number, and a section then that name (built once a reference)."""

    def make(reference):
        cues = _cues(reference, code)
        # the area's own name: up to two characters of kind before the cue (规划, 在建)
        own = re.compile(rf"([\u4e00-\u9fff]{{0,2}}(?:{cues})){_GLUE}$")
        section = re.compile(rf"([\u4e00-\u9fff]{{3,24}}?区)([\u4e00-\u9fff]{{0,2}}(?:{cues})){_GLUE}")
        return own, section

    return make


def of_the_section(figure, doc, earlier):
    if figure.at < 0 or figure.metric_code not in AREAS:
        return figure
    norm, lo = doc.norm, figure.clause[0]
    own_name, pattern = doc.reference.pattern(f"area_of_section.{figure.metric_code}", _patterns(figure.metric_code))
    near = max(lo, figure.at - NAME_REACH)  # only so far back: a long clause is not read per figure
    own = own_name.search(norm, near, figure.at)
    if own is None:
        return figure
    here = pattern.search(norm, near, figure.at)
    if here is not None and here.end() == figure.at:
        section = _section(doc, *here.span(1))
    else:  # 目前在建面积2335亩 after …片区规划面积为4060亩,: the section of the area before it in the sentence
        back = max(figure.sentence[0], lo - REACH)
        before = list(pattern.finditer(norm, back, lo))
        section = _section(doc, *before[-1].span(1)) if before else None
    if section is None:
        return figure
    figure.subject = doc.text.span(*section) + doc.text.span(*own.span(1))
    return figure


def _section(doc, start: int, end: int) -> tuple[int, int] | None:
    """The section's own name: past the last zone word (园区, 产业园) and place name before it; none when what is
    left is no part's name (three characters or more in 区) or is a place (港南区)."""
    norm = doc.norm
    zone_words = doc.reference.alternation("place_frame", "zone", "name_end")
    zones = list(re.finditer(f"(?:{zone_words}|{ZONE})", norm[start:end]))
    zones = [z for z in zones if start + z.end() < end]
    begin = start + zones[-1].end() if zones else start
    names = doc.place_names[0]
    while names and norm.startswith(names, begin):
        begin += len(next(n for n in names if norm.startswith(n, begin)))
    part = norm[begin:end]
    if not zone_name._PART.fullmatch(part) or len(part) < 4 or part in names:
        return None
    if part.endswith(ZONE):
        return None  # 该园区规划面积: the zone itself, no section of it
    return begin, end
