"""Rates listed one to one with the levels named before 分别 (cue_kind list, respectively): 地区生产总值、居民人均
可支配收入分别比2015年增长37.8%、43.5% pairs 37.8% with 地区生产总值 and 43.5% with 居民人均可支配收入, in
order, as respectively.py pairs places and subject.each_its_item products. A rate carries what its own item is
(docs/codes.md, Subjects): a catalogue amount (地区生产总值: gdp) is its rate_of_metric_code, and no subject of
its own unless the item names more than the metric's words, a place, a scope and an industry (技改投资,
一般公共预算收入: what grows, as written); an item no catalogue word names (or one a metric_guard word makes
another thing: 可支配收入 is no revenue) is what grows, its subject as written, with no rate_of_metric_code."""

from __future__ import annotations

import re

from . import level_noun
from .subject import after_the_lead

RATE = "rate"
AMOUNTS = ("level",)  # what a growth, a change in points or a multiple is of
_ITEM = re.compile(r"[\u4e00-\u9fff]{2,16}")
_JOINERS = re.compile(r"[、和及与]")
_YEAR = re.compile(r"\s*(?:\d{4}\s*年(?:度)?|[上下]半年|前?[一二三四]季度|\d{1,2}\s*[-—–~至]\s*\d{1,2}\s*月)[,,]?\s*")


def items_before_the_list_word(doc, figure):
    """(分别's match, where the items start, the items) of the figure's clause, past its lead words and a year
    opening the list (2020年地区生产总值、…: no item); None with no 分别 before the number."""
    norm, start = doc.norm, figure.clause[0]
    word = doc.reference.cue("list", "respectively").search(norm, start, figure.at)
    if not word:
        return None
    opening = after_the_lead(doc, start, word.start())
    dated = _YEAR.match(norm, opening, word.start())
    if dated:
        opening = after_the_lead(doc, dated.end(), word.start())
    return word, opening, _JOINERS.split(norm[opening : word.start()])


def each_its_level(figure, doc, earlier):
    reference = doc.reference
    if figure.subject or figure.at < 0 or reference.metric(figure.metric_code).kind != RATE:
        return figure
    listed = items_before_the_list_word(doc, figure)
    if listed is None:
        return figure
    word, opening, items = listed
    index = sum(1 for f in earlier if word.end() <= f.at < figure.at)
    if len(items) < 2 or index >= len(items) or not all(_ITEM.fullmatch(i) for i in items):
        return figure
    at = opening + sum(len(i) + 1 for i in items[:index])
    item = items[index]
    figure.rate_of_metric_code = _catalogue_amount(reference, item)
    if not figure.rate_of_metric_code or level_noun._names_its_own(doc, figure, item):
        figure.subject = doc.text.span(at, at + len(item))  # 技改投资: more than the metric's words
    return figure


def _catalogue_amount(reference, item: str) -> str:
    """The catalogue amount whose cue word the item holds (地区生产总值: gdp), the longest cue first; '' when none
    does or a metric_guard word stands right before the cue (可支配收入: no revenue)."""
    found = ""
    longest = 0
    for metric in reference.metrics:
        if metric.kind not in AMOUNTS:
            continue
        for cue in metric.cues:
            at = item.find(cue)
            if at < 0 or len(cue) <= longest:
                continue
            guards = [g.word for g in reference.words("metric_guard", "before_cue") if g.code == metric.code]
            if any(item.endswith(g, 0, at) for g in guards):
                continue
            found, longest = metric.code, len(cue)
    return found
