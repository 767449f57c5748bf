"""A ranking list's companies (上汽通用五菱汽车股份有限公司、广西投资集团有限公司分列第二、第三位): each rank is of the
company listed at its place before the list's 分列 / 分别 (cue_kind list, code respectively), not of the nearest
company named."""

from __future__ import annotations

import re
from functools import lru_cache

RANK = "rank"
_ITEM_BREAK = "、"


@lru_cache(maxsize=8)
def _splitter(joiners: str) -> re.Pattern:
    return re.compile(rf"{_ITEM_BREAK}|{joiners}" if joiners else _ITEM_BREAK)


def _company(doc, start: int, end: int) -> bool:
    """A listed item is a company's name when it ends as one does (集团, 公司, 有限: cue_kind company, name_end)
    or is a company the reference knows."""
    item = doc.norm[start:end]
    ends = doc.reference.words_of("company", "name_end")
    if any(item.endswith(word) for word in ends):
        return True
    return any(m.start == start and m.end == end for m in doc.enterprises)


def _listed(doc, figure):
    """The items listed in the figure's clause before its respectively word, and the word's end."""
    clause_start = figure.clause[0]
    word = None
    for match in doc.reference.cue("list", "respectively").finditer(doc.norm, clause_start, figure.at):
        word = match
    if word is None:
        return None
    splitter = _splitter(doc.reference.alternation("list", "joiner", "between_items"))
    items, at = [], clause_start
    for found in splitter.finditer(doc.norm, clause_start, word.start()):
        items.append((at, found.start()))
        at = found.end()
    items.append((at, word.start()))
    return [(s, e) for s, e in items if e > s], word.end()


def each_its_rank(figure, doc, earlier):
    if figure.metric_code != RANK or figure.at < 0:
        return figure
    listed = _listed(doc, figure)
    if listed is None:
        return figure
    items, word_end = listed
    index = sum(1 for f in earlier if word_end <= f.at < figure.at and f.metric_code == RANK)
    if len(items) < 2 or index >= len(items) or not all(_company(doc, *item) for item in items):
        return figure
    figure.enterprise = doc.text.name(*items[index])
    figure.notes.append(f"分列: company {index + 1} of the list paired with rank {index + 1}")
    return figure


_NAME_AFTER = re.compile(r"\s*[:：]\s*([^,，;；。:：\n]{2,40})")


def named_after_its_rank(figure, doc, earlier):
    """第二名:广西梧州中恒集团股份有限公司,营业收入28.5亿元: a list's line opens with the rank, then a colon and the
    company it is of (a name ending as a company's does: cue_kind company, name_end)."""
    if figure.metric_code != RANK or figure.enterprise or figure.at < 0 or figure.unit_end < 0:
        return figure
    found = _NAME_AFTER.match(doc.norm, figure.unit_end)
    if found is None or not _company(doc, *found.span(1)):
        return figure
    figure.enterprise = doc.text.name(*found.span(1))
    figure.notes.append(f"the company named after the rank's colon: {figure.enterprise}")
    return figure
