"""A weight built, being built, held or able to be made is a capacity, though no 产能 or 年产 says so: 靖西已建成
氧化铝200万吨, 在建电解铝30万吨, 百色现有电解铝200万吨, 一期10万吨已经投产, 该企业可年产氧化铝200万吨,
一年能产1000万吨 (raw/README.md: capacities are figures; cue_words.csv capacity build: 建成, 投产, 在建, 一期;
period stock: 现有, 拥有). Only an amount whose metric was guessed from its unit (no cue word of its own, not
产量) changes, to the capacity of its unit's measure (annual_capacity.to_capacity: 万辆 has none and keeps its
metric). Before the number the word stands in its clause with only an aspect word (已, 了, 正在), a product's
name and glue between; after the unit, a building word closes the clause (一期10万吨已经投产); an ability (可,
能) opens the verb of making (可年产, 能产, 可生产). A product in 矿 (铝土矿) is what a mine holds: no capacity."""

from __future__ import annotations

import re

from . import annual_capacity
from .same_count import GUESSED

_ASPECT = "[已了将正在经]{0,3}"  # 已建成, 正在建设, 建成了
_PRODUCT = "[^\\d\\s,;:。!?、()%]{0,6}?"  # 氧化铝, 电解铝: what is made, no number or clause between
_MAKE = "(?:一年|每年|年)?[可能](?:够)?(?:年产|生产|产)"  # 可年产, 一年能产, 每年可生产: able to make
_AFTER = re.compile(r"[^\d\s,;:。!?、()%]{0,4}?")  # 已经, 正在: what stands between the unit and its building word
_CLOSES = re.compile(r"\s*(?:[,;:。!?\n]|$)")


def _before(reference, words: bool = True) -> re.Pattern:
    build = reference.alternation("capacity", "build")
    held = reference.alternation("period", "stock", "before_number")
    glue = reference.alternation("subject", "no_noun")
    opening = f"(?:{build}|{held}){_ASPECT}|{_MAKE}" if words else _MAKE
    return re.compile(f"(?:{opening}){_PRODUCT}(?:{glue})?\\s*$")


def _after(reference) -> re.Pattern:
    return re.compile(f"(?:{reference.alternation('capacity', 'build')}|建设)")


def built_or_held(figure, doc, earlier):
    if not annual_capacity.located_level(figure, doc):
        return figure
    reference, norm = doc.reference, doc.norm
    lo = max(figure.clause[0], figure.at - 24)
    if GUESSED.format(figure.metric_code) not in figure.notes:  # 每年可生产200万吨: the ability opens its cue word
        able = doc.once(("built_capacity", "able"), lambda d: _before(d.reference, words=False))
        found = able.search(norm, lo, figure.at)
        if found is None or not _opens_its_cue(found.group(), reference.metric(figure.metric_code).cues):
            return figure
        annual = reference.words_of("capacity", "annual", "before_number")
        return annual_capacity.to_capacity(figure, doc, annual, f"able to be made ({found.group().strip()})")
    before = doc.once(("built_capacity", "before"), lambda d: _before(d.reference))
    found = before.search(norm, lo, figure.at)
    why = None
    if found is not None:
        why = found.group().strip()
    else:
        between = _AFTER.match(norm, figure.unit_end, figure.clause[1])
        after = _after(reference).match(norm, between.end()) if between else None
        if after is not None and _CLOSES.match(norm, after.end()):
            why = norm[figure.unit_end : after.end()]
    if why is None or re.search("矿石?(?:储量)?$", why.rstrip("为有是达到在共 ")):
        return figure
    annual = reference.words_of("capacity", "annual", "before_number")
    return annual_capacity.to_capacity(figure, doc, annual, f"built, held or able to be made ({why})")


def _opens_its_cue(words: str, cue_words: tuple[str, ...]) -> bool:
    """可生产氧化铝: the verb the ability opens is the figure's own cue word (生产 of production_tonnes)."""
    verb = re.match(_MAKE, words)
    return verb is not None and any(verb.group().endswith(cue) for cue in cue_words)
