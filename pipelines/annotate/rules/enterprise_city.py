"""A figure about an enterprise is of the city the enterprise is in (玉柴集团 … 营业收入 in a region's
ranking list is Yulin's, not Guangxi's), when its sentence names no place of its own below the province:
the city its figures were given in the annotated documents (reference.enterprise_places), written as
this document writes it where it names the city."""

from __future__ import annotations

from .. import places
from ..script import simplified

HIGH_LEVELS = ("province", "region", "country")


def of_its_city(figure, doc, earlier):
    if not figure.enterprise:
        return figure
    reference = doc.reference
    found = reference.enterprise_places.get(simplified(figure.enterprise))
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
