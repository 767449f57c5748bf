"""Which production a rate is of, when its cue word is one several metrics share: 化学药品原药产量同比增长36.0%,
氧化铝增长29.3%, 汽车增长15.9% — 产量 is a cue of production_vehicles, production_tonnes and production_units
alike, and a rate has no unit to choose by, so extract took the first in catalogue order (vehicles) for all.
The product (the subject, rules/subject.py) says which: as annotated in the other documents (raw/figures:
钢材 production_tonnes, 发动机 production_units; reference.subject_metrics). Only a metric that shares a cue
word with the one taken is put in its place: the product resolves the shared word, never another amount."""

from __future__ import annotations

from ..script import simplified

KINDS = ("rate", "share", "rank")


def of_its_product(figure, doc, earlier):
    if figure.at < 0 or not figure.rate_of_metric_code or not figure.subject:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind not in KINDS:
        return figure
    known = reference.subject_metrics.get(simplified(figure.subject))
    if known is None or known == figure.rate_of_metric_code:
        return figure
    taken = reference.metric(figure.rate_of_metric_code)
    if not set(taken.cues) & set(reference.metric(known).cues):
        return figure
    figure.notes.append(f"{figure.subject}'s amounts are {known} (annotated elsewhere), not {taken.code}")
    figure.rate_of_metric_code = known
    return figure
