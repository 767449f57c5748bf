"""A figure about an enterprise is of the city the enterprise is in (玉柴集团 … 营业收入 in a region's
ranking list is Yulin's, not Guangxi's), when its sentence names no place of its own below the province:
the city its figures were given in the annotated documents (reference.enterprise_places), written as
this document writes it where it names the city."""

from __future__ import annotations

from .. import places
from ..script import simplified

HIGH_LEVELS = ("province", "region", "country")
MIN_NAME = 2  # a short name of two characters (柳工) is a company's


def _known(enterprise_places: dict, name: str):
    """The company as annotated, or the longest annotated name its whole name opens with (上汽通用五菱汽车股份有限公司
    is 上汽通用五菱's whole name)."""
    for end in range(len(name), MIN_NAME - 1, -1):
        found = enterprise_places.get(name[:end])
        if found is not None:
            return found
    return None


def of_its_city(figure, doc, earlier):
    if not figure.enterprise:
        return figure
    reference = doc.reference
    found = _known(reference.enterprise_places, simplified(figure.enterprise))
    if found is None:
        return figure
    annotated, key = found
    if figure.place_key == key:
        return figure
    levels = reference.place_levels
    in_sentence = [m for m in places.within(doc.places, figure.sentence) if m.key == figure.place_key]
    if figure.place_key is not None and in_sentence and levels.get(figure.place_key) not in HIGH_LEVELS:
        return figure  # the sentence names a city or county of its own: keep it
    figure.place, figure.place_key = doc.written.get(key, annotated), key
    figure.notes = [n for n in figure.notes if not n.startswith("place ")]
    figure.notes.append(f"place: the city {figure.enterprise}'s figures were given in other documents (check)")
    return figure
