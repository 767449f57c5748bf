"""A listed item that names a measure is no cluster: in 继续保持全区工业投资总量、增速第一 the items are two
measures of one ranking (投资, 增速: metric cue words of metrics.csv), and the rows keep them apart in their
evidence, not in the cluster column. An item with no such word stays, known to the reference or not
(乘用车、电解铜产量进入全国前五: products; 铜基新材料: a cluster not yet in cluster_aliases.csv)."""

from __future__ import annotations

from ..script import simplified
from .list_item import LISTED

MEASURES = ("level", "rate", "share")


def not_a_measure(figure, doc, earlier):
    if not figure.cluster or not any(note.startswith(LISTED) for note in figure.notes):
        return figure
    item = simplified(figure.cluster)
    if item in doc.reference.clusters:
        return figure
    # a level's, rate's or share's word (投资, 增速); a count's words are things (技术, 产业园) a cluster may hold
    cue = next((c for m in doc.reference.metrics if m.kind in MEASURES for c in m.cues if c in item), None)
    if cue is None:
        return figure
    figure.notes = [n for n in figure.notes if "not in reference/cluster_aliases.csv" not in n]
    figure.notes.append(f"listed item {figure.cluster} names a measure ({cue}), no cluster: left empty")
    figure.cluster = ""
    return figure
