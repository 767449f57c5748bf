"""A park or development zone the figure is about (raw/README.md, place: its sub-units): its name is a place's
name, a few words, then a zone's word (cue_kind place_frame, code zone: 产业园, 工业园区, 开发区, 新城), and the
figure is the zone's where the name opens its clause (中电北海产业园园区产值达到48.5亿元, 南宁东部新城…增长率达57%)
or follows its number with 的 (规划面积3000亩的中国电子北海产业园: the park's area), or where a bare zone word
opens its clause (园区共引进项目308个), the zone that opens a sentence before it (广西北海工业园区由…组成). The zone, not the city
inside its name, is the place, written as the text writes it; a zone not in reference/places.csv is said."""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from functools import lru_cache

from .. import places
from ..script import simplified

NAME_REACH = (
    14  # 台湾(北海)电子产业园, 广西北部湾经济区北海电子产业园: at most this many characters before the zone word
)
# before a clause's opening zone, only a date and punctuation (2013年1-5月份,中电北海产业园…)
_OPENER = re.compile(r"(?:[^\u4e00-\u9fff]|[年月份日])*")
# a part of a zone named after it (江南绿色家居片区, 滨江功能区): a name of three characters or more in 区; 园区
# right after a park's name (中电北海产业园园区产值) is the park itself
_PART = re.compile(r"[\u4e00-\u9fff]{2,}区")
HOLDER_METRICS = ("project_count", "platform_count")  # …产业园项目, …新城基地: the project's, not the zone's


@lru_cache(maxsize=8)
def _name(zone_words: str) -> re.Pattern:
    return re.compile(rf"[\u4e00-\u9fff()（）]{{1,{NAME_REACH}}}?(?:{zone_words})")


def of_the_zone(figure, doc, earlier):
    if figure.at < 0:
        return figure
    zone_words = doc.reference.alternation("place_frame", "zone", "name_end")
    if zone_words == "(?!)":
        return figure
    found = (
        _after_the_number(figure, doc, zone_words)
        or _opening_the_clause(figure, doc, zone_words)
        or _named_before(figure, doc, zone_words)
    )
    if found is None:
        return figure
    start, end = found
    name = doc.text.name(start, end)
    figure.place, figure.place_key = name, doc.reference.places.get(simplified(name))
    figure.notes = [n for n in figure.notes if not n.startswith(("place ", "no place"))]
    known = "" if figure.place_key else ": not in reference/places.csv, add it (level zone) or correct it"
    figure.notes.append(f"place: the zone {name} the figure is about{known}")
    return figure


def _zone_at(doc, at: int, limit: int, zone_words: str) -> tuple[int, int] | None:
    """The zone's name starting at `at`: a place named in it before its zone word, or a zone known by name."""
    named = _name(zone_words).match(doc.norm, at, limit)
    if named is None:
        return None
    # 全区有工业园区: a place by reference (全区, 我市) names no zone; a zone's name holds a place's own name
    inside = [
        m for m in places.within(doc.places, (at, named.end())) if m.end <= named.end() and m.name not in places.IMPLIED
    ]
    if not inside:
        return None
    return at, named.end()


def _opening_the_clause(figure, doc, zone_words: str) -> tuple[int, int] | None:
    """The zone that opens the number's clause, else its sentence (南宁东部新城已初步形成…,…增长率达57%), as its
    subject: not an item of a list (北海工业园和出口加工区两大平台), nor a zone a part of it or another place is
    named after (港南工业园区羽绒产业片区规划面积4060亩: the section's). A clause before its own in its sentence
    counts too."""
    joiners = doc.reference.words_of("list", "joiner", "between_items") + ("、",)
    # its own clause first, then those before it in its sentence (今年上半年,钦州港片区新签约项目32个,总投资达…):
    # by bisection, a sentence's clauses only
    first, last = bisect_left(doc.clauses, (figure.sentence[0],)), bisect_right(doc.clauses, (figure.clause[0], _END))
    starts = [figure.clause[0], *(c[0] for c in reversed(doc.clauses[first:last])), figure.sentence[0]]
    for lo in dict.fromkeys(starts):
        opener = _OPENER.match(doc.norm, lo, figure.at)
        zone = _zone_at(doc, opener.end(), figure.at, zone_words)
        if zone is None:
            continue
        if lo not in (figure.clause[0], figure.sentence[0]) and not _opens_with_a_place(doc, zone):
            continue  # an earlier clause's 位于萬秀區松脂生態產業園: a verb, no zone opening the clause
        again = re.compile(f"(?:{zone_words})").match(doc.norm, zone[1], figure.at)  # 中电北海产业园园区产值: itself
        between = doc.norm[again.end() if again else zone[1] : figure.at]
        if (
            doc.norm.startswith(joiners, zone[1])
            or re.search(zone_words, between)
            or _PART.search(between)
            or any(m.start >= zone[1] for m in places.within(doc.places, (zone[1], figure.at)))
        ):
            return None
        return zone
    return None


def _opens_with_a_place(doc, zone: tuple[int, int]) -> bool:
    return any(m.start == zone[0] for m in places.within(doc.places, zone))


def _after_the_number(figure, doc, zone_words: str) -> tuple[int, int] | None:
    if not doc.norm.startswith("的", figure.unit_end):
        return None
    zone = _zone_at(doc, figure.unit_end + 1, figure.clause[1], zone_words)
    if zone is None:
        return None
    holders = tuple(c for code in HOLDER_METRICS for c in doc.reference.metric(code).cues)
    return None if doc.norm.startswith(holders, zone[1]) else zone


_END = 1 << 62  # after every clause end: bisect_right past the clause that starts at a position
BACK_SENTENCES = 6  # 园区 refers to a zone that opened one of the last few sentences


def _named_before(figure, doc, zone_words: str) -> tuple[int, int] | None:
    """园区, 该园区 opening the number's clause or one before it in its sentence (截至目前,园区共引进项目308个,计划总投资
    382亿元), no other place
    named after it: the last zone that opened one of the sentences before it."""
    # the clauses of its sentence up to its own, by bisection (a document has thousands)
    first, last = bisect_left(doc.clauses, (figure.sentence[0],)), bisect_right(doc.clauses, (figure.clause[0], _END))
    clauses = [c[0] for c in doc.clauses[first:last]]
    for lo in reversed(clauses or [figure.clause[0]]):
        opener = _OPENER.match(doc.norm, lo, figure.at).end()
        opener += doc.norm.startswith("该", opener)
        bare = re.compile(f"(?:{zone_words})").match(doc.norm, opener, figure.at)
        if bare is None:  # the opener holds no word: the zone word opens the clause
            continue
        if any(m.start >= bare.end() for m in places.within(doc.places, (bare.end(), figure.at))):
            return None
        at = bisect_left(doc.sentences, (figure.sentence[0],))  # the sentences before its own, by bisection
        before = doc.sentences[max(0, at - BACK_SENTENCES) : at]
        for start, end in reversed(before):
            zone = _zone_at(doc, _OPENER.match(doc.norm, start, end).end(), end, zone_words)
            if zone is not None:
                return zone
        return None
    return None
