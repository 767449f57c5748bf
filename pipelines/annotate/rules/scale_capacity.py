"""The scale (规模) a plant, a project or a place's industry has, said before its weight, is what it can make:
项目总规模约30万吨, 一期规模10万吨, 铝加工规模约300万吨 are capacities, as 年产1500万吨的规模 is (cue_words.csv
capacity facility after_unit: 规模, 能力, there after the unit). Here the word stands before the number with
only glue (subject no_noun: 为, 达, 在) and a qualifier (约, 近) between; 规模以上 (above designated size) never
ends right before a number. After the unit the scale may follow with a qualifier, 的 and what is done between
(形成约30万吨的生产规模, 30万吨左右规模), as cue_after.py reads a metric's cue after it; it runs after
head_noun.py, whose 生产 right after the unit would undo it. Which metric is the capacity of the unit's measure
is read from the catalogue (annual_capacity.to_capacity): a measure with none (亿元: 产业规模 is an output)
keeps its metric."""

from __future__ import annotations

import re

from . import annual_capacity
from .qualifier_gap import strip_words


def _glue(reference) -> tuple[str, ...]:
    words = reference.words_of("subject", "no_noun") + reference.words_of("qualifier", None, "before_number")
    return tuple(sorted(set(words), key=len, reverse=True))


def before_the_number(figure, doc, earlier):
    if not annual_capacity.located_level(figure, doc):
        return figure
    reference, norm = doc.reference, doc.norm
    at = figure.at
    while at > figure.clause[0] and norm[at - 1] == " ":
        at -= 1
    at = strip_words(norm, at, figure.clause[0], _glue(reference))
    scale = next(
        (w for w in reference.words_of("capacity", "facility", "after_unit") if norm.endswith(w, figure.clause[0], at)),
        None,
    )
    if scale is None:
        scale = _after_the_unit(figure, doc)
    if scale is None:
        return figure
    annual = reference.words_of("capacity", "annual", "before_number")
    return annual_capacity.to_capacity(figure, doc, annual, f"the scale ({scale}) it is said of")


def _after_the_unit(figure, doc) -> str | None:
    reference = doc.reference
    qualifier = reference.alternation("qualifier", None, "after_unit")
    scale = reference.alternation("capacity", "facility", "after_unit")
    found = re.match(
        f"\\s*(?:{qualifier})?的?[\u4e00-\u9fff]{{0,3}}?({scale})", doc.norm[figure.unit_end : figure.clause[1]]
    )
    return found.group(1) if found else None
