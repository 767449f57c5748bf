"""The region named after the number in a city's or county's text (18家企业入围2024年广西高新技术企业百强; 产品
销往广西各地) issues the list the count is of or is where something goes: the figure is the text's own place, not the
region's. extract takes a place after the number when its sentence names none before it; a region there is what
the figure is related to, not what it is about."""

from __future__ import annotations

from .mentions import starting_in

REGION_LEVELS = ("province",)
BELOW = ("prefecture", "county", "district")


def not_the_region_after(figure, doc, earlier):
    if figure.at < 0 or figure.place_key is None or doc.subject is None:
        return figure
    levels = doc.reference.place_levels
    if levels.get(figure.place_key) not in REGION_LEVELS or levels.get(doc.subject[1]) not in BELOW:
        return figure
    sentence = figure.sentence
    keyed = [m for m in starting_in(doc.places, sentence[0], sentence[1]) if m.key == figure.place_key]
    if not keyed or any(m.end <= figure.at for m in keyed):
        return figure  # the region named before the number: its own figure
    after = doc.text.span(keyed[0].start, keyed[0].end)
    figure.place, figure.place_key = doc.subject
    figure.notes = [n for n in figure.notes if not n.startswith("place")]
    # a guess's note, as extract writes it: the speaker's or interviewee's place may still settle it
    figure.notes.append(
        f"place not in the sentence: the document's subject place ({after} after the number is a list's)"
    )
    return figure
