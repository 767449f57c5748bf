"""An amount between a count and the noun it counts is part of the noun, no figure: 成为全市第一家超百亿元
工业企业 (1家 is the figure, of 超百亿元工业企业). The count's unit right before (家, 个, maybe 超/过), the
noun right after the amount's unit (企业, 公司, 项目, 产业, 园区)."""

from __future__ import annotations

import re

from ..script import simplified

_COUNT_BEFORE = re.compile(r"[家个座][超过]{0,2}\s*$")
_NOUN_AFTER = re.compile(r"(?:级)?(?:的)?[\u4e00-\u9fff]{0,4}?(?:企业|公司|项目|产业|园区)")


def drop(figure, doc, earlier):
    if figure.at < 0 or figure.unit_end < 0:
        return figure
    unit = simplified(figure.unit)  # 億級 in a Traditional text
    if unit.endswith("级") or "yuan" not in doc.reference.units.get(unit, set()):
        return figure
    norm = doc.norm
    if _COUNT_BEFORE.search(norm, max(0, figure.at - 3), figure.at) and _NOUN_AFTER.match(norm, figure.unit_end):
        return None
    return figure
