"""Amounts listed one to one with the metrics named before 分别 (cue_kind list, respectively): 营业收入、利润、税收
分别为50亿元、5亿元和3亿元 pairs 50亿元 with 营业收入 (revenue), 5亿元 with 利润 (profit), 3亿元 with 税收
(tax_revenue), in order, as listed_rates.py pairs rates with their levels. extract read each amount's metric from
the cue word nearest before it, the list's last (税收) for all three. An item's metric is the catalogue amount whose
cue word it holds, of a measure the amount's unit has (产值 and 增加值 in 亿元, 企业 and 项目 in 家 and 个), the longest
cue word first (工业投资 before 投资); an item with none keeps what extract read."""

from __future__ import annotations

from ..script import simplified
from . import listed_rates
from .subject import after_the_lead

AMOUNTS = ("level", "count")
NOTE = "one of a list after {}: metric {} from its item {}"


def each_its_metric(figure, doc, earlier):
    reference = doc.reference
    if figure.at < 0 or reference.metric(figure.metric_code).kind not in AMOUNTS:
        return figure
    norm, start = doc.norm, figure.clause[0]
    word = reference.cue("list", "respectively").search(norm, start, figure.at)
    if not word:
        return figure
    opening = after_the_lead(doc, start, word.start())
    dated = listed_rates._YEAR.match(norm, opening, word.start())  # 2023年营业收入、…: the year is no item
    if dated:
        opening = after_the_lead(doc, dated.end(), word.start())
    items = listed_rates._JOINERS.split(norm[opening : word.start()])
    index = sum(1 for f in earlier if word.end() <= f.at < figure.at)
    if len(items) < 2 or index >= len(items) or not all(listed_rates._ITEM.fullmatch(i) for i in items):
        return figure
    measures = reference.units.get(simplified(figure.unit), set())
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
