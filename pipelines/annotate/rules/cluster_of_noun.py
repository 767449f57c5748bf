"""A count whose cluster word only opens the noun counted (广西智能制造标杆企业、智能工厂、数字化车间149家: 标杆企业
of 智能制造, counted with others) is of no cluster: the word names a kind of thing counted, not an industry the
figure is about. A scope after the word (有色金属规模以上企业整合至26家) keeps it: the cluster's enterprises."""

from __future__ import annotations

from ..places import last_mention_of_its_cluster
from .topic_frame import _opens_a_noun


def opens_the_noun(figure, doc, earlier):
    if not figure.cluster or figure.at < 0 or doc.reference.metric(figure.metric_code).kind != "count":
        return figure
    mention = last_mention_of_its_cluster(figure, doc)
    if mention is None or not _opens_a_noun(doc, mention):
        return figure
    if doc.norm.startswith(doc.reference.words_of("scope", "above_size"), mention.end):
        return figure  # 有色金属规模以上企业: the cluster's enterprises above the size threshold
    figure.notes.append(f"cluster {figure.cluster} opens the noun counted: left empty")
    figure.cluster = ""
    return figure
