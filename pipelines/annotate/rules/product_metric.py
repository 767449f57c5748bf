"""Which production a rate is of, when its cue word is one several metrics share: 化学药品原药产量同比增长36.0%,
氧化铝增长29.3%, 汽车增长15.9% — 产量 is a cue of production_vehicles, production_tonnes and production_units
alike, and a rate has no unit to choose by, so extract took the first in catalogue order (vehicles) for all.
The product (the subject, rules/subject.py) says which: as annotated in the other documents (raw/figures:
钢材 production_tonnes, 发动机 production_units; reference.subject_metrics). Only a metric that shares a cue
word with the one taken is put in its place: the product resolves the shared word, never another amount."""

from __future__ import annotations

from collections import Counter

from ..script import plain

KINDS = ("rate", "share", "rank")


def of_its_product(figure, doc, earlier):
    if figure.at < 0 or not figure.rate_of_metric_code or not figure.subject:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind not in KINDS:
        return figure
    taken = reference.metric(figure.rate_of_metric_code)
    product = plain(figure.subject)
    known = reference.subject_metrics.get(product)
    why = f"{figure.subject}'s amounts are {known} (annotated elsewhere)"
    if known is None:  # a product never annotated: the commonest of the metrics the shared word names
        if any(word in product for word in reference.words_of("subject", "metric_noun")):
            return figure  # 新能源汽车: a word the metric taken already says
        known = _commonest_sharing(reference, taken)
        why = f"{figure.subject} not annotated elsewhere: {known}, the commonest metric of annotated products (a guess)"
    if known is None or known == taken.code or not set(taken.cues) & set(reference.metric(known).cues):
        return figure
    figure.notes.append(f"{why}, not {taken.code}")
    figure.rate_of_metric_code = known
    return figure


def _commonest_sharing(reference, taken):
    """Of the metrics that share a cue word with `taken` (产量), the one most annotated products have."""
    counts = Counter(
        code for code in reference.subject_metrics.values() if set(taken.cues) & set(reference.metric(code).cues)
    )
    return counts.most_common(1)[0][0] if counts else None
