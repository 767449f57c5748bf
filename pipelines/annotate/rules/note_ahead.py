"""A note of no number before a list or table may say that the amounts after it are approximate: 注:以下数据均为
约数。, 下列产能为估算:, 下表数据为概数 make each amount after it about, as a note right after a list does
(trailing_qualifier.py; raw/README.md, qualifier: 约 → about). The note holds a word pointing ahead (cue_words.csv
qualifier before_list: 以下, 下列, 如下), or is a bracket ending a caption's line of no number (两地产能(约数)), and a
word of approximation (qualifier after_list: 约数, 概数, 估算). It
covers the rest of its line and the short lines after it up to the first that holds no number or runs on as
prose (the list or table ends there). An amount with a qualifier word of its own keeps it."""

from __future__ import annotations

import re
from bisect import bisect_right

ITEM_LINE = 40  # characters of a list's item or a table's row on its own line; a longer line is prose
_DIGIT = re.compile(r"\d")
_ENDS_LINE = re.compile(r"[ :]*(?:\n|$)")
_LINE = re.compile(r"[^\n]*\n?")
_BRACKET = re.compile(r"\([^()\d\n]{2,24}\)")  # (以下数据均为估算)平果260万吨: a note in brackets opening a sentence


def _notes(doc) -> tuple[list[int], list[tuple[int, str, str]]]:
    """(where each note ends, (where its scope ends, the approximation word, its code)), in order."""
    reference, norm = doc.reference, doc.norm
    ahead = re.compile(reference.alternation("qualifier", None, "before_list"))
    approximate = {c.word: c.code for c in reference.words("qualifier", "after_list")}
    word = re.compile(reference.alternation("qualifier", None, "after_list"))
    found = []
    bracketed = [(m.start(), m.end()) for m in _BRACKET.finditer(norm)]
    captions = {hi for lo, hi in bracketed if _captions(norm, lo, hi)}
    for lo, hi in sorted(doc.sentences + bracketed):
        sentence = norm[lo:hi]
        if _DIGIT.search(sentence) or not (ahead.search(sentence) or hi in captions):
            continue
        said = word.search(sentence)
        if said is None:
            continue
        found.append((hi, (_scope_end(norm, hi), said.group(), approximate[said.group()])))
    found.sort(key=lambda note: note[0])  # a bracket inside a note sentence ends before it
    return [at for at, _ in found], [scope for _, scope in found]


def _captions(norm: str, lo: int, hi: int) -> bool:
    """A bracket that ends a line of no number, as a caption's or a lead's (两地产能(约数)\n平果260万吨): the note is
    of the list under it, though no word points ahead."""
    ends = _ENDS_LINE.match(norm, hi)  # first, so that only a line's last bracket looks back along it
    if ends is None:
        return False
    return not _DIGIT.search(norm, norm.rfind("\n", 0, lo) + 1, ends.end())


def _scope_end(norm: str, at: int) -> int:
    """The end of the note's line, then of each line after it that holds a number."""
    line = _LINE.match(norm, at)
    end = line.end()
    while end < len(norm):
        line = _LINE.match(norm, end)
        if not _DIGIT.search(line.group()) or len(line.group().strip()) > ITEM_LINE:
            break  # no number, or prose: the list or table is over
        end = line.end()
    return end


def qualified_by_a_note(figure, doc, key: str, notes, where: str):
    """An exact amount inside a note's scope takes the qualifier the note says. notes(doc) gives the scopes'
    starts and, for each, (end, word, code), kept once a document under key."""
    if figure.at < 0 or figure.qualifier != "exact":
        return figure
    starts, scopes = doc.once((key, "notes"), notes)
    i = bisect_right(starts, figure.at) - 1
    if i < 0 or figure.at >= scopes[i][0]:
        return figure
    _, word, code = scopes[i]
    figure.qualifier = code
    figure.notes.append(f"{word} said in a note {where} the list: {code}")
    return figure


def said_before_the_list(figure, doc, earlier):
    return qualified_by_a_note(figure, doc, "note_ahead", _notes, "before")
