"""南宁、柳州、桂林分别为X、Y、Z: the listed places pair one to one with the values after 分别 (or 分列, 依次:
cue_kind list, code respectively), in order;
when 分别's clause names none, the places the sentence's clauses open with (平果市…,靖西市…,分别增长X和Y).
Listed industries pair the same way (铝产业和新材料产业产值分别为280亿元和95亿元)."""

from __future__ import annotations

import re

from .comparison_place import is_comparison
from .mentions import starting_in


def _paired(figure, doc, earlier, mentions, compared=lambda m: False):
    """The mention of `mentions` (places or clusters) listed before the figure's 分别 that pairs with it, and
    its index: the values of the figure's unit after 分别 count the figure's place in the list."""
    sentence = figure.sentence
    word = None
    for match in doc.reference.cue("list", "respectively").finditer(doc.norm, sentence[0], figure.at):
        word = match
    if word is None:
        return None
    head = doc.norm[sentence[0] : word.start()]
    word_clause = sentence[0] + max(head.rfind(c) for c in ",;:") + 1  # -1 + 1: the sentence start
    listed = [m for m in mentions if word_clause <= m.start and m.end <= word.start() and not compared(m)]
    if len(dict.fromkeys(m.key for m in listed)) < 2:  # 平果市产值400亿元,靖西市200亿元,分别增长17%和10%
        listed = [m for m in mentions if sentence[0] <= m.start and m.end <= word.start() and not compared(m)]
    keys = list(dict.fromkeys(m.key for m in listed))
    same_unit = sum(1 for f in earlier if word.end() < f.at < figure.at and f.unit == figure.unit)
    index = max(same_unit, _run_before(figure, earlier, word.end(), doc.norm))
    if len(keys) < 2 or index >= len(keys):
        return None
    return next(m for m in listed if m.key == keys[index]), index


_JOINED = re.compile(r"\s*(?:[、,和及与]|以及)\s*")


def _run_before(figure, earlier, after: int, norm: str) -> int:
    """How many values after 分别 stand right before the figure in one list, whatever their units
    (柳州汽车产量、南宁电子信息产值分别达到190万辆、1000亿元: 1000亿元 is the second)."""
    run, at = 0, figure.at
    for before in reversed(earlier):
        if before.at <= after or before.unit_end < 0 or before.at >= at:
            break
        if not _JOINED.fullmatch(norm, before.unit_end, at):
            break
        run, at = run + 1, before.at
    return run


def pair_places(figure, doc, earlier):
    # 增速比全国、全区分别高2.6个、0.6个百分点: places compared with are no items of the figure's list
    compared = lambda m: is_comparison(doc.norm, m.start, m.end, doc.reference)  # noqa: E731
    paired = None if figure.at < 0 else _paired(figure, doc, earlier, _within_sentence(doc, figure), compared)
    if paired is None:
        return figure
    chosen, index = paired
    figure.place, figure.place_key = doc.text.name(chosen.start, chosen.end), chosen.key
    figure.notes.append(f"分别: place {index + 1} of the list paired with value {index + 1}")
    return figure


def _within_sentence(doc, figure) -> list:
    return starting_in(doc.places, figure.sentence[0], figure.sentence[1])


def pair_clusters(figure, doc, earlier):
    paired = None if figure.at < 0 else _paired(figure, doc, earlier, doc.clusters)
    if paired is None:
        return figure
    chosen, index = paired
    figure.cluster = doc.text.span(chosen.start, chosen.end)
    figure.notes.append(f"分别: industry {index + 1} of the list paired with value {index + 1}")
    return figure
