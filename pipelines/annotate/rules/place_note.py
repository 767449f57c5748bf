"""The note says the place is a guess only when it is one (raw/README.md, place): once the rules before have
settled the place, a guess's note (place not in the sentence, from earlier in the paragraph, 'guessed')
left by an earlier step is dropped where the figure's own sentence names that place as a place (第二名:南宁市,
柳州市…高于全国平均水平17个百分点); a place implied by 全市 or read from a company's name keeps its note."""

from __future__ import annotations

from .. import places
from .mentions import starting_in

GUESSES = ("place not in the sentence", "place from earlier in the paragraph", "place from the paragraphs before")
_GUESSED = " guessed"


def said_when_guessed(figure, doc, earlier):
    if figure.at < 0 or figure.place_key is None:
        return figure
    if not any(n.startswith(GUESSES) or n.endswith(_GUESSED) for n in figure.notes):
        return figure
    if not _named_in_the_sentence(figure, doc):
        return figure
    notes = []
    for note in figure.notes:
        if note.startswith(GUESSES):
            continue
        if note.endswith(_GUESSED):  # 全国 is a comparison, not the figure's place: place 钦州市 guessed
            note = note.removesuffix(_GUESSED) + " of its sentence"
        notes.append(note)
    figure.notes = notes
    return figure


def _named_in_the_sentence(figure, doc) -> bool:
    sentence = figure.sentence
    return any(
        m.key == figure.place_key and m.name not in places.IMPLIED and not places.is_frame(doc.norm, m, doc.reference)
        for m in starting_in(doc.places, sentence[0], sentence[1])
    )
