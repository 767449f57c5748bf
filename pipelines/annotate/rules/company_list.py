"""Companies listed one to a ; segment, each opening its own (上汽通用五菱完成产量131.8万辆,同比增长14.5%;东风柳汽
完成产量20万辆…;五菱内燃机产量28万台): where two segments or more of a sentence open with a name then a metric's
cue word (完成产量, 产值), and the name is no place, industry, subject or lead word, each name is a company and
the figures of its segment are its own. One segment alone is no list: a name before a cue may be a product's
(钢材产量) or a part's, and is left to the subject rules. The cue words are metrics.csv's; the verbs between name
and cue are cue_kind subject, code noun_end (完成, 实现)."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import places
from .subject import _lead

MIN_NAME, MAX_NAME = 2, 8
MIN_LISTED = 2
LEVEL = "level"  # segments opening with a company's name: a list


@lru_cache(maxsize=8)
def _opening(cues: str, verbs: str, before_number: str) -> re.Pattern:
    return re.compile(
        rf"([\u4e00-\u9fff]{{{MIN_NAME},{MAX_NAME}}}?)(?:{verbs})?(?:{cues})\s*(?:{verbs}|{before_number})*\s*\d"
    )


def _pattern(reference) -> re.Pattern:
    """A name, a level's cue word (产量, 产值: what a company makes or earns, not a growth, share or count) and
    its number right after it, a verb or a qualifier between (产量达, 产值超)."""
    cues = sorted({c for m in reference.metrics if m.kind == LEVEL for c in m.cues if c}, key=len, reverse=True)
    return _opening(
        "|".join(map(re.escape, cues)) or "(?!)",
        reference.alternation("subject", "noun_end"),
        reference.alternation("qualifier"),
    )


def _segments(doc, sentence) -> list[tuple[int, int]]:
    """The sentence's ; segments: suggest's sentences end at a ;, so the ones a ; joins to the figure's."""
    norm, sentences = doc.norm, doc.sentences
    at = sentences.index(sentence) if sentence in sentences else -1
    if at < 0:
        return [sentence]
    first = last = at
    while first > 0 and norm[sentences[first][0] - 1 : sentences[first][0]] in ";":
        first -= 1
    while last + 1 < len(sentences) and norm[sentences[last][1] : sentences[last][1] + 1] in ";":
        last += 1
    return sentences[first : last + 1]


def _name(doc, segment) -> tuple[int, int] | None:
    """The name that opens the segment's first clause with a name, a cue word and a number after them (past
    据统计, 1月至9月 and lead words)."""
    norm, reference = doc.norm, doc.reference
    for clause in (c for c in doc.clauses if segment[0] <= c[0] < segment[1]):
        start = clause[0]
        lead = _lead(reference).match(norm, start, clause[1])
        start = lead.end() if lead else start
        found = _pattern(reference).match(norm, start, clause[1])
        if found:
            return _checked(doc, *found.span(1))
    return None


def _checked(doc, start: int, end: int) -> tuple[int, int] | None:
    """The name, unless it is a place's, an industry's, a subject's or lead words."""
    reference, name = doc.reference, doc.norm[start:end]
    stop = reference.words_of("subject") + reference.words_of("period")
    if any(w in name for w in stop) or name in reference.clusters:
        return None
    if places.within(doc.places, (start - 1, end)) or places.within(doc.clusters, (start, start + 1)):
        return None  # 柳州市汽车产量, 汽车产量: a place's or an industry's figure (五菱内燃机 ends with one: a name)
    return start, end


def each_its_own(figure, doc, earlier):
    if figure.enterprise or figure.at < 0:
        return figure
    segments = _segments(doc, figure.sentence)
    names = {segment: _name(doc, segment) for segment in segments}
    if sum(1 for n in names.values() if n) < MIN_LISTED:
        return figure
    name = names.get(figure.sentence)
    if name and name[1] <= figure.at:
        figure.enterprise = doc.text.span(*name)
        figure.notes.append(f"enterprise {figure.enterprise}: one of the companies the sentence lists, one a ; segment")
    return figure
