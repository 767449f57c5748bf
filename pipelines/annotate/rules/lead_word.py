"""An evidence span starts at what the figure is, not at a connective or a verb of effort that only joins
its clause to the sentence (cue_kind lead): reviewers cut 从2020年产值超20亿元 to 2020年产值超20亿元,
并确保每年…新增…3个城市 to 每年…, 围绕新能源汽车三大核心部件 to 新能源汽车三大核心部件, 目前在建面积2335亩
to 在建面积2335亩. The span keeps the number and stays one the document holds once."""

from __future__ import annotations

import re

from ..evidence import holds, occurs_more_than_once

MIN_LEFT = 4  # characters the span keeps at least


def _leads(reference) -> re.Pattern:
    words = reference.words("lead", "span_start")  # longest first: 着力培育 before a shorter word
    return re.compile("(?:" + "|".join(w.regex for w in words) + ")" if words else "(?!)")


def without_the_connective(figure, doc, earlier):
    span = figure.evidence
    read = doc.text.reading(span)  # matched on its copy, cut where the copy's words end in the span
    copy = read.norm
    lead = doc.reference.pattern("lead_word.leads", _leads).match(copy)
    if lead is None or len(copy) - lead.end() < MIN_LEFT:
        return figure
    rest = span[read.origin[lead.end()] :].lstrip()
    if not holds(figure.value, rest) or occurs_more_than_once(doc.text, rest):
        return figure
    figure.evidence = rest
    return figure
