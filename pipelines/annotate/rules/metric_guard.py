"""A cue word of a metric that a word right before it makes another thing: 收入 is a cue of revenue (an
enterprise's operating revenue), but 居民人均可支配收入 and 财政收入 are a household's income and a government's
revenue, which the catalogue has no metric for. A rate of such a thing has no rate_of_metric_code and its subject
names what grows (docs/codes.md, Subjects; rules/what_grows.py, which runs after). The words are data
(cue_words.csv metric_guard: the code is the metric they keep out, the word stands right before its cue)."""

from __future__ import annotations

import re

KINDS = ("rate", "share", "rank")


def not_that_metric(figure, doc, earlier):
    code = figure.rate_of_metric_code
    if figure.at < 0 or not code or doc.reference.metric(figure.metric_code).kind not in KINDS:
        return figure
    reference, norm = doc.reference, doc.norm
    guards = [c for c in reference.words("metric_guard", "before_cue") if c.code == code]
    if not guards:
        return figure
    metric = reference.metric(code)
    before = norm[figure.sentence[0] : figure.at]
    words = "|".join(map(re.escape, sorted(metric.cues, key=len, reverse=True)))
    # the last of the metric's cue words before the number: the one its rate_of was read from
    found = next(reversed(list(re.finditer(words, before))), None)
    if found is None:
        return figure
    guard = next((g for g in guards if before.endswith(g.word, 0, found.start())), None)
    if guard is None:
        return figure
    figure.rate_of_metric_code = ""
    figure.notes.append(f"{guard.word}{found.group()} is no {code}: no catalogue metric, the subject says what grows")
    return figure
