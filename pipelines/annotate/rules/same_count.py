"""A count with no cue word of its own counts what the count before it in its sentence counts, when both
have the same unit: 新增规上工业企业526家,总数达827家 (827家 are enterprises too), 2010年4210家,2011年5046家."""

from __future__ import annotations

from bisect import bisect_left

GUESSED = "no cue word: metric {} guessed from the unit"


def like_the_count_before(figure, doc, earlier):
    guessed = GUESSED.format(figure.metric_code)
    if figure.at < 0 or guessed not in figure.notes:
        return figure
    if doc.reference.metric(figure.metric_code).kind != "count":
        return figure
    origin = doc.text.origin
    for previous in reversed(earlier):
        at = bisect_left(origin, previous.number_start)
        if at < figure.sentence[0]:
            return figure
        same_unit = previous.unit.lstrip("万千百") == figure.unit.lstrip("万千百")  # 1000多家、总量突破1万家
        if same_unit and GUESSED.format(previous.metric_code) not in previous.notes:
            if doc.reference.metric(previous.metric_code).kind != "count":
                return figure
            figure.metric_code = previous.metric_code
            figure.notes = [n for n in figure.notes if n != guessed]
            figure.notes.append(f"no cue word: metric {previous.metric_code} of the count before it in the sentence")
            return figure
    return figure
