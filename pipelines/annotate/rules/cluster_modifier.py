"""A kind of an industry the reference knows, written as one word with it (规上高技术制造业, 传统服务业), is the
figure's cluster as the text names it: 高技术制造业, not the 制造业 it is a kind of (raw/README.md: the cluster
as written; the review adds a new name to cluster_aliases.csv, as the note says). The kind runs back from
the known name to the last place, glue word or word before a name (规上, 在: industry_name.name_start), where
a metric's word follows the name, as in a statistic's name (高技术制造业增加值; in 着力整治有色金属产业, 两地铝产业
the words before are a verb and a count, no kind); a kind that is itself a cluster (电子信息制造业) is
cluster_form's, and a kind of one character is none."""

from __future__ import annotations

import re

from ..places import last_mention_of_its_cluster, within
from ..script import simplified
from .industry_name import NAME_REACH, measured_after, name_start

MIN_KIND = 2  # characters of a kind before the name (高技术); 新 or 大 alone is no kind
_COUNT = re.compile("[一二两三四五六七八九十]")  # 两地铝产业: a count of places, no kind
HEAD = ("业", "集群", "产业链")  # the names a kind is written onto: 制造业, 产业, 产业集群, 产业链


def its_kind(figure, doc, earlier):
    if not figure.cluster or figure.at < 0 or not simplified(figure.cluster).endswith(HEAD):
        return figure
    mention = last_mention_of_its_cluster(figure, doc)
    if mention is None:
        return figure
    begin = name_start(doc, max(figure.sentence[0], mention.start - NAME_REACH), mention.start + 1)
    # only a statistic's name (高技术制造业增加值): a verb before a name (整治有色金属产业) is no kind
    if not measured_after(doc, mention.start, mention.end, figure.at):
        return figure
    kind = doc.norm[begin : mention.start]
    if len(kind) < MIN_KIND or _COUNT.search(kind) or within(doc.clusters, (begin, mention.start)):
        return figure
    figure.cluster = doc.text.name(begin, mention.end)
    figure.notes.append(f"cluster {figure.cluster}: a kind of {doc.text.span(mention.start, mention.end)}")
    if simplified(figure.cluster) not in doc.reference.clusters:
        figure.notes.append(f"cluster {figure.cluster} not in reference/cluster_aliases.csv: add it or correct it")
    return figure
