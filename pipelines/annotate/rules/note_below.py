"""A note of no number on its own line under a list or table may say that the amounts above it are approximate:
平果260万吨\\n靖西200万吨\\n(以上均为约数), …\\n注:以上为估算。 make each amount of the lines above it about, as a note
right after a list on its line does (trailing_qualifier.py; raw/README.md, qualifier: 约 → about). The note's
line holds a word of approximation (cue_words.csv qualifier after_list: 约数, 概数, 估算) and no word pointing ahead
(qualifier before_list: 以下, that is note_ahead.py's); the list is the run of short lines holding numbers right
above it (blank lines and a table's short label cells between them aside), up to a line of prose or of no
number. An amount with a qualifier word
of its own keeps it."""

from __future__ import annotations

import re

from .note_ahead import ITEM_LINE, qualified_by_a_note

LABEL_CELL = 8  # characters of a table's label cell on its own line (靖西 |, 电解铝产能 |)
_DIGIT = re.compile(r"\d")
_SENTENCE_END = re.compile(r"[。!?;]")


def _notes(doc) -> tuple[list[int], list[tuple[int, str, str]]]:
    """(where each list a note is under starts, (where its note starts, the word, its code)), in one pass."""
    reference, norm = doc.reference, doc.norm
    ahead = re.compile(reference.alternation("qualifier", None, "before_list"))
    word = re.compile(reference.alternation("qualifier", None, "after_list"))
    codes = {c.word: c.code for c in reference.words("qualifier", "after_list")}
    starts, notes, run = [], [], None
    for lo, hi in doc.lines:
        line = norm[lo:hi].strip()
        if not line:
            continue  # a blank line between a list's lines
        if _DIGIT.search(line):
            run = (lo if run is None else run) if len(line) <= ITEM_LINE else None
            continue
        said = word.search(line) if run is not None and len(line) <= ITEM_LINE else None
        if said is not None and not ahead.search(line):
            starts.append(run)
            notes.append((lo, said.group(), codes[said.group()]))
        elif run is not None and len(line) <= LABEL_CELL and not _SENTENCE_END.search(line):
            continue  # 靖西 |: a row's label between the cells of a table laid out one cell a line
        run = None
    return starts, notes


def said_under_the_list(figure, doc, earlier):
    return qualified_by_a_note(figure, doc, "note_below", _notes, "under")
