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


def of_the_question(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact":
        return figure
    norm = doc.norm
    index = bisect_right(doc.sentences, figure.sentence[0] - 1, key=lambda s: s[0]) - 1
    if index < 0:
        return figure
    lo, hi = doc.sentences[index]
    question = norm[lo:hi]
    if norm[hi : hi + 1] != "?" or _DIGIT.search(question) or _DIGIT.search(norm, hi, figure.at):
        return figure  # no question right before, or another number answers it first
    said = doc.once(("lead_qualifier", "about"), lambda d: _about_words(d.reference)).search(question)
    if said is None:
        return figure
    figure.qualifier = "about"
    figure.notes.append(f"the answer to a question asking {said.group()}…?: about")
    return figure
