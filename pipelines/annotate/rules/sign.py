"""A minus sign written before the number (a table cell -0.5, 增长-3.2%) keeps the value negative; a dash right
after another number and its unit (1亿-5亿元, 10万吨-20万吨, 8%-10%) joins a range and is no minus."""

from __future__ import annotations

import re

from ..script import simplified

_MINUS = "-−－"
# 1亿, 10万吨 right before the dash, no space between (a table's 512亿元 -2.3 is a cell of its own)
_AMOUNT_BEFORE = re.compile(r"\d\s*([^\W\d_]{1,4})$")


def keep_sign(figure, doc, earlier):
    at = figure.at
    if at <= 0 or figure.value < 0:
        return figure
    before = doc.norm[at - 1]
    two_before = doc.norm[at - 2] if at >= 2 else ""
    if before in _MINUS and not (
        two_before.isdigit()
        or two_before in "%月年"
        or two_before.isalpha()
        and two_before.isascii()
        or _ends_an_amount(doc, at - 1)
    ):
        figure.value = -figure.value
        figure.notes.append("a minus sign before the number: value negative")
    return figure


def _ends_an_amount(doc, dash: int) -> bool:
    """1亿-5亿元: a number and a unit of the reference (or a magnitude, 亿, 万) end right before the dash."""
    unit = _AMOUNT_BEFORE.search(doc.norm, max(0, dash - 8), dash)
    if unit is None:
        return False
    written = simplified(unit.group(1))
    return written in doc.reference.units or written[-1] in "万亿"
