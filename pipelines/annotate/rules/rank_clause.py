"""A rank whose clause names nothing but the ranking (位居全国第一, 均排全区第一: a rank word, its field, the
ordinal) takes in the clause before it in its sentence, the figure it ranks, so the span says what is
ranked: 新能源汽车渗透率达64.9%,位居全国第一 — as growth_clause does for a bare growth (同比增长14%)."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..evidence import LIMIT, occurs_more_than_once, read_length


def _bare(figure, doc) -> bool:
    reference = doc.reference
    ranks = reference.words_of("rank", position="before_ordinal") + reference.words_of("rank", position="before_top")
    # cue_words.csv's rank rows of code bare_clause: words a bare rank clause may hold besides its rank word,
    # field and ordinal (均排全区第一, 继续位居: all ranked alike, the rank holds still), and fields only it reads
    glue = reference.words_of("rank", "bare_clause", "in_clause")
    fields = reference.words_of("rank", position="field")
    alternation = lambda words: "|".join(map(re.escape, sorted(set(words), key=len, reverse=True)))  # noqa: E731
    pattern = (
        rf"(?:{alternation(glue)})*(?:{alternation(ranks)})"
        rf"(?:{alternation(fields)}|{doc.place_names[1]})?(?:第|前)"
    )
    return bool(re.fullmatch(pattern, doc.norm[figure.clause[0] : figure.at].strip()))


def with_the_clause_before(figure, doc, earlier):
    if figure.at < 0 or doc.reference.metric(figure.metric_code).kind != "rank":
        return figure
    norm, text = doc.norm, doc.text
    start = figure.clause[0]
    if start <= figure.sentence[0] or norm[start - 1] not in ",," or not _bare(figure, doc):
        return figure
    before = start - 1
    while before > figure.sentence[0] and norm[before - 1] not in ",;:。!?\n":
        before -= 1
    while before < start and norm[before].isspace():
        before += 1
    span = figure.evidence
    begin = text.original.rfind(span, 0, figure.number_start + len(span))
    if begin < 0 or begin > figure.number_start or before >= start - 1:
        return figure  # the span is not around the number (a rule rewrote it), or no clause is before
    wider = text.original[text.origin[before] : begin + len(span)].strip()
    # a line break of the copy ends the clause; a soft wrap (layout.py) is none
    breaks = "\n" in norm[before : bisect_left(text.origin, begin + len(span))]
    if read_length(text, wider) > LIMIT or breaks or occurs_more_than_once(text, wider):
        return figure
    figure.evidence = wider
    return figure
