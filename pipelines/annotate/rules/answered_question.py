"""A question that asks for an approximate amount (平果的氧化铝产能大概是多少呢? 大约有多少?) is answered by the first
amount after it: 260万吨。 is about, as 大约260万吨 is (raw/README.md, qualifier: 约 → about). The question is the
sentence right before the amount's (it ends with a question mark), holds no number and an about word of two
characters or more (cue_words.csv qualifier about before_number, as lead_qualifier.py reads them: 大概, 大约, 估计);
an amount after another amount of the answer is its own."""

from __future__ import annotations

import re
from bisect import bisect_right

from .lead_qualifier import _about_words

_DIGIT = re.compile(r"\d")


def _asks_roughly(doc, index: int) -> str | None:
    """The about word of sentence `index` if it is a question of no number that holds one, worked out once per
    sentence (every figure of the answer asks)."""
    lo, hi = doc.sentences[index]
    norm = doc.norm
    if norm[hi : hi + 1] != "?" or _DIGIT.search(norm, lo, hi):
        return None
    said = doc.once(("lead_qualifier", "about"), lambda d: _about_words(d.reference)).search(norm, lo, hi)
    return None if said is None else said.group()


def of_the_question(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact":
        return figure
    index = bisect_right(doc.sentences, figure.sentence[0] - 1, key=lambda s: s[0]) - 1
    if index < 0:
        return figure
    word = doc.once(("answered_question", index), lambda d: _asks_roughly(d, index))
    if word is None or _DIGIT.search(doc.norm, doc.sentences[index][1], figure.at):
        return figure  # no question asking roughly right before, or another number answers it first
    figure.qualifier = "about"
    figure.notes.append(f"the answer to a question asking {word}…?: about")
    return figure
