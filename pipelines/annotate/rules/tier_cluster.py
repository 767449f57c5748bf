"""A size tier set for a cluster it names only after it (聚力培育千亿级、五百亿级产业集群, 打造千亿级产业集群) is
that cluster's, as reviewers write it: the cluster word right after the tier, past other tiers of the same
list, when no cluster is named before it (a named one before, 打造电子信息千亿元产业, is the tier's)."""

from __future__ import annotations

import re

from ..places import within

# between a tier and the cluster word: other tiers of its list (、五百亿级), nothing else
_OTHER_TIERS = re.compile(r"[、和及与0-9.〇零一二两三四五六七八九十百千万亿级元]*")


def named_after_it(figure, doc, earlier):
    if figure.cluster or figure.unit_end < 0 or "size tier" not in figure.notes:
        return figure
    if doc.reference.metric(figure.metric_code).kind == "count":
        return figure  # 两个万亿级产业集群 counts clusters: of no one cluster
    after = within(doc.clusters, (figure.unit_end, figure.clause[1]))
    if not after:
        return figure
    mention = after[0]
    if _OTHER_TIERS.fullmatch(doc.norm, figure.unit_end, mention.start) is None:
        return figure
    figure.cluster = doc.text.name(mention.start, mention.end)
    figure.notes.append(f"cluster {figure.cluster}: named after the tier")
    return figure
