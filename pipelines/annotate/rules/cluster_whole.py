"""An industry's whole name, as the statistics write it, where the reference knows its first words only:
电力、热力、燃气及水生产和供应业 (not 电力), 木材加工及木制品业 (not 木材加工). The name runs on from the known
words, joined by 、 or 及/和/与, to the 业 that ends it, within its clause, past no 等 (电力、钢铁等行业 is a
group) and no other cluster the reference knows (电力、钢铁业 lists two)."""

from __future__ import annotations

import re
from functools import lru_cache

from ..places import last_mention_of_its_cluster, within
from ..script import simplified


@lru_cache(maxsize=8)
def _rest(joiners: str, group_end: str) -> re.Pattern:
    """The rest of the name: parts joined by 、 or a joiner word (cue_words.csv, cue_kind list), no
    punctuation but 、, no 等, ending in 业 (not 业务, 业绩)."""
    part = rf"(?:(?!{group_end})[^,;:。!?\s\d])"
    return re.compile(rf"[\u4e00-\u9fff、]{{0,20}}?(?:、|{joiners}){part}{{1,16}}?业(?![务绩])")


def its_whole_name(figure, doc, earlier):
    if not figure.cluster or figure.at < 0:
        return figure
    mention = last_mention_of_its_cluster(figure, doc)
    if mention is None:
        return figure
    group_end = doc.reference.alternation("list", "group_end")
    rest = _rest(doc.reference.alternation("list", "joiner"), group_end).match(doc.norm, mention.end, figure.at)
    if rest is None or re.search(group_end, rest.group()) or within(doc.clusters, (mention.end, rest.end())):
        return figure
    figure.cluster = doc.text.name(mention.start, rest.end())
    if simplified(figure.cluster) not in doc.reference.clusters:
        figure.notes.append(f"cluster {figure.cluster} not in reference/cluster_aliases.csv: add it or correct it")
    return figure
