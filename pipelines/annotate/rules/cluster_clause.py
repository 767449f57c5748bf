"""A cluster named in an earlier clause of the sentence is no figure's whose own clause names what it
measures: in 已初步形成新能源、造纸、化工为核心的产业体系,规上工业总产值年均增长率达57% the growth is of
all industry above designated size, not of 化工; in 打造制造业创新平台,…,推进建设24家成果转化中试基地 the
count is of pilot bases. A clause that only says how much (产值544亿元,同比增长33.7%) keeps the cluster
(own_cluster.names_its_own), and so does a clause that the cluster closes, the sentence's topic
(河池整治有色金属产业,关停企业达96家)."""

from __future__ import annotations

import re

from ..places import last_mention_of_its_cluster
from .own_cluster import names_its_own

_CLAUSE_END = re.compile(r"[,;:。!?\n]")  # as extract.py cuts clauses
TOPIC_TAIL = 2  # characters after a cluster's name that may close a clause it is the topic of (…产业,)


def named_in_its_clause(figure, doc, earlier):
    if not figure.cluster or figure.at < 0:
        return figure
    mention = last_mention_of_its_cluster(figure, doc)
    if mention is None or mention.end > figure.clause[0]:
        return figure  # named in its own clause
    if _CLAUSE_END.search(doc.norm, mention.end, mention.end + TOPIC_TAIL + 1):
        return figure  # the clause before is about the cluster itself: its topic
    if not names_its_own(figure, doc):
        return figure
    figure.notes.append(f"cluster {figure.cluster} named in an earlier clause that is not this figure's: left empty")
    figure.cluster = ""
    return figure
