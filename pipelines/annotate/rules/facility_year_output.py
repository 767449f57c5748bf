"""A facility named before its yearly amount is said to make it each year, a capacity: 该厂年产电解锰6万吨,
铜箔项目年产5万吨, 新生产线可年产20万吨, as 年产5万吨铜箔生产线 is (annual_capacity.py reads the facility after
the unit). The facility word (cue_words.csv capacity facility after_size: 项目, 生产线, 厂, 基地) stands in the
number's clause before the annual word (capacity annual: 年产), with no other number between. Which metric is the
capacity of the unit's measure is read from the catalogue (annual_capacity.to_capacity)."""

from __future__ import annotations

import re

from . import annual_capacity

BEFORE = 16  # how far before the number the annual word may end (项目年产高性能电子级铜箔5万吨)
_MAY_STAND = "[^\\d,;:。!?]{0,8}"  # 该厂全面投产后可: words between the facility and its annual word


def before_the_annual_word(figure, doc, earlier):
    if not annual_capacity.located_level(figure, doc):
        return figure
    reference, norm = doc.reference, doc.norm
    facility = reference.alternation("capacity", "facility", "after_size")
    annual = reference.alternation("capacity", "annual", "before_number")
    lo = max(figure.clause[0], figure.at - BEFORE - 8)
    said = re.search(f"(?:{facility}){_MAY_STAND}(?:{annual})[^\\d,;:。!?]{{0,{BEFORE}}}$", norm[lo : figure.at])
    if said is None:
        return figure
    words = reference.words_of("capacity", "annual", "before_number")
    return annual_capacity.to_capacity(figure, doc, words, "a facility's yearly amount")
