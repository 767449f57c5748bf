"""Which capacity (or other amount of a shared cue word) a rate, share or rank is of, when no amount stands
before it to say: 百色氧化铝产能占全国的10%, 电解铝产能增长15%, 发动机产能占全国的20% — 产能 is a cue of
capacity_energy, capacity_tonnes and capacity_units alike, and a rate has no unit to choose by, so extract took the
first in catalogue order (energy). The product does: its amounts were annotated elsewhere in a measure (氧化铝 in
tonnes, 发动机 in units; reference.subject_metrics), and the metric of that measure that shares the cue word is the
one meant. product_metric.py resolves a production word the same way; this reads the measure, so a capacity, a
production or a sale of a known product are all put in the product's measure."""

from __future__ import annotations

from ..script import plain

KINDS = ("rate", "share", "rank")


def in_the_products_measure(figure, doc, earlier):
    if figure.at < 0 or not figure.rate_of_metric_code or not figure.subject:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind not in KINDS:
        return figure
    known = reference.subject_metrics.get(plain(figure.subject))
    if known is None:
        return figure
    taken = reference.metric(figure.rate_of_metric_code)
    measure = reference.metric(known).unit_measure
    if taken.unit_measure == measure:
        return figure
    shared = set(taken.cues)
    fitting = next(
        (m for m in reference.metrics if m.unit_measure == measure and m.kind == taken.kind and shared & set(m.cues)),
        None,
    )
    if fitting is None:
        return figure
    figure.notes.append(
        f"{figure.subject}'s amounts are in {measure} (annotated elsewhere): {fitting.code}, not {taken.code}"
    )
    figure.rate_of_metric_code = fitting.code
    return figure
