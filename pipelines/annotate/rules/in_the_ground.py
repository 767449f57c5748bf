"""A weight is a stock of a resource in the ground, not a year's output, when the words of its own clause before
it say what exploration found or a place holds (已查明锰矿资源量2.6亿吨, 保有资源量, 新发现铝土矿资源, 远景储量,
矿石量) and no verb of making or moving stands in that clause (开采, 生产, 加工, 回收): extract took production
from the tonne alone, or from a cue word of another clause (广西是全国重要的铝工业生产基地,已查明铝土矿资源量约10亿吨:
the nearest grammar is the number's own clause). An ore (铝土矿, 石灰岩矿) weighed in 亿吨 with no such verb is held
too (全市有铝土矿1.5亿吨): no place mines that much in a year. The words are data (cue_words.csv reserve: held,
ore, made); the metric is the level of the unit's measure one of whose cue words holds a held word (储量 holds
储), read from the reference, so it is found when leave-one-out keeps only 储量 of its cues. A reserve named by
its cue is held as of its date before whole_year.py can take it for last year's output (资源量7.8亿吨 in March)."""

from __future__ import annotations

import re

from ..script import simplified
from . import stock_metric
from .same_count import GUESSED

NOTE = "{} read from the grammar of a stock in the ground in its clause ({}), held as of its date"
BIG = "亿"  # the magnitude of a bare ore's weight that no year's mining reaches
BARE = re.compile(r"[\s约达到有为是超过近已经据说总共计]{0,6}")  # a clause's words before its number that name nothing
SEPARATOR = re.compile(r"[,;:]")
SHORT = 16  # the longest a clause of no noun can be: BARE's words and a qualifier


def _metric_in_the_ground(reference, measures: set[str]):
    """Read once a unit's measures (Reference.pattern keeps it): asked for every weight of a document."""

    def find(ref):
        held = ref.words_of("reserve", "held")
        levels = (m for m in ref.metrics if m.kind == "level" and m.unit_measure in measures)
        return next((m for m in levels if any(w in cue for cue in m.cues for w in held)), None)

    return reference.pattern(f"in_the_ground {sorted(measures)}", find)


def _own_words(doc, figure) -> tuple[int, int]:
    """The number's clause; a clause of no noun before the number (约10亿吨, 据说有50万吨) continues the one before
    it in its sentence (铝土矿资源丰富,约10亿吨): that one says what is weighed."""
    start, end = figure.clause
    if figure.at - start > SHORT:
        return start, end  # a clause that long names something of its own
    words = doc.norm[start : figure.at]
    for cue in doc.reference.words("qualifier", "before_number"):  # 大约2亿吨左右: a qualifier names nothing
        words = words.replace(cue.word, "")
    if not BARE.fullmatch(words):
        return start, end
    cut = [m.end() for m in SEPARATOR.finditer(doc.norm, figure.sentence[0], max(start - 1, figure.sentence[0]))]
    return (cut[-1] if cut else figure.sentence[0]), end


def _held_word(doc, figure) -> str | None:
    """The held word (or the 亿吨 of an ore) of the number's words, when no verb of making stands in them."""
    reference, norm = doc.reference, doc.norm
    start, end = _own_words(doc, figure)
    if reference.cue("reserve", "made").search(norm, start, end):
        return None
    held = reference.cue("reserve", "held")
    said = held.search(norm, start, figure.at) or held.search(norm, figure.unit_end, end)  # 10亿吨的铝土矿资源
    if said:
        return said.group()
    if figure.unit.startswith(BIG) and reference.cue("reserve", "ore").search(norm, start, figure.at):
        return figure.unit
    return None


def held_in_the_ground(figure, doc, earlier):
    if figure.at < 0:
        return figure
    reference = doc.reference
    metric = _metric_in_the_ground(reference, reference.units.get(simplified(figure.unit), set()))
    if metric is None:
        return figure
    if metric.code == figure.metric_code:
        return stock_metric.held_at_a_date(figure, doc, earlier)
    taken = reference.metric(figure.metric_code)
    if taken.kind != "level" or taken.unit_measure != metric.unit_measure:
        return figure
    word = _held_word(doc, figure)
    if word is None:
        return figure
    guessed = GUESSED.format(figure.metric_code)
    figure.notes = [n for n in figure.notes if n != guessed]
    figure.metric_code = metric.code
    figure.period_kind = "as_of"
    figure.notes.append(NOTE.format(metric.code, word))
    return figure
