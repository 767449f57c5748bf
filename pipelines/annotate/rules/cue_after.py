"""An amount with no cue word before it names what it measures right after its unit: 统筹400亿元资金
(funding), 形成年产200万吨氧化铝的生产能力 (capacity), 完成50亿元投资 (investment). The first cue word
of the unit's measure that follows the unit in its clause, with no other number, list item or clause
between, is its metric; the unit is no longer a guess. A list of amounts in one unit names it once,
after the last: 氧化铝1010万吨、电解铝218万吨的产能规模 (both capacity)."""

from __future__ import annotations

import re

from .. import cues
from ..script import simplified
from .same_count import GUESSED

AFTER = 8  # how far after the unit the cue word may start (氧化铝的 stands between 200万吨 and 生产能力)
_ANOTHER = re.compile(r"[\d、,;:。!?()]")  # another number, item or clause: the cue is another figure's
AMOUNT = ("level",)  # a count already reads the noun after it (extract._count_metric)


def named_after_the_unit(figure, doc, earlier):
    guessed = GUESSED.format(figure.metric_code)
    if figure.at < 0 or guessed not in figure.notes:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind not in AMOUNT:
        return figure
    measures = reference.units.get(simplified(figure.unit), set())
    after = _end_of_the_list(
        doc.norm, figure.unit_end, figure.clause[1], figure.unit, reference.alternation("list", "joiner")
    )
    end = min(figure.clause[1], after + AFTER + 12)
    hits = [
        h
        for h in cues.cue_hits(doc.norm, (after, end), reference)
        if h.metric.unit_measure in measures
        and h.metric.kind in AMOUNT
        and h.start - after <= AFTER
        and not _ANOTHER.search(doc.norm, after, h.start)
        and not inside_a_facility(doc, h)
    ]
    if not hits:
        return figure
    best = min(hits, key=lambda h: (h.start, -(h.end - h.start)))  # the nearest; the longest at one start
    figure.metric_code = best.metric.code
    figure.notes = [n for n in figure.notes if n != guessed]
    figure.notes.append(f"metric {best.metric.code} from {doc.text.span(best.start, best.end)} after the unit")
    return figure


def inside_a_facility(doc, hit) -> bool:
    """生产 of 10万吨的生产线 is a facility's name (cue_words.csv capacity facility), no metric's cue word."""
    words = doc.reference.words_of("capacity", "facility", "after_size")
    return any(len(w) > hit.end - hit.start and doc.norm.startswith(w, hit.start) for w in words)


ITEM = 8  # the longest name of a further item (电解铝, 铝材加工)


def _end_of_the_list(norm: str, at: int, clause_end: int, unit: str, joiners: str) -> int:
    """Where a list of amounts in one unit that starts with this one ends: 氧化铝1010万吨、电解铝218万吨、
    铝材400万吨的产能规模 names what all three measure once, after the last (items joined by 、 or a
    joiner word of cue_words.csv)."""
    item = re.compile(rf"(?:、|{joiners})[^、,;:。!?\d]{{0,{ITEM}}}?\d[\d.]*\s*{re.escape(unit)}")
    while (found := item.match(norm, at, clause_end)) is not None:
        at = found.end()
    return at
