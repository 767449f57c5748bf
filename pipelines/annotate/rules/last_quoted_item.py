"""A count right after a list of quoted names written back to back, no 、 between (‘容缺后补’‘圆桌会议’‘化零为整’
三项机制; “双百双新”“千企技改”两大平台): the quotes are the list's marks, and the count's span starts at the last
item's opening quote (‘化零为整’三项机制), as list_item.span_from_the_last_item starts one after the last 、 and as
reviewers cut every such count on the seed and development documents (a single quoted name too: “四张清单”117个)."""

from __future__ import annotations

import re

from ..evidence import holds, occurs_more_than_once, span_start

# a quoted name closing right before the number (spaces between allowed): its opening quote is group 1's start
_QUOTED = re.compile(r"([“‘「『][^“”‘’「」『』,;:。\d]{1,20}[”’」』])\s*$")


def from_its_quote(figure, doc, earlier):
    begin = span_start(doc.text, figure)
    if begin is None:
        return figure  # the span is not around the number (a rule rewrote it)
    text, norm, span = doc.text, doc.norm, figure.evidence
    quoted = _QUOTED.search(norm, figure.clause[0], figure.at)
    if quoted is None or text.origin[quoted.start(1)] <= begin:
        return figure  # no quoted name before the number, or the span starts at it already
    own = text.original[text.origin[quoted.start(1)] : begin + len(span)].strip()
    if holds(figure.value, own) and not occurs_more_than_once(text, own):
        figure.evidence = own
    return figure
