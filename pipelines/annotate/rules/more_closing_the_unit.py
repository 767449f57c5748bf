"""多 or 余 right after a unit that closes its clause says "more than": 增长2倍多, 提高2个百分点多, 产值1200亿元多
are more than 2倍, 2个百分点, 1200亿元, as 4000多台 is (raw/README.md, qualifier: 多/余 → more_than). units.py
reads the word only between the number and its unit; after the unit it counts only where nothing follows in
the clause but 的 (增长2倍多的企业): 1000万元多晶硅项目 is a product's name (cue_words.csv qualifier closing_unit)."""

from __future__ import annotations

import re

_CLOSES = re.compile(r"\s*(?:[,;:。!?、)\n的]|$)")


def _words(reference) -> re.Pattern:
    return re.compile(reference.alternation("qualifier", None, "closing_unit"))


def after_the_unit(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact" or figure.unit_end < 0:
        return figure
    norm = doc.norm
    word = doc.reference.pattern("more_closing_the_unit", _words).match(norm, figure.unit_end)
    if word is None or not _CLOSES.match(norm, word.end()):
        return figure
    code = next(c.code for c in doc.reference.words("qualifier", "closing_unit") if c.word == word.group())
    figure.qualifier = code
    figure.notes.append(f"{word.group()} closing the unit: {code}")
    if figure.evidence.endswith(figure.unit):  # the span takes the word, as it takes 以上
        figure.evidence += doc.text.span(word.start(), word.end())
    return figure
