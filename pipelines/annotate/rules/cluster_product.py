"""A product in a list of products' outputs is no industry: a statistics release's 其中,化学药品原药产量同比增长
36.0%,氧化铝增长29.3%,瓷质砖增长28.8%,钢材增长25.6%,汽车增长15.9% lists what was produced, and 氧化铝 or 汽车
there is the product (the subject), not the cluster, though the reference knows the word as a cluster. A list
is of products where it has at least MIN_ITEMS clauses each naming an item before its number, and fewer than
half of them name a cluster or an industry (a name ending in 业, 集群 or 产业链); a list of industries (汽车、工程机械、
内燃机产量…, 采矿业增长5%,制造业增长7%) keeps its clusters. Only a production volume or its rate is read so."""

from __future__ import annotations

import re
from bisect import bisect_left

from ..places import within
from .industry_name import _NAME_END, metric_words

MIN_ITEMS = 3  # a list, not a pair of figures
_PRODUCTION = "production_"  # metrics.csv: the production volumes (产量) and nothing else


def _items(doc, sentence: tuple[int, int]) -> tuple[int, int]:
    """(clauses of the sentence naming an item before their number, those whose item is an industry)."""
    norm = doc.norm
    words = re.compile(
        "|".join(map(re.escape, metric_words(doc.reference) + doc.reference.words_of("direction"))) or "(?!)"
    )
    items = industries = 0
    for clause in within_clauses(doc, sentence):
        digit = re.search(r"\d", norm[clause[0] : clause[1]])
        if digit is None:
            continue
        at = clause[0] + digit.start()
        cue = words.search(norm, clause[0], at)
        end = cue.start() if cue else at
        name = re.sub(r"[^\u4e00-\u9fff]", "", norm[clause[0] : end])
        if len(name) < 2:
            continue
        items += 1
        ending = _NAME_END.search(name[-3:])
        if within(doc.clusters, (clause[0], end)) or (ending and name.endswith(ending.group())):
            industries += 1
    return items, industries


def within_clauses(doc, sentence: tuple[int, int]) -> list[tuple[int, int]]:
    """The clauses that start in the sentence, by bisection: no pass over the document's clauses per sentence."""
    return doc.clauses[
        bisect_left(doc.clauses, sentence[0], key=lambda c: c[0]) : bisect_left(
            doc.clauses, sentence[1], key=lambda c: c[0]
        )
    ]


def not_of_a_product_list(figure, doc, earlier):
    if not figure.cluster or figure.at < 0:
        return figure
    production = figure.metric_code.startswith(_PRODUCTION) or (figure.rate_of_metric_code or "").startswith(
        _PRODUCTION
    )
    if not production:
        return figure
    items, industries = doc.once(("cluster_product", figure.sentence), lambda d: _items(d, figure.sentence))
    if items < MIN_ITEMS or 2 * industries >= items:
        return figure
    figure.notes.append(f"cluster {figure.cluster}: a product in a list of products' outputs, no industry: left empty")
    figure.cluster = ""
    return figure
