"""The count of the points a speaker is about to list is no figure: 主要抓好三个方面的工作。一是…,
主要有三个原因。一是…: the 一是 right after says the count only announces the points that follow (the
gold of seed and development leaves them out). Measures a text counts keep their count (三项机制,
五项具体措施。第一,…: seed 002), so only a count in 个 announcing 一是 is dropped."""

from __future__ import annotations

import re

_ANNOUNCES = re.compile(r"[\u4e00-\u9fff]{1,6}?[。:：,]\s*一是")
_POINT_UNITS = ("个", "個")


def drop(figure, doc, earlier):
    if figure.at < 0 or figure.unit not in _POINT_UNITS:
        return figure
    if _ANNOUNCES.match(doc.norm, figure.unit_end):
        return None
    return figure
