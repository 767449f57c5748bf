"""A list of amounts, one per place or item, measures one industry named once: before it in a lead that names
what the list measures (说说两地的氧化铝产能。柳州260万吨,南宁200万吨; a heading line 氧化铝产能 over its items), or
in its first item (柳州氧化铝产能260万吨,南宁200万吨; 铝产业对比:\\n柳州:产值300亿元\\n南宁:产值150亿元). Each
amount is that industry's, as each takes the lead's metric (lead_metric.py), and as a cluster named in a figure's
own clause is its (柳州的氧化铝产能有260万吨 drafts 氧化铝). An item naming something of its own beside its place
(南宁电解铝产能50万吨: own_cluster.names_its_own) is not the list's, and a cluster another rule took off on
purpose stays off."""

from __future__ import annotations

import re

from ..places import within
from .cluster_continued import _took
from .industry_name import COUNTS_OF_CLUSTERS
from .lead_metric import MARK, lead_start
from .own_cluster import names_its_own

_DIGIT = re.compile(r"\d")
_SEPARATOR = re.compile(r"[\s、,;:]*")


def _open(figure) -> bool:
    return (
        not figure.cluster
        and figure.at >= 0
        and figure.metric_code not in COUNTS_OF_CLUSTERS
        and not any(_took(n) for n in figure.notes)
    )


def named_in_the_lead(figure, doc, earlier):
    """The first amount of a list whose metric the lead names: the industry the lead names, no number between."""
    if not _open(figure) or not any(MARK in n for n in figure.notes):
        return figure
    lo = lead_start(doc, figure)
    named = within(doc.clusters, (lo, figure.at))
    if not named or _DIGIT.search(doc.norm, named[-1].end, figure.at):
        return figure
    figure.cluster = doc.text.name(named[-1].start, named[-1].end)
    figure.notes.append(f"cluster {figure.cluster}: named in the lead before its list")
    return figure


def like_the_item_before(figure, doc, earlier):
    """The next amount of the list: the item before's industry, when this one names nothing but its place."""
    if not _open(figure) or not earlier:
        return figure
    before = earlier[-1]
    if not before.cluster or before.metric_code != figure.metric_code or before.unit_end < 0:
        return figure
    if not 0 <= before.unit_end <= figure.clause[0] or names_its_own(figure, doc):
        return figure
    gap = doc.norm[before.unit_end : figure.clause[0]]
    for place in within(doc.places, (before.unit_end, figure.clause[0])):  # 南宁: labels the item
        gap = gap.replace(place.name, " ")
    if not _SEPARATOR.fullmatch(gap) or gap.count("\n") > 1:
        return figure  # only a separator, an item's place or one line break between the two items
    figure.cluster = before.cluster
    figure.notes.append(f"cluster {figure.cluster}: listed after {before.value}{before.unit} of the same measure")
    return figure
