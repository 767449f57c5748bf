"""A figure that a place's body or its report sets (自治区政府工作报告提出今年工业投资增长15%以上; 来宾市委全会
明确…) is that place's, not the county's a document is about: the place, or 自治区 in a city's or county's
text (the region the document's place is in, which implied mentions leave out there: 自治区 usually qualifies a
body or a list), a few words naming its body or report (cue_kind place_frame, code sets, after_place: 政府工作报告,
党委, 会议) and a word that sets (code sets, before_number: 提出, 明确, 要求), in the figure's sentence before its
number, with no place of the figure's own between the setting word and the number."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import places
from .mentions import starting_in

REGION_WORD = "自治区"  # the province a city's or county's document is in, written as its body's head
BODY_REACH = 8  # characters between the place and its body's word (政府工作报告, 党委全会)
SETS_REACH = 6  # characters between the body's word and the setting word (报告明确提出)


@lru_cache(maxsize=8)
def _body(bodies: str, verbs: str) -> re.Pattern:
    return re.compile(rf"[^,。;!?:]{{0,{BODY_REACH}}}?(?:{bodies})[^,。;!?:]{{0,{SETS_REACH}}}?(?:{verbs})")


def _province(doc) -> str | None:
    """The province the document's place is in (its own, for a province's document)."""
    if doc.subject is None:
        return None
    levels, parents, key = doc.reference.place_levels, doc.reference.place_parents, doc.subject[1]
    while key is not None and levels.get(key) != "province":
        key = parents.get(key)
    return key


def _setters(doc, figure) -> list[tuple[int, str | None]]:
    """(where the setting word ends, the place key) of each body that sets something before the number."""
    reference = doc.reference
    pattern = _body(
        reference.alternation("place_frame", "sets", "after_place"),
        reference.alternation("place_frame", "sets", "before_number"),
    )
    found = []
    start, at = figure.sentence[0], figure.at
    for m in starting_in(doc.places, start, at):
        matched = pattern.match(doc.norm, m.end, at)
        if matched and m.name != REGION_WORD:
            found.append((matched.end(), m.key))
    region = doc.norm.find(REGION_WORD, start, at)
    while region >= 0:
        matched = pattern.match(doc.norm, region + len(REGION_WORD), at)
        if matched:
            found.append((matched.end(), _province(doc)))
        region = doc.norm.find(REGION_WORD, region + 1, at)
    return sorted(found)


def of_the_body_that_sets_it(figure, doc, earlier):
    if figure.at < 0 or doc.subject is None:
        return figure
    setters = [s for s in _setters(doc, figure) if s[1] is not None]
    if not setters:
        return figure
    end, key = setters[-1]
    own = [
        m
        for m in starting_in(doc.places, end, figure.at)
        if m.end <= figure.at and not places.is_frame(doc.norm, m, doc.reference)
    ]
    if own or key == figure.place_key:
        return figure
    figure.place = doc.written.get(key) or doc.reference.place_full_names.get(key, figure.place)
    figure.place_key = key
    figure.notes = [
        n for n in figure.notes if not n.startswith(("place from", "no place", "place not", "place: the interviewee"))
    ]
    figure.notes.append(
        f"place: {figure.place}'s body or report sets the figure (…提出), not the document's place (check)"
    )
    return figure
