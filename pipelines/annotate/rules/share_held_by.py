"""A share followed by 的 and a noun is held by that noun (docs/codes.md, Subjects: what the figure is of):
占据广西规上工业企业数20%的农副食品加工和木材加工业企业 → 农副食品加工和木材加工业企业, 占全市规上工业总产值60%以上
的四大主导产业 → 四大主导产业. What follows 占 is the whole (subject_share.py); the words after the percent and its
qualifier (以上, 左右), joined by 的, name the part, up to the clause's end. A noun opening a phrase that goes on
(的企业成功跻身…) is no more than a part of what the share is of, and is left to the analyst."""

from __future__ import annotations

import re

from . import subject_share

SHARE = "share"
_HELD_BY = re.compile(r"的([\u4e00-\u9fff、]{2,20})\s*$")


def held_by(figure, doc) -> re.Match | None:
    """The 的 and noun after a share's percent and qualifier that hold the share (group 1: the noun); None if none."""
    if figure.metric_code != SHARE or figure.at < 0 or figure.unit_end < 0:
        return None
    norm = doc.norm
    if not subject_share._SHARE_CUE.search(norm, figure.clause[0], figure.at):
        return None  # 7.14%的企业成功跻身…: no 占, the percent is of a set the sentence names elsewhere
    after = figure.unit_end
    qualifier = re.compile(doc.reference.alternation("qualifier", position="after_unit")).match(norm, after)
    if qualifier:
        after = qualifier.end()
    held = _HELD_BY.match(norm, after, figure.clause[1])
    if held and not held.group(1).startswith("、") and not held.group(1).endswith("、"):
        return held
    return None


def of_the_noun_after(figure, doc, earlier):
    if figure.subject:
        return figure
    held = held_by(figure, doc)
    if held is not None:
        figure.subject = doc.text.span(*held.span(1))
    return figure
