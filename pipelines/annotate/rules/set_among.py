"""A count closed by 中 (among) is the set the next figures are picked from, no figure itself:
重点监测的25种产品中,有19种产品实现增长 (19种 is the figure; 25种 says out of how many)."""

from __future__ import annotations

import re

from .set_of_a_rate import counted_before, is_count

_AMONG = re.compile(r"[^,。;:!?,;:\d]{0,8}?中\s*[,,::]")


def drop(figure, doc, earlier):
    if figure.at < 0 or not is_count(figure, doc) or counted_before(figure, doc):
        return figure
    if _AMONG.match(doc.norm, figure.unit_end):
        return None
    return figure
