"""In a county's or district's document, a company or facility named after the city the county is in (崇左…
糖厂, 来宾…有限公司: the city opening a name that ends as a company's, cue_kind company name_end, or a facility's,
cue_kind capacity facility: 厂, 工厂, 矿山) stands in the document's county: its figures are the county's, not
the city's its name opens with."""

from __future__ import annotations

import re
from functools import lru_cache

from .mentions import starting_in

NAME_REACH = 10  # characters between the city and its name's ending (糖业集团有限公司, 水泥厂)
LOCAL = ("county", "district")


@lru_cache(maxsize=8)
def _name(endings: str) -> re.Pattern:
    return re.compile(rf"[\u4e00-\u9fff()]{{0,{NAME_REACH}}}?(?:{endings})")


def _ancestors(doc, key: str) -> set[str]:
    parents, found = doc.reference.place_parents, set()
    while key in parents:
        key = parents[key]
        found.add(key)
    return found


def of_the_county(figure, doc, earlier):
    if figure.at < 0 or doc.subject is None or figure.place_key is None:
        return figure
    reference = doc.reference
    if reference.place_levels.get(doc.subject[1]) not in LOCAL or figure.place_key not in _ancestors(
        doc, doc.subject[1]
    ):
        return figure
    keyed = [
        m
        for m in starting_in(doc.places, figure.sentence[0], figure.at)
        if m.key == figure.place_key and m.end <= figure.at
    ]
    if not keyed:
        return figure
    mention = keyed[-1]
    endings = "|".join(
        filter(
            None,
            (reference.alternation("company", "name_end"), reference.alternation("capacity", "facility", "after_size")),
        )
    )
    if not _name(endings).match(doc.norm, mention.end, figure.at):
        return figure
    named = doc.text.name(mention.start, mention.end)
    figure.place, figure.place_key = doc.subject
    figure.notes = [n for n in figure.notes if not n.startswith("place from")]
    figure.notes.append(
        f"place: {named} opens the name of a company or facility in {figure.place}, the document's county (check)"
    )
    return figure
