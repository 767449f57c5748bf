"""A company's short name opens with its city's first character (玉柴 of 玉林, 柳钢 of 柳州, 柳工): where no
annotation gave the company's city (enterprise_city) and the figure's place is the province or higher (广西
from 我区 or the document's subject), the figure is of the one prefecture city the document names whose name
opens with the same character as the company's name without its place and ending (company_name.core), written
as the document writes the city."""

from __future__ import annotations

from ..script import simplified
from .company_name import core

HIGH_LEVELS = ("province", "region", "country")
CITY = "prefecture"


def _cities_named(doc) -> dict[str, list[str]]:
    """First character -> the keys of the prefecture cities the document names, once per document."""
    levels, out = doc.reference.place_levels, {}
    for m in doc.places:
        if levels.get(m.key) == CITY and m.key not in out.get(m.name[0], []):
            out.setdefault(m.name[0], []).append(m.key)
    return out


def of_the_city_its_name_opens_with(figure, doc, earlier):
    if not figure.enterprise:
        return figure
    reference = doc.reference
    if simplified(figure.enterprise) in reference.enterprise_places:
        return figure  # annotated elsewhere: enterprise_city's
    if figure.place_key is not None and reference.place_levels.get(figure.place_key) not in HIGH_LEVELS:
        return figure
    head = core(figure.enterprise, reference)
    cities = doc.once("cities_named", _cities_named).get(head[:1], []) if head else []
    if len(cities) != 1:
        return figure
    key = cities[0]
    figure.place, figure.place_key = doc.written.get(key, figure.place), key
    figure.notes = [n for n in figure.notes if not n.startswith("place ")]
    figure.notes.append(f"place: {figure.enterprise} opens with {figure.place}'s first character, its city (check)")
    return figure
