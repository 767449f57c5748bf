"""A company named whole before (柳州钢铁集团有限公司, 玉林柴油机厂…集团), then by the abbreviation Chinese companies
go by: the first character of the city that opens its name and the first of the words after it (柳钢, 玉柴). The
abbreviation must stand before the number in the figure's sentence, start a word (after a character no word
runs on from, a place, or the sentence's start), be no place's or industry's name, and not be listed with
others (company_name's lists)."""

from __future__ import annotations

from .. import places
from .company_name import LOOK_BACK, _company, _in_a_list
from .company_short import _named_by_form

PROVINCE_LEVELS = ("country", "province", "region")


def _abbreviation(whole: str, reference) -> str | None:
    """柳州钢铁集团 → 柳钢; 广西柳州钢铁集团 → 柳钢 (the city, not the province); None with no city opening it."""
    name = _company(reference)[1].sub("", whole)
    city = None
    while True:
        for k in range(len(name) - 1, 1, -1):
            if name[:k] in reference.places:
                if reference.place_levels.get(reference.places[name[:k]]) not in PROVINCE_LEVELS:
                    city = name[:k]
                name = name[k:]
                break
        else:
            break
    if city is None or not name:
        return None
    return city[0] + name[0]


def _starts_a_word(doc, at: int) -> bool:
    if at == 0 or places.BEFORE_A_PLACE.match(doc.norm, at - 1):
        return True
    return any(m.end == at for m in places.within(doc.places, (at - 8, at)))


def abbreviated(figure, doc, earlier):
    if figure.enterprise or figure.at < 0:
        return figure
    said_from, reference = figure.sentence[0], doc.reference
    for whole in _named_by_form(doc, max(0, said_from - LOOK_BACK), figure.at):
        short = _abbreviation(whole, reference)
        if short is None or short in reference.places or short in reference.clusters:
            continue
        at = doc.norm.rfind(short, said_from, figure.at)
        if at < 0 or doc.norm.startswith(whole, at) or not _starts_a_word(doc, at):
            continue
        if _in_a_list(reference).match(doc.norm, at + len(short)):
            continue
        figure.enterprise = doc.text.name(at, at + len(short))
        figure.notes.append(
            f"enterprise {figure.enterprise}: the abbreviation of {whole} (its city's and name's first)"
        )
        return figure
    return figure
