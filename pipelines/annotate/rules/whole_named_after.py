"""An amount with no cue word of its own is of the metric the rest of its sentence names it by: the whole of its
share (汽车产业完成120亿元,同比增长8%,占全市规上工业增加值的35%: the 120亿元 is value added, a part of that whole)
or its total ranked (全市完成230亿元,增长15%,工业投资总量居全区第三: industrial investment). extract read only the
words around the number (cue_after.py: 12 characters after the unit) and guessed from the unit. The words after
are read up to REACH characters, through percents only (another amount between says its own): a level cue word of
the amount's measure right after a share word (占), or closed by a total's word (总量, 总额: cue_words.csv
rate_of total, after_cue)."""

from __future__ import annotations

import re

from .. import cues
from ..script import simplified
from .same_count import drop_the_guess, guessed_level

REACH = 40
NOTE = "metric {} from {} named after it in its sentence ({})"
_ANOTHER_AMOUNT = re.compile(r"\d+(?:\.\d+)?\s*(?![\d.%％])(?!个百分点)")


def named_after(figure, doc, earlier):
    if not guessed_level(figure, doc):
        return figure
    reference, norm = doc.reference, doc.norm
    lo, hi = figure.unit_end, min(figure.sentence[1], figure.unit_end + REACH)
    measures = reference.units.get(simplified(figure.unit), set())
    hits = cues.cue_hits(norm, (lo, hi), reference)
    share = next((h for h in hits if h.metric.kind == "share"), None)
    totals = reference.alternation("rate_of", "total", "after_cue")
    for hit in hits:
        if hit.metric.kind != "level" or hit.metric.unit_measure not in measures:
            continue
        whole = share is not None and share.end <= hit.start
        total = re.match(f"(?:{totals})", norm[hit.end : hit.end + 3]) is not None
        if not (whole or total) or _ANOTHER_AMOUNT.search(norm, lo, hit.start):
            continue
        drop_the_guess(figure)
        figure.metric_code = hit.metric.code
        said = "the whole of its share" if whole else "its total"
        figure.notes.append(NOTE.format(hit.metric.code, said, doc.text.span(hit.start, hit.end)))
        return figure
    return figure
