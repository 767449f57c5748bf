"""A count with no cue word of its own counts what the count before it in its sentence counts, when both
have the same unit: 新增规上工业企业526家,总数达827家 (827家 are enterprises too), 2010年4210家,2011年5046家.
An amount with no cue word measures what the amount before it in its paragraph measures, in the same
unit: 累计完成投资199.4亿元,…;二期项目…累计完成84亿元 (investment too)."""

from __future__ import annotations

from bisect import bisect_left, bisect_right

from ..script import simplified

GUESSED = "no cue word: metric {} guessed from the unit"


def guessed_level(figure, doc) -> bool:
    """An amount whose metric extract guessed from its unit alone: what the rules after a cue look for."""
    if figure.at < 0 or GUESSED.format(figure.metric_code) not in figure.notes:
        return False
    return doc.reference.metric(figure.metric_code).kind == "level"


def drop_the_guess(figure) -> None:
    """The guess's note goes once a rule names the metric (before figure.metric_code changes)."""
    guessed = GUESSED.format(figure.metric_code)
    figure.notes = [n for n in figure.notes if n != guessed]


def like_the_count_before(figure, doc, earlier):
    guessed = GUESSED.format(figure.metric_code)
    if figure.at < 0 or guessed not in figure.notes:
        return figure
    kind = doc.reference.metric(figure.metric_code).kind
    if kind not in ("count", "level"):
        return figure
    # a count looks back in its sentence; an amount in its paragraph (累计完成投资199.4亿元…;…累计完成84亿元)
    since = figure.sentence[0] if kind == "count" else _paragraph_start(doc, figure.at)
    origin = doc.text.origin
    for previous in reversed(earlier):
        at = bisect_left(origin, previous.number_start)
        if at < since:
            return figure
        # 1000多家、总量突破1万家; units as written, so read in Simplified (萬家 is 万家)
        same_unit = simplified(previous.unit).lstrip("万千百") == simplified(figure.unit).lstrip("万千百")
        if same_unit and GUESSED.format(previous.metric_code) not in previous.notes:
            if doc.reference.metric(previous.metric_code).kind != kind:
                return figure
            figure.metric_code = previous.metric_code
            figure.notes = [n for n in figure.notes if n != guessed]
            figure.notes.append(f"no cue word: metric {previous.metric_code} of the count before it in the sentence")
            return figure
    return figure


def _paragraph_start(doc, at: int) -> int:
    index = bisect_right(doc.paragraphs, at, key=_start) - 1  # by bisection: no list per figure
    return doc.paragraphs[max(0, index)][0]


def _start(span: tuple[int, int]) -> int:
    return span[0]
