"""A count whose own words name only a level, a batch or a year (国家级12家, 第一批28家, 2021年320家) counts what
the lead of its list names: the noun before a colon or 中 opening the sentence (全市专精特新企业中,国家级12家、
自治区级56家; 全市拥有高新技术企业:2021年320家,…), or, with no such lead, what the count before it in its sentence
counts (全市共有工业园区9个,其中国家级2个 → 国家级工业园区). A level is part of the noun (自治区级龙头企业, as
reviewers write it), so it stays in front; a batch or a year is not (docs/codes.md, Subjects)."""

from __future__ import annotations

import re

from ..script import simplified
from .subject import _no_noun, after_the_lead

LEVEL = re.compile(r"[\u4e00-\u9fff]{1,4}级")  # 国家级, 自治区级, 省级: a level of what the lead names
BATCH = re.compile(r"第[一二三四五六七八九十0-9]{1,3}批")  # 第一批: one batch of them
_LEAD_END = re.compile(r"[:：]|中\s*[,，]")  # 全市拥有高新技术企业: / 全市专精特新企业中,
_NOUN = re.compile(r"[\u4e00-\u9fff]{2,16}")
_COUNT_WORDS = ("数量", "总数", "数")
MARK = "what the lead of its list counts"  # 规上工业企业数量: the count's own word, no part of the noun


def named_in_the_lead(figure, doc, earlier):
    reference = doc.reference
    if figure.at < 0 or reference.metric(figure.metric_code).kind != "count":
        return figure
    own = simplified(figure.subject)
    level = bool(LEVEL.fullmatch(own))
    if own and not level and not BATCH.fullmatch(own):
        return figure
    norm, start = doc.norm, figure.clause[0]
    for before in reversed(earlier):  # 、自治区级56家: its words start after the value before it in its clause
        if 0 <= before.at < figure.at and before.clause == figure.clause:
            start = max(start, before.unit_end)
            break
        if 0 <= before.at < figure.clause[0]:
            break
    words = norm[start : figure.at]
    if own:
        words = words.replace(own, " ", 1)
    if not _no_noun(doc, re.sub(r"[、,，\s]", " ", words)):
        return figure  # 高新技术企业320家: a noun of its own
    noun = _lead_noun(doc, figure) or _noun_of_the_count_before(figure, doc, earlier)
    if not noun:
        return figure
    figure.subject = (figure.subject if level else "") + noun
    figure.notes.append(f"subject {figure.subject}: {MARK}")
    return figure


def _lead_noun(doc, figure) -> str:
    """The noun of the sentence's opening before a colon or 中 (no number in it), as written."""
    norm, lo = doc.norm, figure.sentence[0]
    end = _LEAD_END.search(norm, lo, figure.at)
    if end is None or re.search(r"\d", norm[lo : end.start()]):
        return ""
    begin = after_the_lead(doc, lo, end.start())
    while begin < end.start() and norm[begin].isspace():
        begin += 1
    stop = end.start()
    stop -= next((len(w) for w in _COUNT_WORDS if norm.endswith(w, begin, stop)), 0)
    if not _NOUN.fullmatch(norm, begin, stop) or norm.startswith("在", begin):
        return ""  # 在新认定的…中: a frame, not the list's lead
    return doc.text.span(begin, stop)


def _noun_of_the_count_before(figure, doc, earlier) -> str:
    for before in reversed(earlier):
        if before.at < figure.sentence[0]:
            break
        if 0 <= before.at < figure.at and before.metric_code == figure.metric_code and before.subject:
            written = simplified(before.subject)
            if LEVEL.fullmatch(written) or BATCH.fullmatch(written):
                return ""
            # 、自治区级7个 after 国家级工业园区 (this rule's): the noun without the level before it
            level = LEVEL.match(written) if MARK in " ".join(before.notes) else None
            return before.subject[level.end() :] if level else before.subject
    return ""
