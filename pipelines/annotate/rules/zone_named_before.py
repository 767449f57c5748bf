"""A park or zone the text has named in full (南宁东部新城: a place, a few words, a zone word: cue_kind
place_frame, code zone) and then goes on about, often by its name without the place (东部新城要在…发力;…建成千亿级
产业集群), is the place of a later figure whose own sentence names no place: it is nearer than the city the
draft would otherwise guess from earlier in the paragraph or from the document's subject.

The zones are found once per document by their name's form, so a zone missing from reference/places.csv is
still found (and said so); each figure then looks back by bisection over their mentions."""

from __future__ import annotations

import re
from bisect import bisect_left

from .. import places
from ..script import simplified
from .interview_turn import GUESSED
from .zone_name import _PART, _name

NAME_MIN = 2  # 东部新城: a name of its own (东部) before the zone word, not the bare word (新城, 工业园区)


def of_the_zone_named_before(figure, doc, earlier):
    if figure.at < 0 or not any(n.startswith(GUESSED) for n in figure.notes):
        return figure
    zones = doc.once("zones_by_name", _zones)
    if not zones:
        return figure
    from ..extract import _within

    paragraph = _within(doc.paragraphs, figure.at)
    starts = [z[0] for z in zones]
    index = bisect_left(starts, figure.at) - 1
    if index < 0:
        return figure
    start, end, full = zones[index]
    if start < paragraph[0] or end > figure.at:
        return figure  # a zone of another paragraph, or one the number stands inside
    zone_words = doc.reference.alternation("place_frame", "zone", "name_end")
    if _PART.match(doc.norm, end, figure.at) or re.match(
        rf"[\u4e00-\u9fff]*?(?:{zone_words})", doc.norm[end : figure.at]
    ):
        return figure  # 港南工业园区羽绒产业片区规划面积4060亩: a part named right after the zone, or another zone
    used = [
        m
        for m in places.within(doc.places, (start, figure.at))
        if m.key == figure.place_key and not (start <= m.start < end)
    ]
    if used:
        return figure  # the place guessed is named after the zone: it is the nearer
    name = doc.text.name(start, end)
    figure.place, figure.place_key = name, doc.reference.places.get(simplified(name))
    figure.notes = [n for n in figure.notes if not n.startswith(GUESSED) and not n.startswith("place from")]
    known = "" if figure.place_key else ": not in reference/places.csv, add it (level zone) or correct it"
    where = "of its sentence" if start >= figure.sentence[0] else "named before it in the paragraph (check)"
    figure.notes.append(f"place: the zone {name} ({full}) {where}{known}")
    return figure


def _bare_word(short: str, zone_words: str) -> bool:
    """The name is only zone words (工业园区, 园区), or too short to be a name of its own before them."""
    return re.fullmatch(rf"[\u4e00-\u9fff]{{0,{NAME_MIN - 1}}}(?:{zone_words})+", short) is not None


def _zones(doc) -> list[tuple[int, int, str]]:
    """Every mention of a zone, in full (南宁东部新城) or by its name without the place (东部新城), sorted."""
    zone_words = doc.reference.alternation("place_frame", "zone", "name_end")
    if zone_words == "(?!)":
        return []
    pattern = _name(zone_words)
    full: dict[str, str] = {}
    found: list[tuple[int, int, str]] = []
    for mention in doc.places:
        if mention.name in places.IMPLIED:
            continue
        named = pattern.match(doc.norm, mention.end)
        # the zone word right after the place's name (南宁新区), or a name of its own between them
        if named is None or any(ch in "()()" for ch in doc.norm[mention.end : named.end()]):
            continue
        name = doc.norm[mention.start : named.end()]
        found.append((mention.start, named.end(), name))
        short = doc.norm[mention.end : named.end()]
        if not _bare_word(short, zone_words):  # 港南区工业园区: 工业园区 is the bare word, no name of its own
            full.setdefault(short, name)
    shorts: list[tuple[int, int, str]] = []
    for short, name in full.items():
        at = doc.norm.find(short)
        while at >= 0:
            if not any(s <= at < e for s, e, _ in found):
                shorts.append((at, at + len(short), name))
            at = doc.norm.find(short, at + 1)
    # a zone by its form alone may be words of a sentence (柳州市积极推动园区): kept where the reference knows it
    # or the text names it again by its own name
    again = {name for _, _, name in shorts}
    kept = [z for z in found if z[2] in again or doc.reference.places.get(simplified(z[2]))]
    return sorted(set(kept + shorts))
