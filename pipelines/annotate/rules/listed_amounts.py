"""Amounts listed one to one with the metrics named before 分别 (cue_kind list, respectively): 营业收入、利润、税收
分别为50亿元、5亿元和3亿元 pairs 50亿元 with 营业收入 (revenue), 5亿元 with 利润 (profit), 3亿元 with 税收
(tax_revenue), in order, as listed_rates.py pairs rates with their levels. extract read each amount's metric from
the cue word nearest before it, the list's last (税收) for all three. An item's metric is the catalogue amount whose
cue word it holds, of a measure the amount's unit has (产值 and 增加值 in 亿元, 企业 and 项目 in 家 and 个), the longest
cue word first (工业投资 before 投资); an item with none keeps what extract read. One item of two metrics'
first characters (产销量, 产销: 产量 and 销量) is read as two, when the catalogue has both in the unit's measure."""

from __future__ import annotations

from ..script import simplified
from . import listed_rates

AMOUNTS = ("level", "count")
NOTE = "one of a list after {}: metric {} from its item {}"


def each_its_metric(figure, doc, earlier):
    reference = doc.reference
    if figure.at < 0 or reference.metric(figure.metric_code).kind not in AMOUNTS:
        return figure
    listed = listed_rates.items_before_the_list_word(doc, figure)
    if listed is None:
        return figure
    word, _, items = listed
    index = _listed_before(earlier, word.end(), figure.at)
    measures = reference.units.get(simplified(figure.unit), set())
    if len(items) == 1:  # 产销量分别为150万辆和148万辆: a compound of two metrics' first characters
        items = _compound(reference, items[0], measures)
    if len(items) < 2 or index >= len(items) or not all(listed_rates._ITEM.fullmatch(i) for i in items):
        return figure
    metric = _metric_of(reference, items[index], measures)
    if metric is None or metric == figure.metric_code:
        return figure
    figure.metric_code = metric
    figure.notes = [n for n in figure.notes if not n.startswith("no cue word: metric")]
    figure.notes.append(NOTE.format(word.group(), metric, items[index]))
    return figure


def _metric_of(reference, item: str, measures) -> str | None:
    """The amount or count whose cue word the item holds, in one of the unit's measures: the cue that ends last
    (the noun's head: 年产能 is a capacity, not the 年产 inside it), the longest of those (工业投资, not 投资)."""
    found, best = None, (-1, 0)
    for metric in reference.metrics:
        if metric.kind not in AMOUNTS or metric.unit_measure not in measures:
            continue
        for cue in metric.cues:
            at = item.rfind(cue)
            if at >= 0 and (at + len(cue), len(cue)) > best:
                found, best = metric.code, (at + len(cue), len(cue))
    return found


def _compound(reference, item: str, measures) -> list[str]:
    """产销量, 产销: two characters each opening a cue word of the unit's measure with the same ending (产量 and
    销量, production and sales), read as the two items [产量, 销量]; [] when the item holds no such pair."""
    cues = {cue for m in reference.metrics if m.kind in AMOUNTS and m.unit_measure in measures for cue in m.cues}
    for at in range(len(item) - 1):
        first, second = item[at], item[at + 1]
        for cue in cues:
            if len(cue) == 2 and cue[0] == first and second + cue[1] in cues and first != second:
                pair = [first + cue[1], second + cue[1]]
                if _metric_of(reference, pair[0], measures) != _metric_of(reference, pair[1], measures):
                    return pair
    return []


def _listed_before(earlier, start: int, at: int) -> int:
    """How many figures were drafted between the list's 分别 and the number: read back from the last, stopping at
    分别 (a pass over the whole draft per figure was quadratic)."""
    count = 0
    for before in reversed(earlier):
        if 0 <= before.at < start:
            break
        count += start <= before.at < at
    return count
