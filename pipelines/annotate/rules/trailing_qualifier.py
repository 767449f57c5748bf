"""A note right after a list of amounts may say they are approximate: 平果260万吨,靖西200万吨(以上均为约数),
…,都是大概数。 make each listed amount about (cue_words.csv qualifier after_list; raw/README.md, qualifier: 约 →
about). From an amount the list runs on through its next items (a separator, an item's name, an amount in the
same unit); the note is the rest of that sentence, or a bracket or the next sentence right after it, with no
number of its own (a number there makes the note that number's)."""

from __future__ import annotations

import re

from ..script import simplified
from .qualifier_over_items import ITEM

MAX_ITEMS = 12  # a longer run is a table, read as one (tables.py)
NOTE = 24  # characters of the note after the list
_END = re.compile(r"[。!?\n]")


def said_after_the_list(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact" or figure.unit_end < 0:
        return figure
    norm, reference = doc.norm, doc.reference
    item = re.compile(
        rf"\s*[、,;]\s*[^\d\s,;:。!?、()%]{{0,{ITEM}}}:?\s*\d+(?:\.\d+)?\s*{re.escape(simplified(figure.unit))}"
        rf"(?:{reference.alternation('qualifier', None, 'after_unit')})?"
    )
    at = figure.unit_end
    for _ in range(MAX_ITEMS):
        found = item.match(norm, at)
        if found is None:
            break
        at = found.end()
    note = _note(norm, at)
    words = doc.once(("trailing_qualifier", "words"), lambda d: _words(d.reference))
    said = words.search(note) if note and not re.search(r"\d", note) else None
    if said is None:
        return figure
    code = next(c.code for c in reference.words("qualifier", "after_list") if c.word == said.group())
    figure.qualifier = code
    figure.notes.append(f"{said.group()} said after the list: {code}")
    return figure


def _note(norm: str, at: int) -> str:
    """The rest of the list's sentence (a bracket, a clause: (以上均为约数), 都是大概数), or, where the list ends
    its sentence, the next sentence; '' when longer than a note."""
    end = _END.search(norm, at, at + NOTE + 1)  # bounded: a note is short, and no scan runs past it
    if end is None:
        return norm[at : at + NOTE] if at + NOTE >= len(norm) else ""
    rest = norm[at : end.end()].strip(" 。")
    if not rest and end.group() == "。":
        after = _END.search(norm, end.end(), end.end() + NOTE + 1)
        if after is None:
            return ""
        rest = norm[end.end() : after.end()]
    return rest


def _words(reference) -> re.Pattern:
    return re.compile(reference.alternation("qualifier", None, "after_list"))
