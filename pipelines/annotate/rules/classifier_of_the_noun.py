"""X大 read as X 个 takes the classifier its noun is counted in: 企业提质增效四大行动 is 4 项 (seed 002-062),
as 三项机制 and 五项具体措施 write it; 六大产业集群 stays 个. The nouns counted in 项 are reference data
(cue_words.csv: counted, item, after_unit)."""

from __future__ import annotations

import re

_READ_FROM_DA = "unit read from"


def _item_nouns(reference) -> re.Pattern:
    return re.compile(rf"\s*(?:{reference.alternation('counted', 'item', 'after_unit')})")


def in_its_classifier(figure, doc, earlier):
    if figure.at < 0 or not any(n.startswith(_READ_FROM_DA) for n in figure.notes):
        return figure
    if not doc.reference.pattern("item_nouns", _item_nouns).match(doc.norm, figure.unit_end):
        return figure
    figure.unit = "項" if figure.unit == "個" else "项"
    return figure
