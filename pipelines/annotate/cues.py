"""Reading a figure's kind from the words around it.

Metric cue words are data: the cue_words column of raw/reference/metrics.csv. What is here is the
grammar of the contract itself (raw/README.md's figures table): the words that make a figure a
target, qualify its value, or make its period an average, a total or a stock.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .reference import Metric, Reference

# raw/README.md: target for plans and goals (力争, 目标, 打造, 到20XX年, 将, 预计).
TARGET = re.compile(r"力争|目标|打造(?!了)|预计|计划|确保|争取|将(?!近)|(?:到|至)\s*(?:19|20)\d{2}\s*年|建成(?!了)|培育(?!了)")
# A verb with 了 (壮大了, 形成了) reports what was done; 为了 and 除了 are no such verb.
ACTUAL = re.compile(r"已|形成|累计|(?<![为除])了")
# Qualifiers before the number (超/超过/突破/逾 ...) and after its unit (以上, 左右, 以内 ...).
BEFORE = (("不超过", "at_most"), ("超过", "more_than"), ("突破", "more_than"), ("超", "more_than"),
          ("逾", "more_than"), ("高于", "more_than"), ("接近", "nearly"), ("将近", "nearly"), ("近", "nearly"),
          ("大约", "about"), ("约", "about"), ("不足", "less_than"), ("不到", "less_than"),
          ("低于", "less_than"), ("最多", "at_most"))
AFTER = (("以上", "at_least"), ("左右", "about"), ("以内", "at_most"), ("以下", "at_most"))
AVERAGE = re.compile(r"年均|每年|平均每年|年平均")
CUMULATIVE = re.compile(r"累计|共计|合计|总计")
STOCK = re.compile(r"现有|已有|拥有|截至|总量|总数|共有|存量|产能")
FLOW = re.compile(r"新增|新培育|引进|新建|投产|完成")
DECREASE = re.compile(r"下降|减少|降低|回落")
RESPECTIVELY = re.compile(r"分别")


@dataclass(frozen=True)
class CueHit:
    metric: Metric
    start: int
    end: int


def qualifier_before(norm: str, start: int, floor: int) -> tuple[str, int] | None:
    """(qualifier, where its word starts) for a word right before the number (spaces allowed)."""
    at = start
    while at > floor and norm[at - 1] == " ":
        at -= 1
    for word, code in BEFORE:
        if at - len(word) >= floor and norm[at - len(word):at] == word:
            return code, at - len(word)
    return None


def qualifier_after(norm: str, end: int) -> tuple[str, int] | None:
    """(qualifier, where its word ends) for 以上/左右/以内/以下 right after the unit."""
    for word, code in AFTER:
        if norm[end:end + len(word)] == word:
            return code, end + len(word)
    return None


def cue_hits(norm: str, window: tuple[int, int], reference: Reference) -> list[CueHit]:
    """Every cue word of every metric in window of the copy, longest first where they overlap."""
    hits = []
    lo, hi = window
    segment = norm[lo:hi]
    for metric in reference.metrics:
        for cue in metric.cues:
            at = segment.find(cue)
            while at >= 0:
                hits.append(CueHit(metric, lo + at, lo + at + len(cue)))
                at = segment.find(cue, at + 1)
    hits.sort(key=lambda h: (h.start, -(h.end - h.start)))
    return hits


def choose_metric(hits: list[CueHit], at: int, measures: frozenset[str], reference: Reference,
                  kinds: tuple[str, ...] | None = None) -> tuple[Metric | None, CueHit | None]:
    """The metric of the cue nearest before `at` among metrics of the unit's measure (a longer cue
    wins at the same end); with no cue, the first metric of that measure in catalogue order."""
    fitting = [h for h in hits if h.metric.unit_measure in measures and h.end <= at
               and (kinds is None or h.metric.kind in kinds)]
    if fitting:
        best = max(fitting, key=lambda h: (h.end, h.end - h.start))
        return best.metric, best
    for metric in reference.metrics:
        if metric.unit_measure in measures and (kinds is None or metric.kind in kinds):
            return metric, None
    return None, None
