"""An amount with no cue word of its own under a numbered run-in heading takes the metric the heading names:
1.工业投资。全年完成230亿元,增长15%; (二)规上工业增加值。全年完成350亿元. The heading is a sentence of a list
marker (1. / (二) / 三、 / 第四,) and a short noun with no number of its own, right before the amount's sentence;
its last cue word of the amount's measure is the metric. lead_metric.py reads a lead that heads a list (a colon or
a line break after it); a run-in heading ends with 。 and heads its paragraph's first sentence, and without the
marker a short sentence is a slogan of its own (加快提升产能。全市完成钢材1000万吨: no heading)."""

from __future__ import annotations

import re

from .. import cues
from ..script import simplified
from .lead_metric import lead_start
from .same_count import drop_the_guess, guessed_level

_HEADING = re.compile(
    r"\s*(?:\d{1,2}\s*[.．、]|[(（]\s*[一二三四五六七八九十\d]{1,3}\s*[)）]|[一二三四五六七八九十]{1,3}\s*、|第[一二三四五六七八九十]{1,3}\s*[,、])"
    r"\s*(?P<noun>[^\d,;:。!?\s]{2,16})\s*[。.]?\s*$"
)
NOTE = "metric {} from the run-in heading {} before its sentence"


def named_in_the_heading(figure, doc, earlier):
    if not guessed_level(figure, doc):
        return figure
    reference, norm = doc.reference, doc.norm
    lo = lead_start(doc, figure)
    if lo >= figure.sentence[0]:
        return figure
    heading = _HEADING.fullmatch(norm, lo, figure.sentence[0])
    if heading is None:
        return figure
    measures = reference.units.get(simplified(figure.unit), set())
    start, end = heading.span("noun")
    hits = [h for h in cues.cue_hits(norm, (start, end), reference) if h.metric.unit_measure in measures]
    hits = [h for h in hits if h.metric.kind == "level"]
    if not hits:
        return figure
    cue = max(hits, key=lambda h: (h.end, h.end - h.start))
    drop_the_guess(figure)
    figure.metric_code = cue.metric.code
    figure.notes.append(NOTE.format(cue.metric.code, doc.text.span(start, end)))
    return figure
