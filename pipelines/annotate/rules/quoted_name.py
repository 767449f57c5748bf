"""A count inside a quoted slogan is part of the slogan's name: 集中力量“打好六大会战,奋战70天” counts no six
items. not_a_figure drops a number right after the opening quote (“三大攻坚战”); this one, a count further
in, whose quote opened before it on its line and closes after it, with no sentence end between. A count after
the closing quote (“千企技改”两大平台) is outside the name and kept; amounts and rates inside quotes are kept."""

from __future__ import annotations

import re

from .set_of_a_rate import is_count

_OPEN, _CLOSE = "“「『", "”」』"
_REACH = 12  # a slogan's characters on either side of the number
_SENTENCE_END = re.compile(r"[。!?!?\n]")


def drop(figure, doc, earlier):
    if figure.at < 0 or figure.unit_end < 0 or not is_count(figure, doc):
        return figure
    norm = doc.norm
    before = norm[max(0, figure.at - _REACH) : figure.at]
    opened = max(before.rfind(c) for c in _OPEN)
    if opened < 0 or any(c in before[opened:] for c in _CLOSE) or _SENTENCE_END.search(before[opened:]):
        return figure
    after = norm[figure.unit_end : figure.unit_end + _REACH]
    closed = min((after.find(c) for c in _CLOSE if c in after), default=-1)
    if closed < 0 or any(c in after[:closed] for c in _OPEN) or _SENTENCE_END.search(after[:closed]):
        return figure
    return None
