"""A rank of a growth speed is a rank of growth rates: 增加值同比增长14%,增速排名贵港市第一 and 保持全区工业投资
总量、增速第一 are ranks whose rate_of_metric_code is growth_rate, as reviewers record them (what is ranked is the
speed, not the amount), though extract read the amount's cue word before (增加值, 工业投资). The rank's own clause
holds a noun of growth (增速, 增幅, 增长率: cue_words.csv rate_of growth, before_rank) with no amount's cue word
between it and the rank; 增长14%,居全区第一 (a verb, no noun) keeps the amount, and so does the total's item of a list sharing the rank
(工业投资总量、增速第一: 028-022 is industrial_investment's, 028-023 growth_rate's)."""

from __future__ import annotations

import re

RANK = "rank"
GROWTH = "growth_rate"
REACH = 40  # a rank's clause is short: no read of a long one per rank
LISTED = "one of a list sharing the number ("  # extract's note on each item of a list sharing one rank
NOTE = "{} ranked: a rank of growth rates"


def _speeds(reference) -> re.Pattern:
    return reference.pattern(
        "ranked_growth.speed", lambda ref: re.compile(ref.alternation("rate_of", "growth", "before_rank"))
    )


def of_the_speed(figure, doc, earlier):
    if figure.at < 0 or figure.metric_code != RANK or figure.rate_of_metric_code == GROWTH:
        return figure
    norm, reference = doc.norm, doc.reference
    start = max(figure.clause[0], figure.sentence[0], figure.at - REACH)
    found = list(_speeds(reference).finditer(norm, start, figure.at))
    if not found:
        return figure
    speed = found[-1]
    item = next((n for n in figure.notes if n.startswith(LISTED)), None)
    if item is not None and not _speeds(reference).search(item):
        return figure  # 工业投资总量、增速第一: the total's rank is the amount's, the speed's the growth's
    between = norm[speed.end() : figure.at]
    for metric in reference.metrics:
        if metric.kind in ("level", "count") and any(cue in between for cue in metric.cues):
            return figure  # 增速较快,产值排名第一: the amount after the speed is ranked
    figure.rate_of_metric_code = GROWTH
    figure.notes.append(NOTE.format(speed.group()))
    return figure
