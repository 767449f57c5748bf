"""A count that names the parties of a relation is no figure: 两个城市之间的物流通道, 三个园区之间: the
count says between whom (之间), it counts nothing the text reports."""

from __future__ import annotations

import re

_BETWEEN = re.compile(r"[\u4e00-\u9fff]{1,4}?(?:之间|之中|两者)")
_COUNT_UNITS = ("个", "個", "家", "座", "名", "位")


def drop(figure, doc, earlier):
    if figure.at < 0 or figure.unit not in _COUNT_UNITS:
        return figure
    if _BETWEEN.match(doc.norm, figure.unit_end, figure.clause[1]):
        return None
    return figure
