"""A bare order of magnitude written in characters after 数, 几 or 上 is no exact amount: 数百万吨 and 几十家 are
about a million tonnes and ten, 上百家 at least a hundred (cue_words.csv qualifier before_magnitude; the value
stays the order of magnitude as written, 百万 = 1000000, as numerals.py reads 千亿 and 一万). Only before a
number of magnitude characters alone (十, 百, 千, 万): 上2023年 or 数3个 is no such word."""

from __future__ import annotations

import re

_MAGNITUDE = re.compile("[十百千万]+")


def order_of_magnitude(figure, doc, earlier):
    if figure.at < 1 or figure.qualifier != "exact" or not _MAGNITUDE.match(doc.norm, figure.at):
        return figure
    for cue in doc.reference.words("qualifier", "before_magnitude"):
        begin = figure.at - len(cue.word)
        found = cue.pattern.match(doc.norm, begin) if begin >= figure.clause[0] else None
        if found and found.end() == figure.at:
            figure.qualifier = cue.code
            figure.notes.append(f"{cue.word} before an order of magnitude: {cue.code}")
            return figure
    return figure
