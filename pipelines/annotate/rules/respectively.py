"""南宁、柳州、桂林分别为X、Y、Z: the listed places pair one to one with the values after 分别, in order;
when 分别's clause names none, the places the sentence's clauses open with (平果市…,靖西市…,分别增长X和Y)."""

from __future__ import annotations

import re

_RESPECTIVELY = re.compile(r"分别")


def pair_places(figure, doc, earlier):
    if figure.at < 0:
        return figure
    sentence = figure.sentence
    word = None
    for match in _RESPECTIVELY.finditer(doc.norm, sentence[0], figure.at):
        word = match
    if word is None:
        return figure
    head = doc.norm[sentence[0] : word.start()]
    word_clause = sentence[0] + max(head.rfind(c) for c in ",;:") + 1  # -1 + 1: the sentence start
    listed = [m for m in doc.places if word_clause <= m.start and m.end <= word.start()]
    keys = list(dict.fromkeys(m.key for m in listed))
    if len(keys) < 2:  # 平果市产值400亿元,靖西市200亿元,分别增长17%和10%: the places of the sentence's clauses
        listed = [m for m in doc.places if sentence[0] <= m.start and m.end <= word.start()]
        keys = list(dict.fromkeys(m.key for m in listed))
    if len(keys) < 2:
        return figure
    same = [f for f in earlier if f.at > word.end() and f.at < figure.at and f.unit == figure.unit]
    index = len(same)
    if index >= len(keys):
        return figure
    chosen = next(m for m in listed if m.key == keys[index])
    figure.place, figure.place_key = doc.text.name(chosen.start, chosen.end), chosen.key
    figure.notes.append(f"分别: place {index + 1} of the list paired with value {index + 1}")
    return figure


def pair_clusters(figure, doc, earlier):
    """铝产业和新材料产业产值分别为280亿元和95亿元: the listed industries pair one to one with the values after
    分别, in order, as places do (pair_places); the values of one unit after 分别 count the figure's index."""
    if figure.at < 0:
        return figure
    sentence = figure.sentence
    word = None
    for match in _RESPECTIVELY.finditer(doc.norm, sentence[0], figure.at):
        word = match
    if word is None:
        return figure
    head = doc.norm[sentence[0] : word.start()]
    word_clause = sentence[0] + max(head.rfind(c) for c in ",;:") + 1
    listed = [m for m in doc.clusters if word_clause <= m.start and m.end <= word.start()]
    if len(dict.fromkeys(m.key for m in listed)) < 2:  # …分别为280亿元和95亿元,分别增长12%和20%: the sentence's
        listed = [m for m in doc.clusters if sentence[0] <= m.start and m.end <= word.start()]
    keys = list(dict.fromkeys(m.key for m in listed))
    same = [f for f in earlier if word.end() < f.at < figure.at and f.unit == figure.unit]
    if len(keys) < 2 or len(same) >= len(keys):
        return figure
    chosen = next(m for m in listed if m.key == keys[len(same)])
    figure.cluster = doc.text.span(chosen.start, chosen.end)
    figure.notes.append(f"分别: industry {len(same) + 1} of the list paired with value {len(same) + 1}")
    return figure
