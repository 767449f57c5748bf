"""An evidence span starts at what the figure is, not at the place it is of: reviewers cut 全区规模以上工业
增加值同比增长0.4% to 规模以上工业增加值同比增长0.4%, 其中电子信息制造业完成产值450亿元 to 电子信息制造业…,
河池共淘汰落后产能20.9万吨 to 淘汰落后产能20.9万吨. The place is its own column; the span keeps the
figure's words, and stays one the document holds once."""

from __future__ import annotations

import re

from ..evidence import occurs_more_than_once
from ..places import IMPLIED

LOCAL = ("county", "district")  # places below the city: cut at the head of a clause

# Words before the place that only join the clause to the one before it (其中, 使), a year before the
# place, and words after it that only say the place has or totals what follows (共, 现有). 仅有 says the figure
# is small, part of what it is: cut the place, keep it (广西仅有12所高校… → 仅有12所高校…).
_JOIN = r"(?:其中|使)?"
_YEAR = r"(?:\d{4}年)?"
_AFTER = r"(?:共|现有)?"
_AFTER_NAMED = r"(?:共|现有|(?=仅有))"  # a named place is cut only before these (河池共淘汰); 柳州市规上工业… keeps it
# 自治区技术创新示范企业: 自治区 is part of the title, not a place before the figure
OWN_PLACE_WORDS = tuple(w for w in IMPLIED if w != "自治区")
# What keeps the lead: 全区的23.4% (a frame), 其中今年1—5月 (a part of a period: reviewers keep 其中)
_KEEPS = re.compile(r"的|今年|去年|上年|本年|\d")
MIN_LEFT = 4  # characters the span keeps at least


def _local_names(doc) -> str:
    """The document's county and district names (港南区, 上思县), as a regex alternation: a place below
    the city, heading its clause, is the place column's, as 全区 is (港南区规上工业总产值357.65亿元 ->
    规上工业总产值357.65亿元); a city's name keeps its span (柳州市规模以上工业产值达2691.2亿元)."""
    levels = doc.reference.place_levels
    names = sorted({m.name for m in doc.places if levels.get(m.key) in LOCAL}, key=len, reverse=True)
    return "|".join(map(re.escape, names)) or "(?!)"


def without_the_lead(figure, doc, earlier):
    span = figure.evidence
    read = doc.text.reading(span)  # matched on its copy, cut where the copy's words end in the span
    copy = read.norm
    own = "|".join(map(re.escape, OWN_PLACE_WORDS))
    named = doc.place_names[1]
    local = doc.once("evidence_lead.local_names", _local_names)
    lead = re.match(rf"{_JOIN}{_YEAR}(?:(?:{own}|{local}){_AFTER}|(?:{named}){_AFTER_NAMED})|其中", copy)
    if lead is None or len(copy) - lead.end() < MIN_LEFT or _KEEPS.match(copy, lead.end()):
        return figure
    rest = span[read.origin[lead.end()] :].lstrip()
    if not any(ch.isdigit() for ch in rest) or occurs_more_than_once(doc.text, rest):
        return figure
    figure.evidence = rest
    return figure
