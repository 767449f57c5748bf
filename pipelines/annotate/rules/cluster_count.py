"""A count of clusters is of no one cluster (钢铁、有色、食品3个三千亿: three industries at a tier; 6个先进制造业
集群): extract leaves the cluster empty for such a count, but a rule may make a count one only after the
cluster was drafted (size_tier: item_count → size_tier_count), so the cluster is taken off again here."""

from __future__ import annotations

from .industry_name import COUNTS_OF_CLUSTERS


def of_no_one_cluster(figure, doc, earlier):
    if not figure.cluster or figure.metric_code not in COUNTS_OF_CLUSTERS:
        return figure
    figure.notes.append(
        f"cluster {figure.cluster}: a count of clusters ({figure.metric_code}) is of no one: left empty"
    )
    figure.cluster = ""
    return figure
