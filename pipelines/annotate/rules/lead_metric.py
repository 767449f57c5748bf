"""What a list of bare amounts measures may be named once before it, in a lead that holds no number: 说说广西的电解铝
产能。百色150万吨,来宾50万吨; a heading line 电解铝产能 over 平果:约50万吨; 产业规模:氧化铝260万吨、电解铝50万吨.
An amount with no cue word of its own (its metric guessed from the unit) takes the metric of the last cue word of
its unit's measure (metrics.csv cue_words) in its sentence or the one before, when no number stands between that
word and it; a capacity's scale word (cue_words.csv capacity facility after_unit: 规模, 能力; not 规模以上) makes it
the unit's capacity (annual_capacity.to_capacity). The lead heads a list: a colon or a line break stands between
it and the amount, or another amount of the unit is listed right after it (加快提升产能。全市完成钢材1000万吨 is
one amount of its own). The next amounts of the list (a separator and an item's name between) take the same
metric, across a line break too."""

from __future__ import annotations

import re
from bisect import bisect_right

from .. import cues
from ..script import simplified
from . import annual_capacity
from .qualifier_over_items import _NAME, ITEM
from .same_count import drop_the_guess, guessed_level

MARK = "named in the lead before its list"
_NUMBER = re.compile(r"\d")
_SEPARATOR = re.compile(r"\s*[、,;\n]\s*")


def lead_start(doc, figure) -> int:
    """The start of the sentence before the figure's (a lead sentence or a heading line)."""
    index = bisect_right(doc.sentences, figure.sentence[0] - 1, key=lambda s: s[0]) - 1
    return doc.sentences[index][0] if index >= 0 else figure.sentence[0]


def _scale_word(doc, lo: int, hi: int) -> tuple[str, int] | None:
    """The last capacity scale word (规模, 能力) in norm[lo:hi], not 规模以上."""
    norm = doc.norm
    words = doc.reference.alternation("capacity", "facility", "after_unit")
    found = [m for m in re.finditer(words, norm[lo:hi]) if not norm.startswith("以上", lo + m.end())]
    return (found[-1].group(), lo + found[-1].end()) if found else None


def _same_list(doc, before, figure) -> bool:
    units = doc.reference.units
    if not units.get(simplified(before.unit), set()) & units.get(simplified(figure.unit), set()):
        return False
    if before.unit_end < 0 or before.unit_end > figure.at:
        return False
    separator = _SEPARATOR.match(doc.norm, before.unit_end, figure.at)
    if separator is None:
        return False
    said = cues.qualifier_before(doc.norm, figure.at, separator.end(), doc.reference)  # 靖西:约30万吨
    stop = figure.at if said is None else said[1]
    name = _NAME.match(doc.norm, separator.end(), stop)
    return name.end() - separator.end() <= ITEM and doc.norm[name.end() : stop].strip(" :") == ""


def named_in_the_lead(figure, doc, earlier):
    if not guessed_level(figure, doc):
        return figure
    reference, norm = doc.reference, doc.norm
    if earlier and any(MARK in n for n in earlier[-1].notes) and _same_list(doc, earlier[-1], figure):
        return _set(figure, earlier[-1].metric_code, f"the value listed before ({earlier[-1].value}{earlier[-1].unit})")
    lo = lead_start(doc, figure)
    if not _heads_a_list(doc, figure, lo):
        return figure
    measures = reference.units.get(simplified(figure.unit), set())
    hits = [
        h
        for h in cues.cue_hits(norm, (lo, figure.at), reference)
        if h.metric.kind == "level" and h.metric.unit_measure in measures
    ]
    cue = max(hits, key=lambda h: (h.end, h.end - h.start), default=None)
    scale = _scale_word(doc, lo, figure.at)
    if scale is not None and (cue is None or scale[1] > cue.end):
        if _NUMBER.search(norm, scale[1], figure.at):
            return figure
        annual = reference.words_of("capacity", "annual", "before_number")
        return annual_capacity.to_capacity(figure, doc, annual, f"the scale ({scale[0]}) {MARK}")
    if cue is None or cue.metric.code == figure.metric_code or _NUMBER.search(norm, cue.end, figure.at):
        return figure
    return _set(figure, cue.metric.code, doc.text.span(cue.start, cue.end))


_HEADER = re.compile(r"[:\n]")


def _heads_a_list(doc, figure, lo: int) -> bool:
    """A lead is read for the amounts of a list: a header (a colon or a line break between the lead and the
    amount: 产能分布如下:, a heading line) or an amount with another of its unit listed right after it
    (百色150万吨,来宾50万吨). 加快提升产能。全市完成钢材1000万吨 is one amount of its own sentence, no list."""
    if _HEADER.search(doc.norm, lo, figure.at):
        return True
    qualifier = doc.reference.alternation("qualifier", None, "before_number")  # 平果:约50万吨: the item's own
    item = re.compile(
        rf"\s*[、,;\n]\s*[^\d\s,;:。!?、()%]{{0,{ITEM}}}:?\s*(?:{qualifier})?\d+(?:\.\d+)?\s*{re.escape(simplified(figure.unit))}"
    )
    return item.match(doc.norm, figure.unit_end, figure.clause[1] + 40) is not None


def _set(figure, code: str, why: str):
    if code == figure.metric_code:
        return figure
    drop_the_guess(figure)
    figure.metric_code = code
    figure.notes.append(f"metric {code} from {why}, {MARK}")
    return figure
