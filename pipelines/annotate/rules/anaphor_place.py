"""A word that points back at a place (该市, 该县, 该区) is the place of that level named last before it, not
the document's subject: 柳州市工业发展。…鹿寨县是工业强县。今年以来,该县新增规上企业15家 is 鹿寨县's. So
is a whole word (全市, 我市; 全县, 我县) of a level below the document's own place, which can only be a place
the text has just turned to: 全市 in the region's feature on 柳州, 全县 in a city's paragraph on 鹿寨县.

Only when no place is named between the word and the number, and the word is the last place word of the
number's sentence before it. The place named before is looked for in the number's paragraph and the two
before it (as extract looks for an earlier place), nearest first, by bisection."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import places
from .comparison_place import is_comparison
from .copula_place import _described
from .mentions import starting_in

# The words are places.IMPLIED: its last character says the level it points at.
_POINTING = ("该",)
_WHOLE = ("全", "我", "本")
# A county-level city (横州市, 北流市) is a 市 as well as a prefecture.
_LEVELS = {"市": ("prefecture", "county"), "县": ("county",), "区": ("district",)}
# The levels under a document's own place that a whole word of that character can only mean another place.
_BELOW = {"市": (None, "province", "region"), "县": (None, "province", "region", "prefecture")}


@lru_cache(maxsize=1)
def _words() -> re.Pattern:
    words = [w for w in places.IMPLIED if w[0] in _POINTING + _WHOLE and w[-1] in _LEVELS]
    return re.compile("|".join(sorted(words, key=len, reverse=True)))


def of_the_place_named_before(figure, doc, earlier):
    if figure.at < 0:
        return figure
    word = _last_word(doc, figure)
    if word is None:
        return figure
    text, start = word.group(), word.start()
    level_of_subject = doc.reference.place_levels.get(doc.subject[1]) if doc.subject else None
    if text[0] in _WHOLE and level_of_subject not in _BELOW.get(text[-1], ()):
        return figure  # 全市 in a city's document is that city, as extract reads it
    named = _named_before(doc, start, text[-1])
    if named is None or named.key == figure.place_key:
        return figure
    figure.place = doc.written.get(named.key) or doc.text.name(named.start, named.end)
    figure.place_key = named.key
    figure.notes = [n for n in figure.notes if not n.startswith("place from") and "subject place" not in n]
    figure.notes.append(f"place from {doc.text.span(start, word.end())}: {figure.place} named before it (check)")
    return figure


def _last_word(doc, figure) -> re.Match | None:
    """The last pointing or whole word of the number's sentence before it, with no place named after it."""
    begin = figure.sentence[0]
    found = None
    for match in _words().finditer(doc.norm, begin, figure.at):
        found = match
    if found is None:
        return None
    between = [
        m
        for m in starting_in(doc.places, found.end(), figure.at)
        if m.name not in places.IMPLIED and not places.is_frame(doc.norm, m, doc.reference)
    ]
    return None if between else found


def _named_before(doc, at: int, character: str):
    from ..extract import _within

    paragraph = _within(doc.paragraphs, at)
    before = _within(doc.paragraphs, max(0, _within(doc.paragraphs, max(0, paragraph[0] - 2))[0] - 2))
    levels, names = doc.reference.place_levels, doc.reference.place_full_names
    for mention in reversed(starting_in(doc.places, before[0], at)):
        if mention.name in places.IMPLIED or mention.end > at:
            continue
        if levels.get(mention.key) not in _LEVELS[character]:
            continue
        full = names.get(mention.key, "")
        if character != "区" and not full.endswith(character) and levels.get(mention.key) != "prefecture":
            continue  # 该市 is no 县, 该县 no county-level city
        if (
            places.is_frame(doc.norm, mention, doc.reference)
            or is_comparison(doc.norm, mention.start, mention.end, doc.reference)
            or places.names_a_company(doc.norm, mention, doc.reference)
            or places.qualifies_the_next(mention, doc.places, doc.reference.place_parents)
            or _described(doc, mention) is not None  # 岑溪市是梧州的工业强市,该市…: 梧州 is said of 岑溪市
        ):
            continue
        return mention
    return None
