"""分三大门类看, 从四个方面看: a count that frames how the text reads what follows (分/从 … 看) is no figure."""

from __future__ import annotations

import re

from .set_of_a_rate import is_count

_OPENS = re.compile(r"[分从按]\s*$")
_LOOK = re.compile(r"[^,。;:!?,;:\d]{0,6}?(?:来看|看)\s*[,,::]")


def drop(figure, doc, earlier):
    if figure.at < 0 or not is_count(figure, doc):
        return figure
    norm = doc.norm
    if _OPENS.search(norm, max(0, figure.at - 1), figure.at) and _LOOK.match(norm, figure.unit_end):
        return None
    return figure
