"""A paragraph that opens by naming its topic (在新能源工程机械上, 在新能源汽车产业方面) is about that industry:
its figures that name no cluster of their own take the topic, as written between the frame's words, and so
does a figure whose only cluster word lies inside the topic (新能源 of 新能源工程机械). The topic may be a name
the reference does not hold yet (新能源工程机械): it must hold a cluster word the reference knows, or it is no
industry (在今年的全国两会上, 在惠企政策方面). Where the figure's sentence writes the topic shorter (新能源汽车
of 在新能源汽车产业上), its cluster is written so. Frame words: cue_words.csv, cue_kind cluster_frame, code topic
(before_topic 在, after_topic 上 / 方面)."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from ..places import within
from ..script import simplified
from .industry_name import metric_words

TOPIC_REACH = 16  # characters of a topic's name (智能终端及机器人产业)


@lru_cache(maxsize=8)
def _frame(before: str, after: str) -> re.Pattern:
    """在X上, at the very start of a paragraph (leading spaces aside), X with no punctuation."""
    return re.compile(rf"\s*(?:{before})([^\s,;:。!?、\d]{{2,{TOPIC_REACH}}}?)(?:{after})[,:]")


def _topic(doc, at: int) -> tuple[int, int] | None:
    """Where the topic of the paragraph holding `at` is written, if the paragraph opens with one."""
    index = bisect_right(doc.paragraphs, at, key=lambda p: p[0]) - 1  # by bisection: no pass per figure
    if index < 0:
        return None
    paragraph = doc.paragraphs[index]
    reference = doc.reference
    found = _frame(
        reference.alternation("cluster_frame", "topic", "before_topic"),
        reference.alternation("cluster_frame", "topic", "after_topic"),
    ).match(doc.norm, paragraph[0], at)
    if found is None or not within(doc.clusters, found.span(1)):
        return None
    return found.span(1)


def _opens_a_noun(doc, mention) -> bool:
    """Whether a cluster word only opens a longer noun, a product's (电子电控, 土方机械行业标准): a Chinese
    character right after it that starts no metric word, verb or glue word (新能源汽车完成生产, 汽车产量)."""
    norm, end = doc.norm, mention.end
    if end >= len(norm) or not ("\u4e00" <= norm[end] <= "\u9fff"):
        return False
    reference = doc.reference
    words = metric_words(reference) + reference.words_of("subject", "noun_end", "after_noun")
    return not norm.startswith(words + reference.words_of("glue", "no_what") + reference.words_of("list"), end)


def of_the_paragraph(figure, doc, earlier):
    if figure.at < 0:
        return figure
    topic = _topic(doc, figure.at)
    if topic is None or figure.at < topic[1]:
        return figure
    if figure.cluster:
        name = simplified(figure.cluster)
        named = [m for m in within(doc.clusters, (figure.sentence[0], figure.at)) if m.name == name]
        own = [m for m in named if not (topic[0] <= m.start and m.end <= topic[1])]
        if any(not _opens_a_noun(doc, m) for m in own):
            return figure  # a cluster of its own, named outside the topic
    figure.cluster = doc.text.name(*topic)
    name = simplified(figure.cluster)
    short = [
        m
        for m in within(doc.clusters, (max(figure.sentence[0], topic[1]), figure.at))
        if name.startswith(m.name) and m.name != name
    ]
    if short:  # 在新能源汽车产业上,…新能源汽车渗透率达64.9%: the topic as the sentence writes it
        figure.cluster = doc.text.name(short[-1].start, short[-1].end)
    figure.notes = [n for n in figure.notes if not n.startswith("cluster ")]
    figure.notes.append(f"cluster {figure.cluster}: the topic its paragraph opens with")
    if simplified(figure.cluster) not in doc.reference.clusters:
        figure.notes.append(f"cluster {figure.cluster} not in reference/cluster_aliases.csv: add it or correct it")
    return figure
