"""A share held by the noun after it (占据广西规上工业企业数20%的农副食品加工和木材加工业企业: share_held_by.py) is
that noun's: the noun is the row's subject, and the span ends at the percent and its qualifier (占据广西规上工业企业数
20%; …企业数30%以上), as reviewers cut it on every such row of the seed and development documents."""

from __future__ import annotations

from ..evidence import holds, occurs_more_than_once
from .share_held_by import held_by


def without_the_holder(figure, doc, earlier):
    held = held_by(figure, doc)
    if held is None:
        return figure
    text = doc.text
    span = figure.evidence
    begin = text.original.rfind(span, 0, figure.number_start + len(span))
    cut = text.origin[held.start() - 1] + 1  # after the percent and its qualifier, before 的
    if begin < 0 or begin > figure.number_start or not begin < cut < begin + len(span):
        return figure
    own = text.original[begin:cut].strip()
    if holds(figure.value, own) and not occurs_more_than_once(text, own):
        figure.evidence = own
    return figure
