"""与此同时,我区特色产业集群基本成形,打造了10个千亿元产业 after a paragraph about 2018 to 2020: a sentence opened
by a word that continues (与此同时, 同时, 此外: cue_kind time_base, code continues) is of the time of the figures
before it, not of the publication date. Its figures with no year of their own take the year of the last figure
before the sentence (inferred: taken from the text, raw/README.md)."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..periods import Period

OPENING = 8  # the characters at a sentence's start the word is looked for in (a quote or space may precede it)


def _opener(reference) -> re.Pattern:
    return re.compile(rf"[\s“\"]*(?:{reference.alternation('time_base', 'continues', 'sentence_start')})\s*[,，]")


def of_the_figures_before(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or figure.status != "actual" or not period.inferred or not earlier:
        return figure
    if not period.basis.startswith("year not stated: publication year"):
        return figure
    start = figure.sentence[0]
    if not doc.reference.pattern("continued_time", _opener).match(doc.norm[start : start + OPENING]):
        return figure
    at = bisect_left(earlier, start, key=lambda f: f.at)  # the drafted figures are in the text's order
    before = earlier[at - 1] if at > 0 else None
    if before is None or before.status != "actual" or before.period.end is None or before.period.end == period.end:
        return figure
    year = before.period.end
    figure.period = Period(year, year, True, f"a sentence that continues the time before it: {year}")
    figure.notes = [n for n in figure.notes if not n.startswith("year not stated")] + [figure.period.basis]
    return figure
