"""A sum of money with no cue word of its own, right after a count of projects in its sentence, is what those
projects invest: 全市签约引进项目85个,签约金额560亿元; 全年开工项目120个,总额300亿元 (investment, as
project_investment.py reads a project's 累计完成84亿元). extract guessed output value from 亿元; a project's
amount is no output. The count and the sum stand in one sentence within REACH characters, with no other number
between them."""

from __future__ import annotations

import re

from ..script import simplified
from .same_count import GUESSED

INVESTMENT = "investment"
PROJECT_COUNT = "project_count"
REACH = 30
_NUMBER = re.compile(r"\d")


def invested(figure, doc, earlier):
    guessed = GUESSED.format(figure.metric_code)
    if figure.at < 0 or guessed not in figure.notes or not earlier:
        return figure
    reference = doc.reference
    taken, investment = reference.metric(figure.metric_code), reference.metric(INVESTMENT)
    if taken.kind != "level" or investment.unit_measure not in reference.units.get(simplified(figure.unit), set()):
        return figure
    count = earlier[-1]
    if count.metric_code != PROJECT_COUNT or count.at < max(figure.sentence[0], figure.at - REACH):
        return figure
    if _NUMBER.search(doc.norm, count.unit_end, figure.at):
        return figure
    figure.notes = [n for n in figure.notes if n != guessed]
    figure.metric_code = INVESTMENT
    figure.notes.append(f"metric investment: the sum of the projects counted before it ({count.value}{count.unit})")
    return figure
