"""A count of industries followed in its clause by an output tier is a count by size tier, not a count of
recognised clusters: 2个产业产值超2000亿元, 三个千亿级临港产业链, 3个三千亿 (raw/README.md: size_tier_count)."""

from __future__ import annotations

import re

_TIER_AFTER = re.compile(
    r"[^,。;、]{0,10}?(?:超过|超|突破|达到|达|过)?\s*(?:[\d.]+\s*|[一二三四五六七八九十两几]*[千百万])亿(?:元|级)?"
)
COUNTS = ("cluster_count", "item_count")
TIER_COUNT = "size_tier_count"


def count_by_tier(figure, doc, earlier):
    if figure.at < 0 or figure.metric_code not in COUNTS:
        return figure
    if not _TIER_AFTER.match(doc.norm, figure.unit_end, figure.clause[1]):
        return figure
    if not any(m.code == TIER_COUNT for m in doc.reference.metrics):
        return figure
    was = figure.metric_code
    figure.metric_code = TIER_COUNT
    figure.notes = [n for n in figure.notes if not n.startswith("no cue word: metric")]
    figure.notes.append(f"a count of industries at an output tier: {TIER_COUNT}, not {was}; say the tier in note")
    return figure
