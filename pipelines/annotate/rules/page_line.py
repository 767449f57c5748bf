"""A dated page line inside the text (a line of a date and time, no sentence: 广西两会 2022-01-20 10:30) opens a
new piece of the page: a figure in the paragraph right after it whose sentence names no place is of the place
that line names, not the place of the piece before it (furniture.page_spans keeps such a line's places out of
the mentions, so no other rule sees it)."""

from __future__ import annotations

from bisect import bisect_right

from .. import furniture, places

GUESSED = ("place from earlier in the paragraph", "place from the paragraphs before", "place not in the sentence")


def _lines(doc) -> list[tuple[int, int, places.Mention]]:
    """(start, end, the last place named) of each page line after the article's start, once per document."""
    found = []
    for start, end in furniture.page_spans(doc.norm, doc.reference, doc.body_start):
        if start < doc.body_start:
            continue
        named = places.mentions(doc.norm[start:end], doc.reference.places)
        named = [m for m in named if doc.reference.place_levels.get(m.key) in places.SUBJECT_LEVELS]
        if named:
            found.append((start, end, named[-1]))
    return found


def of_the_line_before(figure, doc, earlier):
    if figure.at < 0 or not any(n.startswith(GUESSED) for n in figure.notes):
        return figure
    if places.within(doc.places, (figure.sentence[0], figure.at)):
        return figure
    lines = doc.once("page_lines", _lines)
    if not lines:
        return figure
    i = bisect_right(doc.paragraphs, (figure.at, len(doc.norm))) - 1
    if i <= 0:
        return figure
    before = doc.paragraphs[i - 1]
    chosen = [line for line in lines if before[0] <= line[0] < before[1]]
    if not chosen:
        return figure
    start, _, mention = chosen[-1]
    if mention.key == figure.place_key:
        return figure
    figure.place = doc.written.get(mention.key) or doc.norm[start + mention.start : start + mention.end]
    figure.place_key = mention.key
    figure.notes = [n for n in figure.notes if not n.startswith(GUESSED)]
    figure.notes.append(f"place from the page line before ({figure.place}): a new piece of the page (check)")
    return figure
