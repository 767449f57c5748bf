"""An amount of what no catalogue metric is (docs/codes.md, Subjects: what the figure is where the metric alone
does not say): 旅游总消费180多亿元, 社会消费品零售总额129.5亿元 → the noun before the amount in the figure's
clause, as written, the metric staying the nearest the catalogue has. A clause of only a place, a period, an
industry (a cluster), a company (the enterprise column) and the metric's own words names nothing of its own:
工业总产值800亿元, 全市财政收入20亿元 (收入 is revenue's word) keep no subject."""

from __future__ import annotations

import re

from ..script import simplified
from . import scope
from .subject import AREAS, PRODUCED, SOLD, _no_noun, after_the_lead

LEVEL = "level"
OWN_RULES = PRODUCED + SOLD + AREAS + ("investment",)  # subject.py and project_investment.py name theirs
GLUE_REACH = 8  # 累计实现, 比上年同期: the longest glue before a number
GUESSED = "no cue word"  # the note of a metric guessed from the unit alone (extract.py)
_NOUN = re.compile(r"[\u4e00-\u9fff]{3,16}")
_PHRASE = "的"  # 高质量的人工智能空调: a phrase that describes, not the name of an amount
_OWN = re.compile(r"[\u4e00-\u9fff]{3,}")  # what is left of the noun past the metric's words: a noun of its own


def named_before_its_amount(figure, doc, earlier):
    if figure.subject or figure.at < 0 or figure.metric_code in OWN_RULES:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind != LEVEL:
        return figure
    if not any(note.startswith(GUESSED) for note in figure.notes):
        return figure  # a cue word named the metric: the clause says what the amount is
    if _only_metric_of_its_unit(reference, figure):
        return figure  # 元/年: only an average wage is measured so; the unit names the amount
    norm = doc.norm
    since = max([figure.clause[0]] + [f.unit_end for f in earlier if f.clause == figure.clause and f.at < figure.at])
    start = after_the_lead(doc, since, figure.at)
    end = _before_the_glue(doc, start, figure.at)
    if not _NOUN.fullmatch(norm, start, end) or _is_a_company(doc, norm[start:end]) or _has_a_goal(doc, start, end):
        return figure
    noun = norm[start:end]
    if _is_a_comparison(doc, noun):
        return figure  # 比上年提高1.2亿元: a change of the amount before it, no noun of its own
    if any(cue in noun for cue in reference.metric(figure.metric_code).cues) or _PHRASE in noun:
        return figure  # 管理人员平均工资: the metric's own word is there after all; 高质量的…: a phrase, not a noun
    if _names_its_own(doc, figure, noun):
        figure.subject = doc.text.span(start, end)
    return figure


def _any_metric_word(reference) -> re.Pattern:
    words = sorted({cue for m in reference.metrics for cue in m.cues}, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def names_a_noun_of_its_own(doc, start: int, end: int) -> bool:
    """Whether norm[start:end], the words before a number, name a thing of their own past the lead words and
    before the glue (今年入围门槛为: 入围门槛), no metric's word (今年实现营业收入: what a company before it did),
    no goal's verb (将力争实现年产), no comparison and no company."""
    norm = doc.norm
    start = after_the_lead(doc, start, end)
    end = _before_the_glue(doc, start, end)
    if not _NOUN.fullmatch(norm, start, end) or _PHRASE in norm[start:end]:
        return False
    noun = norm[start:end]
    if _is_a_company(doc, noun) or _has_a_goal(doc, start, end) or _is_a_comparison(doc, noun):
        return False
    return not doc.reference.pattern("level_noun.any_metric_word", _any_metric_word).search(noun)


def _before_the_glue(doc, start: int, end: int) -> int:
    """Where the noun ends before the words between it and the number (达, 为, 实现, 突破, 约, 累计: no noun)."""
    while end > start and doc.norm[end - 1].isspace():
        end -= 1
    # 入围门槛提高到: a change to the level reached (cue_kind direction, code reached) is a verb, no part of the noun
    reached = next((w for w in doc.reference.words_of("direction", "reached") if doc.norm.endswith(w, start, end)), "")
    end -= len(reached)
    cut = end
    for at in range(max(start + 1, end - GLUE_REACH), end):  # glue is a few characters: no scan of the clause
        if _no_noun(doc, doc.norm[at:end]):
            cut = at
            break
    return cut


def _only_metric_of_its_unit(reference, figure) -> bool:
    measures = reference.units.get(simplified(figure.unit), set())
    return sum(1 for m in reference.metrics if m.kind == LEVEL and m.unit_measure in measures) < 2


def _is_a_comparison(doc, noun: str) -> bool:
    """比上年, 较去年同期, 高于全区: a comparison's word (cue_kind place_frame, code comparison) opens it."""
    return any(noun.startswith(w) for w in doc.reference.words_of("place_frame", "comparison"))


def _has_a_goal(doc, start: int, end: int) -> bool:
    """助力打造, 力争: a goal's verb (cue_kind status), not a noun."""
    return bool(doc.reference.cue("status", "target").search(doc.norm, start, end))


def _is_a_company(doc, noun: str) -> bool:
    ends = doc.reference.words_of("company", "name_end")
    return any(word in noun for word in ends)


def _names_its_own(doc, figure, noun: str) -> bool:
    """Whether the noun is more than the metric's words (any level metric's: 收入 is revenue's), an industry, a
    scope (规模以上工业) and a place."""
    reference = doc.reference
    words = {cue for m in reference.metrics if m.kind == LEVEL for cue in m.cues}
    words |= set(doc.place_names[0]) | set(reference.words_of("period"))
    own = scope._INDUSTRY.sub(" ", scope.written_scope(reference).sub(" ", noun))
    for word in sorted(words, key=len, reverse=True):
        own = own.replace(word, " ")
    return bool(_OWN.search(own))
