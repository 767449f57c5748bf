"""A figure whose sentence names its cluster only after the number (五菱宏光MNEV上市200天销量突破20万辆,成为全球
小型新能源汽车销量纪录新的创造者) is that cluster's, as reviewers write it: the first cluster word after its unit
in its sentence, with no other number between them (then the word is the next figure's) and none after it in the
sentence (其中汽车产业增长10%: the word opens a figure of its own), and followed by a metric's word, as what is
measured (新能源汽车销量), not a company's or a list's name (三诺电子、, …不锈钢有限公司)."""

from __future__ import annotations

import re

from ..places import within
from .cluster_name import _name_end
from .industry_name import COUNTS_OF_CLUSTERS, NEW_NAME, metric_words

_NUMBER = re.compile(r"[0-9０-９]")


def _took(note: str) -> bool:
    """A note of a rule that took a drafted cluster off on purpose: left as that rule decided."""
    return note.startswith("cluster ") and not note.endswith(NEW_NAME)


def named_after_the_number(figure, doc, earlier):
    if figure.cluster or figure.at < 0 or figure.unit_end < 0 or figure.metric_code in COUNTS_OF_CLUSTERS:
        return figure
    if any(_took(n) for n in figure.notes):
        return figure
    sentence_end = figure.sentence[1]
    after = within(doc.clusters, (figure.unit_end, sentence_end))
    if not after:
        return figure
    mention = after[0]
    norm = doc.norm
    if _NUMBER.search(norm, figure.unit_end, mention.start) or _NUMBER.search(norm, mention.end, sentence_end):
        return figure
    if not norm.startswith(metric_words(doc.reference), mention.end):
        return figure  # 三诺电子、, 支柱产业。: no measure of the cluster follows
    if _name_end(doc.reference).match(norm, mention.end, sentence_end):
        return figure  # …不锈钢有限公司: the cluster word opens a name
    figure.cluster = doc.text.name(mention.start, mention.end)
    figure.notes.append(f"cluster {figure.cluster}: named after the number in its sentence")
    return figure
