"""A cluster word inside a proper name is the name's, not the figure's cluster: 金海不锈钢有限公司,
广西石化炼化一体化转型升级项目, 自治区制造业数字化转型升级项目公示名单, 台湾(北海)电子产业园 name a company, a
project, a list and a park, and a figure of them (its investment, its count, a share of the list) is of no cluster. The name runs
from the cluster word, with no punctuation, digit or space, to one of the words that end such a name:
cue_words.csv, cue_kind cluster_frame, code name, position after_cluster."""

from __future__ import annotations

import re

from ..places import within
from ..script import simplified

NAME_REACH = 16  # characters from a cluster word to the end of the name it opens (…炼化一体化转型升级项目)
_KEPT: dict[int, tuple[object, re.Pattern]] = {}


def _name_end(reference) -> re.Pattern:
    """A run of name characters ending in a name-ending word, built once per reference."""
    kept = _KEPT.get(id(reference))
    if kept is not None and kept[0] is reference:
        return kept[1]
    words = reference.cue("cluster_frame", "name").pattern  # with its not_preceded_by
    pattern = re.compile(rf"[\u4e00-\u9fff()（）]{{0,{NAME_REACH}}}?(?:{words})")
    if len(_KEPT) > 8:
        _KEPT.clear()
    _KEPT[id(reference)] = (reference, pattern)
    return pattern


def inside_a_name(figure, doc, earlier):
    if not figure.cluster or figure.at < 0:
        return figure
    name = simplified(figure.cluster)
    named = [
        m for m in within(doc.clusters, (figure.sentence[0], figure.at)) if name.endswith(m.name) or m.name == name
    ]
    if not named:
        return figure
    mention = named[-1]
    found = _name_end(doc.reference).match(doc.norm, mention.end, figure.at)
    if found is None:
        return figure
    figure.notes.append(
        f"cluster {figure.cluster} is part of a name ({doc.text.span(mention.start, found.end())}): left empty"
    )
    figure.cluster = ""
    return figure
