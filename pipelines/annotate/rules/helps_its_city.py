"""A county's or district's clause that helps build a goal (横州市将…,助力打造新能源千亿级产业集群: cue_kind
place_frame, code helps) names the goal of the city it is in, not its own: the figure is the city's, written as
the document writes the city. Only a figure whose place is a county or district and whose clause opens with
the word (after its number the county's own figures keep their place)."""

from __future__ import annotations

import re
from functools import lru_cache

LOCAL = ("county", "district")


@lru_cache(maxsize=8)
def _opening(words: str) -> re.Pattern:
    return re.compile(rf"\s*(?:{words})")


def of_the_city_it_helps(figure, doc, earlier):
    if figure.at < 0 or figure.place_key is None:
        return figure
    reference = doc.reference
    if reference.place_levels.get(figure.place_key) not in LOCAL:
        return figure
    parent = reference.place_parents.get(figure.place_key)
    if parent is None or not _opening(reference.alternation("place_frame", "helps")).match(
        doc.norm, figure.clause[0], figure.at
    ):
        return figure
    helper = figure.place
    figure.place = doc.written.get(parent) or reference.place_full_names.get(parent, figure.place)
    figure.place_key = parent
    figure.notes = [n for n in figure.notes if not n.startswith("place from")]
    figure.notes.append(f"place: {helper} helps its city's goal (助力…), the figure is {figure.place}'s (check)")
    return figure
