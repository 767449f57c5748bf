"""A rank followed by the place it is of (第一名:柳州市; 排名第一的是北海市; 居首位的为钦州市) is that place's,
not the place before it (the field 全区, the document's subject, or a place from an earlier line): the
ranking names what is ranked after the rank, as a row of a ranking list does."""

from __future__ import annotations

import re

from .. import places
from .mentions import starting_in

RANK = "rank"
# between the rank's unit and the ranked place: a colon, or 的是 / 是 / 为 (排名第一的是北海市)
_AFTER = re.compile(r"\s*(?:[:：]|的?(?:是|为))\s*")


def named_after_its_rank(figure, doc, earlier):
    if figure.metric_code != RANK or figure.enterprise or figure.at < 0 or figure.unit_end < 0:
        return figure
    glue = _AFTER.match(doc.norm, figure.unit_end)
    if glue is None:
        return figure
    named = [
        m
        for m in starting_in(doc.places, glue.end(), glue.end() + 1)
        if m.name not in places.IMPLIED and not places.names_a_company(doc.norm, m, doc.reference)
    ]
    if not named:
        return figure
    ranked = named[0]  # the same place as guessed, too: written beside the rank, no guess
    figure.place, figure.place_key = doc.text.name(ranked.start, ranked.end), ranked.key
    figure.notes = [n for n in figure.notes if not n.startswith("place") or "is a comparison" in n]
    figure.notes.append(f"the place named after the rank: {figure.place}")
    return figure
