"""Companies listed one to a ; segment, each opening its own (上汽通用五菱完成产量131.8万辆,同比增长14.5%;东风柳汽
完成产量20万辆…;五菱内燃机产量28万台): where two segments or more of a sentence open with a name then a metric's
cue word (完成产量, 产值), and the name is no place, industry, subject or lead word, each name is a company and
the figures of its segment are its own. One segment alone is no list: a name before a cue may be a product's
(钢材产量) or a part's, and is left to the subject rules. The cue words are metrics.csv's; the verbs between name
and cue are cue_kind subject, code noun_end (完成, 实现)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .. import places
from .mentions import spans_starting_in
from .subject import _lead

MIN_NAME, MAX_NAME = 2, 8
MIN_LISTED = 2
_DIGIT = re.compile(r"\d")
LEVEL = "level"  # segments opening with a company's name: a list
PRODUCT = (-1, -1, False)  # a segment opening with a product's or an industry's name, no company's


@lru_cache(maxsize=8)
def _opening(cues: str, verbs: str, before_number: str) -> re.Pattern:
    return re.compile(
        rf"([\u4e00-\u9fff]{{{MIN_NAME},{MAX_NAME}}}?)((?:{verbs})?)(?:{cues})\s*(?:{verbs}|{before_number})*\s*\d"
    )


def _level_cues(metrics: tuple) -> str:
    cues = sorted({c for m in metrics if m.kind == LEVEL for c in m.cues if c}, key=len, reverse=True)
    return "|".join(map(re.escape, cues)) or "(?!)"


def _pattern(reference) -> re.Pattern:
    """A name, a level's cue word (产量, 产值: what a company makes or earns, not a growth, share or count) and
    its number right after it, a verb or a qualifier between (产量达, 产值超)."""
    return _opening(
        _level_cues(reference.metrics),
        reference.alternation("subject", "noun_end"),
        # 产量达, 产值超 (not 上, 数 of before_magnitude, glue only before 百, 千)
        reference.alternation("qualifier", None, "before_number")
        + "|"
        + reference.alternation("qualifier", None, "after_unit"),
    )


def _segments(doc, sentence) -> list[tuple[int, int]]:
    """The sentence's ; segments: suggest's sentences end at a ;, so the ones a ; joins to the figure's."""
    norm, sentences = doc.norm, doc.sentences
    found = spans_starting_in(sentences, sentence[0], sentence[0] + 1)
    if not found or found[0] != sentence:
        return [sentence]
    at = bisect_left(sentences, sentence[0], key=lambda span: span[0])
    first = last = at
    while first > 0 and norm[sentences[first][0] - 1 : sentences[first][0]] in ";":
        first -= 1
    while last + 1 < len(sentences) and norm[sentences[last][1] : sentences[last][1] + 1] in ";":
        last += 1
    return sentences[first : last + 1]


def _name(doc, segment) -> tuple[int, int, bool] | None:
    """The name that opens the segment's first clause with a name, a cue word and a number after them (past
    据统计, 1月至9月 and lead words)."""
    norm, reference = doc.norm, doc.reference
    for clause in spans_starting_in(doc.clauses, *segment):
        if not _DIGIT.search(norm, clause[0], clause[1]):
            continue  # 据统计: no number, no figure's clause (and the long pattern is not tried)
        start = clause[0]
        lead = reference.pattern("subject.lead", _lead).match(norm, start, clause[1])
        start = lead.end() if lead else start
        found = reference.pattern("company_list.opening", _pattern).match(norm, start, clause[1])
        if found:
            checked = _checked(doc, *found.span(1))
            if checked:
                return (*checked, bool(found.group(2)))  # (start, end, whether a verb says it did it: 完成产量)
            return PRODUCT if _a_product(doc, *found.span(1)) else None
    return None


def _a_product(doc, start: int, end: int) -> bool:
    """氧化铝产量865.3万吨: the name before the cue is an industry's or a product's (clusters.csv)."""
    return doc.norm[start:end] in doc.reference.clusters or places.within(doc.clusters, (start, start + 1))


def _name_of(doc, segment) -> tuple[int, int, bool] | None:
    """_name, worked out once a segment: every figure of a segment asks for it (a sentence of 10,000 clauses
    asked 10,000 times)."""
    return doc.once(("company_list.name", segment), lambda d: _name(d, segment))


def _checked(doc, start: int, end: int) -> tuple[int, int] | None:
    """The name, unless it is a place's, an industry's, a subject's or lead words, the head of a metric's own
    word, or whose a metric is when no company's."""
    reference, name = doc.reference, doc.norm[start:end]
    stop = reference.words_of("subject") + reference.words_of("period")
    if any(w in name for w in stop) or name in reference.clusters or _of_a_cue(doc, start, end):
        return None
    if places.within(doc.places, (start - 1, end)) or places.within(doc.clusters, (start, start + 1)):
        return None  # 柳州市汽车产量, 汽车产量: a place's or an industry's figure (五菱内燃机 ends with one: a name)
    return start, end


def _of_a_cue(doc, start: int, end: int) -> bool:
    """地区生产总值: the name's words start a metric's cue word that runs past it (地区 + 生产总值 is one word);
    财政收入, 居民收入: a word that says the metric is a government's or a household's (cue_kind metric_guard,
    before_cue) is in it."""
    norm, reference = doc.norm, doc.reference
    if any(w in norm[start:end] for w in reference.words_of("metric_guard", position="before_cue")):
        return True
    cues = reference.pattern("company_list.cues", _all_cues)
    return any((found := cues.match(norm, at)) and found.end() > end for at in range(start, end))


def _all_cues(reference) -> re.Pattern:
    words = sorted({c for m in reference.metrics for c in m.cues if c}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def each_its_own(figure, doc, earlier):
    if figure.enterprise or figure.at < 0:
        return figure
    name = _name_of(doc, figure.sentence)
    if not name or name[1] > figure.at:
        return figure  # its own segment opens with no name (looked at first: the others only then)
    if name == PRODUCT:
        return figure
    names = [_name_of(doc, s) for s in _segments(doc, figure.sentence) if s != figure.sentence]
    if PRODUCT in names:
        return figure  # 氧化铝产量…;电解铝产量…;铝材产量…: one segment opens with a product, so all do (a list
        # holds items of one kind): 电解铝 is a product, no company
    if not any(n[2] for n in [name, *names] if n):
        return (
            figure  # 电解铝产量…;铝材产量…: no segment says a name did it (完成产量, 实现产值): products, no companies
        )
    if 1 + sum(1 for n in names if n) >= MIN_LISTED:
        figure.enterprise = doc.text.name(*name[:2])
        figure.notes.append(f"enterprise {figure.enterprise}: one of the companies the sentence lists, one a ; segment")
    return figure
