"""A qualifier word before the first of values listed one after another is said of them all: 产量分别约为100万吨、
200万吨和300万吨 are about each (raw/README.md, qualifier: 约 → about), as the words before the first give every
listed value its period and metric (listed_values.py). A value with a qualifier word of its own keeps it
(分别约为100万吨、超200万吨), and the list is only values of one measure with a list's separator between."""

from __future__ import annotations

from .listed_values import listed_before
from .qualifier_gap import word_before

SHARED = "the qualifier word before the list"


def _word_before(figure, doc) -> tuple[str, int, int] | None:
    return word_before(doc.norm, figure.at, figure.clause[0], doc.reference)


def of_the_first_value(figure, doc, earlier):
    if figure.qualifier != "exact":
        return figure
    before = listed_before(figure, doc, earlier)
    if before is None:
        return figure
    if doc.norm[before.unit_end : figure.at].strip() != "、" and not _joined(doc, before, figure):
        return figure
    word = _word_before(before, doc)
    shared = any(n.endswith(SHARED) for n in before.notes)  # the third of a list: the second had it shared
    if word is None and not shared:
        return figure  # the value before had no word of its own before it: nothing to share
    code = word[0] if word is not None else before.qualifier
    if code != before.qualifier:
        return figure
    figure.qualifier = code
    figure.notes.append(f"listed after {before.value}{before.unit}: {code}, {SHARED}")
    return figure


def _joined(doc, before, figure) -> bool:
    """Only a joiner (和, 及, 与, 以及) between: no qualifier word after the one before or before this one."""
    gap = doc.norm[before.unit_end : figure.at].strip()
    return gap in doc.reference.words_of("listed_value", "joiner")
