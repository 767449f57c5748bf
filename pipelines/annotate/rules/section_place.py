"""A heading that names one place (鹿寨县:; 一、鹿寨县; 鹿寨县:工业强县建设提速, a short line of its own) opens that
place's section: a figure under it whose own sentence names no place is the section's, not the document's
subject nor a place the draft guessed from before the heading (柳州市各县区工业亮点 … 鹿寨县: … 新增规上企业10家).
As section_year reads a heading's year. Headings are found once per document; each figure finds its own by
bisection."""

from __future__ import annotations

import re
from bisect import bisect_right

from .. import places
from .interview_turn import GUESSED
from .mentions import starting_in

# before the heading's place only its numbering: 一、, (一), 1., 【
_NUMBERING = re.compile(r"\s*(?:[一二三四五六七八九十\d]+\s*[、.．]|[((][一二三四五六七八九十\d]+[))]|【)?\s*")
HEADING_LENGTH = 30  # characters of a heading line: a place, a colon, a few words
_SENTENCE_END = re.compile(r"[。!?;|]")


def of_its_heading(figure, doc, earlier):
    if figure.at < 0 or not any(n.startswith(GUESSED) for n in figure.notes):
        return figure
    ends, named = doc.once("place_headings", _headings)
    index = bisect_right(ends, figure.at) - 1
    if index < 0:
        return figure
    mention = named[index]
    if mention.key == figure.place_key:
        return figure
    if any(m.key == figure.place_key for m in starting_in(doc.places, ends[index], figure.at)):
        return figure  # the place guessed is named under the heading: nearer than it
    figure.place = doc.written.get(mention.key) or doc.text.name(mention.start, mention.end)
    figure.place_key = mention.key
    heading = doc.text.span(mention.start, mention.end)
    figure.notes = [n for n in figure.notes if not n.startswith(GUESSED)]
    figure.notes.append(f"place from the section's heading ({heading}): its sentence names none (check)")
    return figure


def _headings(doc) -> tuple[list[int], list]:
    """Where each place heading's line ends and the place it names, in order: a short line with no sentence end
    (a table's row is no heading) that opens, after its numbering, with one place inside the document's own (the
    last of a chain: 柳州市鹿寨县), not as a frame: 融入大湾区 or a byline's 来源:柳州日报 is no section's place."""
    ends, named = [], []
    parents = doc.reference.place_parents
    for start, end in doc.lines:
        line = doc.norm[start:end].strip()
        if not line or len(line) > HEADING_LENGTH or _SENTENCE_END.search(line):
            continue
        found = starting_in(doc.places, start, end)
        own = [
            m
            for m in found
            if m.name not in places.IMPLIED
            and not places.is_frame(doc.norm, m, doc.reference)
            and not places.qualifies_the_next(m, found, parents)
        ]
        if len({m.key for m in own}) != 1 or not _NUMBERING.fullmatch(doc.norm, start, found[0].start):
            continue
        if not _below(doc, own[-1].key):
            continue
        ends.append(end)
        named.append(own[-1])
    return ends, named


def _below(doc, key: str) -> bool:
    """A place inside the document's own (a county of a city's text, a city of the region's)."""
    if doc.subject is None:
        return False
    parents, seen = doc.reference.place_parents, set()
    while key in parents and key not in seen:
        seen.add(key)
        key = parents[key]
        if key == doc.subject[1]:
            return True
    return False
