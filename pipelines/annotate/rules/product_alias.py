"""A volume whose words before its cue run too long to be a product's name (钢铁产业柳钢本部钢材产量突破1700万吨:
an industry, a company, then the product) takes the known product they end with (raw/reference/subjects.csv:
钢材), as written (docs/codes.md, Subjects: 钢材 vs 氧化铝 for a production volume). subject.py names a product
of a few characters itself; a product the metric already says (汽车: cue_kind subject metric_noun) is none."""

from __future__ import annotations

import re

from .subject import PRODUCED, SOLD, _cue_of

_RUN = re.compile(r"[\u4e00-\u9fff]+$")
REACH = 24  # the words before the cue that may end with the product


def known_product_before_its_cue(figure, doc, earlier):
    reference = doc.reference
    if figure.subject or figure.at < 0 or figure.metric_code not in PRODUCED + SOLD or not reference.subjects:
        return figure
    norm = doc.norm
    lo = max(figure.clause[0], figure.at - REACH)
    cues = list(_cue_of(doc, figure.metric_code).finditer(norm, lo, figure.at))
    if not cues:
        return figure
    end = cues[-1].start()
    run = _RUN.search(norm, lo, end)
    if run is None:
        return figure
    product = next((a for a in reference.subjects if run.group().endswith(a)), None)
    if product is None or product in reference.words_of("subject", "metric_noun", "before_noun"):
        return figure
    figure.subject = doc.text.span(end - len(product), end)
    return figure
