"""An amount that defines the set a count is of is no figure: 投资超10亿元的项目有6个, 10亿元以上项目9个.
The threshold (超 before the number or 以上 / 以下 after its unit) then the noun it qualifies (的项目, 企业)
and that noun's count in the same clause: the count is the figure, the amount only says which ones are
counted. 2个产业产值超2000亿元 keeps its 2000: the threshold is said of the industries counted before it,
not of a noun after it (seed 002's convention), and a size tier (千亿级产业) stays, as size_tier reads it."""

from __future__ import annotations

import re

_OVER_BEFORE = re.compile(r"(?:超过|超|逾)\s*$")
_ABOVE_AFTER = re.compile(r"\s*(?:及以上|以上|以下)")
# the noun the amount qualifies, then its count: 的项目有6个, 项目9个, 的企业共12家
_NOUN_THEN_COUNT = re.compile(
    r"\s*的?[\u4e00-\u9fff]{0,4}?(?:项目|企业|公司)[^,。;:!?]{0,4}?"
    r"[\d一二三四五六七八九十两百]+\s*(?:个|家|项|座)"
)
_AMOUNTS = {"yuan", "usd", "tonne", "mu", "watt", "watt_hour"}  # amounts, not counts or rates


def drop(figure, doc, earlier):
    norm, at = doc.norm, figure.at
    if at < 0 or "size tier" in figure.notes:
        return figure
    if not doc.reference.units.get(_simplified(figure.unit), set()) & _AMOUNTS:
        return figure
    after = figure.unit_end
    above = _ABOVE_AFTER.match(norm, after)
    if above:
        after = above.end()
    elif not _OVER_BEFORE.search(norm[max(0, at - 2) : at]):
        return figure
    if _NOUN_THEN_COUNT.match(norm, after, figure.clause[1]):
        return None
    return figure


def _simplified(unit: str) -> str:
    from ..script import simplified

    return simplified(unit)
