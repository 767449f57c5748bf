"""Values listed one after another are read with the words before the first: 年产能分别达到55.5GWh、
185万台套和1780万件 (three capacities, each as of publication: 产能 is out of the last one's reach),
比重分别为20.1%、…、3.2%和6.7% (shares all, though the last ones are too far from 比重 to see it).
A value whose number follows the value before it with only a list's separator between them (、, 和,
及, 与; a qualifier of the one before) and in a unit of the same measure takes that value's period
(years, months, kind) when its own was inferred, and its metric when no cue word of its own said it."""

from __future__ import annotations

import re
from functools import lru_cache

from ..evidence import LIMIT, occurs_more_than_once, read_length
from ..script import simplified


@lru_cache(maxsize=8)
def _separator_of(after: str, joiners: str, before: str) -> re.Pattern:
    return re.compile(rf"\s*(?:{after})?\s*(?:、|{joiners})\s*(?:{before})?\s*")


def _separator(reference) -> re.Pattern:
    """55.5GWh、185万台套和1780万件; 10%以上、8%左右: nothing but a list's separator between two values: 、 or
    a joiner, with a qualifier of the one before or the one after (cue_kind listed_value)."""
    return _separator_of(
        reference.alternation("listed_value", "qualifier", "after_unit"),
        reference.alternation("listed_value", "joiner", "between_values"),
        reference.alternation("listed_value", "qualifier", "before_number"),
    )


NO_CUE = "no cue word"


def listed_before(figure, doc, earlier):
    """The value the figure is listed after: the figure before it, in its sentence, with only a list's
    separator between them and a unit of the same measure (400亿元和20% are two things, not one list);
    None when the figure is no listed value."""
    if figure.at < 0 or not earlier:
        return None
    before = earlier[-1]
    if before.at < figure.sentence[0] or before.unit_end < 0 or before.unit_end > figure.at:
        return None
    if not _separator(doc.reference).fullmatch(doc.norm, before.unit_end, figure.at):
        return None
    units = doc.reference.units
    if not units.get(simplified(before.unit), set()) & units.get(simplified(figure.unit), set()):
        return None
    return before


def like_the_value_before(figure, doc, earlier):
    before = listed_before(figure, doc, earlier)
    if before is None:
        return figure
    if figure.period.inferred and (figure.period, figure.period_kind) != (before.period, before.period_kind):
        figure.period, figure.period_kind = before.period, before.period_kind
        figure.start_month, figure.end_month = before.start_month, before.end_month
        figure.notes = [n for n in figure.notes if not _about_the_year(n)] + [
            f"listed after {before.value}{before.unit}: its period"
        ]
    guessed = [n for n in figure.notes if n.startswith(NO_CUE)]
    if guessed and before.metric_code != figure.metric_code:
        figure.metric_code = before.metric_code
        figure.rate_of_metric_code = figure.rate_of_metric_code or before.rate_of_metric_code
        figure.notes = [n for n in figure.notes if n not in guessed] + [
            f"no cue word of its own: metric {before.metric_code} of {before.value}{before.unit} listed before it"
        ]
    return figure


def _about_the_year(note: str) -> bool:
    return note.startswith(("year ", "a whole year", "months ")) or " read as " in note


def span_from_the_list_cue(figure, doc, earlier):
    """A listed value whose span holds no word before its number (43.5% after 增长37.8%、; 185万台套和1780万件)
    says nothing of what it is: its span starts where the list's cue word does, before the first value
    (增长37.8%、43.5%; 年产能分别达到55.5GWh、185万台套和1780万件), as reviewers take it, where that fits."""
    if figure.at < 0 or not earlier:
        return figure
    text, norm = doc.text, doc.norm
    span = figure.evidence
    begin = text.original.rfind(span, 0, figure.number_start + len(span))
    if begin != figure.number_start:
        return figure  # the span has words before the number, or is not around it
    first, separator = None, _separator(doc.reference)
    for before in reversed(earlier):
        after = first or figure
        if (
            before.at < figure.clause[0]
            or before.unit_end < 0
            or not separator.fullmatch(norm, before.unit_end, after.at)
        ):
            break
        first = before
    if first is None:
        return figure
    cues = doc.reference.metric(first.metric_code).cues
    found = [(at, at + len(cue)) for cue in cues if (at := norm.rfind(cue, first.clause[0], first.at)) >= 0]
    if not found:
        return figure
    # the cue nearest the value, the longest of those ending there (年产能, not its 产能)
    cue_at = min(found, key=lambda span: (-span[1], span[0]))[0]
    wider = text.original[text.origin[cue_at] : begin + len(span)].strip()
    if read_length(doc.text, wider) > LIMIT or occurs_more_than_once(text, wider):
        return figure
    figure.evidence = wider
    return figure
