"""A sentence with no subject of its own (“十四五”期间,将力争实现年产3万台无人机表演机: no place, industry or company
named before its number) goes on about the company of the sentence before it: the figures of the sentence
right before, in the same paragraph, are that company's (Chinese drops a subject the sentence before gave)."""

from __future__ import annotations

import re

from .. import places
from .level_noun import names_a_noun_of_its_own


def _set_of_enterprises(reference) -> re.Pattern:
    """A noun of two characters or more before an enterprise count's word (百强企业, 规上企业, 入围企业), not a
    word pointing back at the company (该企业: cue_kind company, code anaphor)."""
    cues = "|".join(map(re.escape, sorted(reference.metric("enterprise_count").cues, key=len, reverse=True)))
    anaphors = reference.alternation("company", "anaphor")
    return re.compile(rf"(?<![{_POINTING}])(?!{anaphors})[\u4e00-\u9fff]{{2}}(?:{cues or '(?!)'})")


_POINTING = "该其这此本"  # 该企业, 其企业: the company before, not a set


def _names_its_own(doc, start: int, end: int) -> bool:
    said = doc.norm[start:end]
    if any(word in said for word in places.IMPLIED):
        return True  # 全市将力争…: the text's own place
    if doc.reference.pattern("company_continued.set", _set_of_enterprises).search(said):
        return True  # 百强企业实现利润总额526亿元: a set of enterprises does it, not the company before
    if any(places.within(found, (start, end)) for found in (doc.places, doc.clusters, doc.enterprises)):
        return True
    return names_a_noun_of_its_own(doc, start, end)  # 今年入围门槛为25.6亿元: the list's threshold, no company's


def of_the_sentence_before(figure, doc, earlier):
    if figure.enterprise or figure.at < 0 or not earlier:
        return figure
    before = earlier[-1]
    if not before.enterprise or before.sentence == figure.sentence:
        return figure
    between = doc.norm[before.sentence[1] : figure.sentence[0]]
    if between.strip(" 。;!?") or any(p[0] <= before.at < p[1] <= figure.at for p in doc.paragraphs):
        return figure  # a sentence between, or a new paragraph: no longer the same company's
    if _names_its_own(doc, figure.sentence[0], figure.at):
        return figure
    figure.enterprise = before.enterprise
    figure.notes.append(f"enterprise {figure.enterprise}: a sentence with no subject, about the company before it")
    return figure
