"""A weight is a year's output, not a reserve, when its own clause has a verb of making or moving (开采, 加工, 年产)
and no held word, though a reserve's cue word stands in a clause before it: 铝土矿储量3亿吨,年开采量1000万吨 and
重钙资源量超过30亿吨,年产重钙粉500万吨 (extract took 储量 and 资源量, the nearest cue words, across the clause that
already used them). The mirror of in_the_ground.py, with its words (cue_words.csv reserve: held, made); the metric is
the unit's first level metric in catalogue order, what a weight with no cue word of its own is taken for."""

from __future__ import annotations

from ..script import simplified
from . import in_the_ground

NOTE = "{} in a clause before; {} in its own clause: a year's output ({}), not a reserve"


def made_not_held(figure, doc, earlier):
    if figure.at < 0:
        return figure
    reference, norm = doc.reference, doc.norm
    measures = reference.units.get(simplified(figure.unit), set())
    held_metric = in_the_ground._metric_in_the_ground(reference, measures)
    if held_metric is None or figure.metric_code != held_metric.code:
        return figure
    start, end = in_the_ground._own_words(doc, figure)
    if reference.cue("reserve", "held").search(norm, start, end):
        return figure  # 已探明…可开采30年: the clause holds the reserve itself
    if any(cue in norm[start:end] for cue in held_metric.cues):
        return figure
    made = reference.cue("reserve", "made").search(norm, start, figure.at)
    if made is None:
        return figure
    output = next(
        (m for m in reference.metrics if m.kind == "level" and m.unit_measure == held_metric.unit_measure),
        None,
    )
    if output is None or output.code == held_metric.code:
        return figure
    figure.metric_code = output.code
    figure.notes = [n for n in figure.notes if held_metric.code not in n]  # its held-at-a-date note too
    if figure.period_kind == "as_of":
        figure.period_kind = "year"
    figure.notes.append(NOTE.format(held_metric.code, made.group(), output.code))
    return figure
