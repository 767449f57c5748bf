"""The cluster as the text names it: 电子信息业 and 先进装备制造业 with their 业 (reviewers write the word
whole, not the alias inside it), and in 电子信息制造业 the specific 电子信息 rather than the 制造业 it is a
kind of."""

from __future__ import annotations

from ..places import last_mention_of_its_cluster, within
from ..script import simplified

_SUFFIX = "业"  # 电子信息 + 业: the industry's own word


def as_the_text_names_it(figure, doc, earlier):
    if not figure.cluster or figure.at < 0:
        return figure
    mention = last_mention_of_its_cluster(figure, doc)
    if mention is None:
        return figure
    norm = doc.norm
    before = [m for m in within(doc.clusters, (figure.sentence[0], mention.start)) if m.end == mention.start]
    if before:  # 电子信息制造业: 电子信息 is the kind of 制造业 it is
        mention = before[-1]
        figure.cluster = doc.text.name(mention.start, mention.end)
    if norm.startswith(_SUFFIX, mention.end) and not norm.startswith(_SUFFIX, mention.end - 1):
        figure.cluster = doc.text.name(mention.start, mention.end + 1)
        if simplified(figure.cluster) not in doc.reference.clusters:  # the load resolves it through an alias
            figure.notes.append(f"cluster {figure.cluster} not in reference/cluster_aliases.csv: add it or correct it")
    return figure
