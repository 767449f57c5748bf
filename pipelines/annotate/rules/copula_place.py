"""A place said of another place with 是 (柳州市是广西最大的工业城市, 北流市是全国陶瓷名城之一) describes the
first, it is not where the figures are: 柳州市是广西最大的工业城市,汽车产量达80万辆 is 柳州市's, and so is
a figure of the next sentence that names no place (今年以来,汽车产量达80万辆).

The place the figure was given must stand after 是 in the clause that opens with the described place
(之一, 最大 … between them, no clause break); a place after 是 with none before it is the answer of its
clause (增长最快的是北海市,达12%) and stays."""

from __future__ import annotations

import re

from .. import places
from .mentions import starting_in

# 柳州市是, 柳州也是, 柳州市还是: a place, an adverb at most, then 是; nothing of a clause break before the
# predicate place.
_COPULA = re.compile(r"\s*(?:也|还|就|则|更|已|仍|一直|历来|始终)?\s*是")
_BREAK = re.compile(r"[,。;!?:\n]")


def of_the_place_it_describes(figure, doc, earlier):
    if figure.at < 0 or figure.place_key is None:
        return figure
    from ..extract import _within

    paragraph = _within(doc.paragraphs, figure.at)
    keyed = [
        m for m in starting_in(doc.places, paragraph[0], figure.at) if m.key == figure.place_key and m.end <= figure.at
    ]
    if not keyed:
        return figure
    predicate = keyed[-1]
    described = _described(doc, predicate)
    if described is None or described.key == figure.place_key:
        return figure
    if _named_since(doc, predicate, figure):
        return figure
    said = doc.text.span(predicate.start, predicate.end)
    in_sentence = described.start >= figure.sentence[0]
    figure.place = doc.text.name(described.start, described.end) if in_sentence else doc.written[described.key]
    figure.place_key = described.key
    if in_sentence:  # from another sentence the place stays a guess (an interview's answer is the interviewee's)
        figure.notes = [n for n in figure.notes if not n.startswith("place from")]
    figure.notes.append(f"{said} is said of {figure.place} (…是{said}…): place {figure.place} (check)")
    return figure


def _described(doc, predicate):
    """The place before 是 of the clause the predicate place stands in, or None."""
    begin = predicate.start
    while begin > 0 and not _BREAK.match(doc.norm, begin - 1):
        begin -= 1
        if predicate.start - begin > 30:
            return None
    for mention in reversed(starting_in(doc.places, begin, predicate.start)):
        if mention.name in places.IMPLIED:
            continue
        copula = _COPULA.match(doc.norm, mention.end, predicate.start)
        if copula is not None and not _BREAK.search(doc.norm, copula.end(), predicate.start):
            return mention
    return None


def _named_since(doc, predicate, figure) -> bool:
    """Another place named between the predicate place and the number (not a frame, nor the country a rank
    is within): the figure is that one's."""
    return any(
        m.key != figure.place_key
        and doc.reference.place_levels.get(m.key) not in ("country", "region")
        and not places.is_frame(doc.norm, m, doc.reference)
        for m in starting_in(doc.places, predicate.end, figure.at)
    )
