"""A count that names the set a rate or share of the same clause is about is no figure of its own:
十种有色金属增长3.9% (the ten metals are the statistic's scope), 四大主导产业规上产值占全市规上比重突破60%,
三个县区合计占比近六成. The noun after the count runs, with no number and no clause end, to a percent, 成 or
个百分点 later in the clause. A count after 有 / 新增 (cue_words.csv counted) is the figure itself and kept."""

from __future__ import annotations

import re

from ..script import simplified

_RATE_AFTER = re.compile(
    r"[^,。;:!?,;:\d%]{1,24}?[近约超达为]{0,2}\s*[\d一二三四五六七八九十两半]+(?:\.\d+)?\s*(?:%|成|个百分点)"
)


def is_count(figure, doc) -> bool:
    return "count" in doc.reference.units.get(simplified(figure.unit), set())


def counted_before(figure, doc) -> bool:
    """有42项, 新增12家: the count is the figure (cue_kind counted)."""
    pattern = doc.reference.pattern(
        "counted_before", lambda r: re.compile(rf"(?:{r.alternation('counted', 'figure', 'before_number')})\s*$")
    )
    return bool(pattern.search(doc.norm[max(0, figure.at - 3) : figure.at]))


def drop(figure, doc, earlier):
    if figure.at < 0 or figure.unit_end < 0 or not is_count(figure, doc) or counted_before(figure, doc):
        return figure
    if _RATE_AFTER.match(doc.norm, figure.unit_end, figure.clause[1]):
        return None
    return figure
