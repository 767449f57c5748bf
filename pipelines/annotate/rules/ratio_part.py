"""每7个贫困人口,就有1个在河池: the 1 is the part of a ratio (one in seven), no count of its own; not_a_figure
drops the 7 (a denominator). A count whose sentence, before it, holds 每 and a count and no other number between."""

from __future__ import annotations

import re

from .set_of_a_rate import is_count

_REACH = 20
_EACH_BEFORE = re.compile(
    r"每\s*[\d一二三四五六七八九十两百千]+\s*[个家名人户位项][^\d。;;!?]{0,14}?(?:就|便|即)?有\s*$"
)


def drop(figure, doc, earlier):
    if figure.at < 0 or not is_count(figure, doc):
        return figure
    if _EACH_BEFORE.search(doc.norm, max(figure.sentence[0], figure.at - _REACH), figure.at):
        return None
    return figure
