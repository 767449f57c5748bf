"""Rates listed after 分别 with no items of their own pair one to one with the amounts listed after an earlier 分别 in
their sentence: 产销量分别达到160万辆和158万辆,同比分别增长5%和4% (5% of production, 4% of sales); 营业收入、
利润分别为800亿元、45亿元,分别增长6%、12%; with no earlier 分别, the last amounts of the sentence, one a clause, as many as the
rates (营业收入2856亿元,利润总额156亿元,分别增长6.2%和8.5%). extract read each rate's rate_of from the nearest amount before it
(the list's last) for all. listed_rates.py pairs rates with items named before their own 分别; here the items are
the amounts drafted before (their metrics), so the clause of the rates must name no item: only glue and change
words."""

from __future__ import annotations

import re

KINDS = ("rate",)
AMOUNTS = ("level", "count")
REACH = 120  # how far before the rates' clause the amounts' 分别 may stand
_NO_ITEM = re.compile(r"[\s同比较上年期分别均累计当月]*")


def each_its_amount(figure, doc, earlier):
    reference, norm = doc.reference, doc.norm
    if figure.at < 0 or reference.metric(figure.metric_code).kind not in KINDS:
        return figure
    respectively = reference.cue("list", "respectively")
    own = next(reversed(list(respectively.finditer(norm, figure.clause[0], figure.at))), None)
    if own is None:
        return figure
    lo = max(figure.sentence[0], figure.clause[0] - REACH)  # a bounded look back, not the whole sentence
    if not _NO_ITEM.fullmatch(norm, figure.clause[0], own.start()):
        return figure  # 营业收入、利润分别增长: items of their own (listed_rates.py)
    first = next(reversed(list(respectively.finditer(norm, lo, figure.clause[0]))), None)
    if first is None:
        return _each_amount_before(figure, doc, earlier, own, lo)
    amounts, rates = _drafted_before(figure, doc, earlier, own, first.start(), first.end())
    amounts.reverse()
    if len(amounts) < 2 or rates >= len(amounts) or len({a.metric_code for a in amounts}) < 2:
        return figure
    return _of_its_amount(figure, amounts[rates], f"rate {rates + 1} of the list after 分别")


def _drafted_before(figure, doc, earlier, own, since: int, amounts_from: int):
    """(the amounts drafted from amounts_from up to the rates' clause, last first; how many rates after the rates'
    分别 were drafted before this one), looking back to since only: a bounded look back."""
    amounts, rates = [], 0
    for before in reversed(earlier):
        if 0 <= before.at < since:
            break
        if before.at < 0:
            continue
        if own.end() <= before.at < figure.at:
            rates += 1
        elif amounts_from <= before.at < figure.clause[0] and doc.reference.metric(before.metric_code).kind in AMOUNTS:
            amounts.append(before)
    return amounts, rates


def _of_its_amount(figure, amount, said: str, how: str = ""):
    if amount.metric_code != figure.rate_of_metric_code:
        figure.rate_of_metric_code = amount.metric_code
        figure.notes.append(f"{said}: of {amount.value}{amount.unit}{how}")
    return figure


_PERCENT = re.compile(r"-?\d+(?:\.\d+)?\s*%")


def _each_amount_before(figure, doc, earlier, own, lo: int):
    """营业收入2856亿元,利润总额156亿元,分别增长6.2%和8.5%: as many amounts, the last of the sentence before the
    rates' clause, each of its own metric, as the rates listed after 分别."""
    count = len(_PERCENT.findall(doc.norm, own.end(), figure.clause[1]))
    amounts, rates = _drafted_before(figure, doc, earlier, own, lo, lo)
    amounts = amounts[:count][::-1]
    if count < 2 or len(amounts) < count or rates >= count or len({a.metric_code for a in amounts}) < count:
        return figure
    if len({a.clause for a in amounts}) < count:
        return figure  # one clause's amounts (产值120亿元、利润5亿元) are another list: not read here
    return _of_its_amount(figure, amounts[rates], f"rate {rates + 1} after 分别", ", in order")
