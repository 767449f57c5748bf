"""A cluster named as one example of a group (机械、电子信息、医药及医疗器械等行业占比超90%, 新增…碳基新材料等
29个工业项目) is no figure's own: the figure is of the group, which no one cluster names. A size tier's list
is split into one row per item before this (list_item), and keeps its items."""

from __future__ import annotations

import re
from functools import lru_cache

from ..places import last_mention_of_its_cluster
from .list_item import LISTED


@lru_cache(maxsize=8)
def _examples(joiners: str, group_end: str) -> re.Pattern:
    """X等, X、Y及Z等: the listed examples of a group, ending at 等 (cue_words.csv, cue_kind list)."""
    return re.compile(rf"(?:(?:、|{joiners})(?:(?!{group_end})[^,;:。!?\d、]){{1,12}})*(?:{group_end})")


def not_one_of_a_group(figure, doc, earlier):
    if not figure.cluster or figure.at < 0 or any(n == "size tier" or n.startswith(LISTED) for n in figure.notes):
        return figure  # a list split into one row per item (list_item) keeps its items
    mention = last_mention_of_its_cluster(figure, doc, figure.clause[0])
    if mention is None or not _examples(
        doc.reference.alternation("list", "joiner"), doc.reference.alternation("list", "group_end")
    ).match(doc.norm, mention.end, figure.at):
        return figure
    figure.notes.append(f"cluster {figure.cluster} is one example of a group (…等): left empty")
    figure.cluster = ""
    return figure
