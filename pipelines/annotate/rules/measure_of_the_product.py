"""Which capacity (or other amount of a shared cue word) a rate, share or rank is of, when no amount stands
before it to say: 百色氧化铝产能占全国的10%, 电解铝产能增长15%, 发动机产能占全国的20% — 产能 is a cue of
capacity_energy, capacity_tonnes and capacity_units alike, and a rate has no unit to choose by, so extract took the
first in catalogue order (energy). The product does: its amounts were annotated elsewhere in a measure (氧化铝 in
tonnes, 发动机 in units; reference.subject_metrics), and the metric of that measure that shares the cue word is the
one meant. product_metric.py resolves a production word the same way; this reads the measure, so a capacity, a
production or a sale of a known product are all put in the product's measure. An amount right before the rate in
its sentence whose metric shares the word says it first (钢铁产能2000万吨,产能利用率85%: capacity in tonnes)."""

from __future__ import annotations

from ..script import plain
from .share_of import rates_an_amount

KINDS = ("rate", "share", "rank")


def _product_metric(reference, subject: str) -> str | None:
    """The metric a product named by the subject was annotated in: the subject itself, else the longest known
    product inside it (a share's subject carries its whole and its metric's word: 全国氧化铝产能 → 氧化铝)."""
    products = reference.subject_metrics
    if subject in products:
        return products[subject]
    inside = max((name for name in products if len(name) > 1 and name in subject), key=len, default=None)
    return products[inside] if inside else None


def in_the_products_measure(figure, doc, earlier):
    if not rates_an_amount(figure, doc, KINDS):
        return figure
    reference = doc.reference
    taken = reference.metric(figure.rate_of_metric_code)
    before = _amount_before(doc, figure, earlier, taken)
    if before is not None:  # 钢铁产能2000万吨,产能利用率85%: the shared word's measure, read with its unit
        code = _measured(reference, before)
        figure.notes.append(f"{taken.code} shares its cue word with {before.value}{before.unit} before: {code}")
        figure.rate_of_metric_code = code
        return figure
    known = _product_metric(reference, plain(figure.subject)) if figure.subject else None
    if known is None:
        return figure
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


REACH = 60  # characters before the rate where the amount of the shared word may stand


def _amount_before(doc, figure, earlier, taken):
    """The amount drafted right before the rate in its sentence (within REACH) whose metric shares a cue word with
    the one taken but is of another measure: the amount's unit resolved the shared word (产能 in 万吨)."""
    if not earlier:
        return None
    before = earlier[-1]
    if before.at < max(figure.sentence[0], figure.at - REACH) or before.at >= figure.at:
        return None
    code = _measured(doc.reference, before)  # 铝材产量同比增长12%,占全区的40%: what the rate before is of
    if not code:
        return None
    metric = doc.reference.metric(code)
    if metric.code == taken.code or metric.kind != taken.kind or not set(metric.cues) & set(taken.cues):
        return None
    # 汽车产量165万辆,发动机产量增长5%: another product's amount says nothing of this one's measure
    return before if not figure.subject or plain(before.subject or "") == plain(figure.subject) else None


def _measured(reference, figure) -> str:
    """What a figure measures: an amount its metric; a rate what it is of."""
    return figure.rate_of_metric_code if reference.metric(figure.metric_code).kind in KINDS else figure.metric_code
