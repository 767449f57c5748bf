"""A qualifier said after the unit may have words between them: 260万吨产能左右, 260万吨(年产能)左右, 260万吨 左右
are about as 260万吨左右 is (raw/README.md, qualifier: 左右 → about; cue_words.csv qualifier after_unit). Between the
unit and the word stand only spaces, a cue word of the figure's own metric (产能 of a capacity, 的 before it) or
words in brackets with no number, and the qualifier then closes the clause (260万吨产能以上的企业 says what the
companies are, not the amount); extract reads the word only right after the unit. A qualifier word opening a
bracket right after the unit (260万吨(约), 260万吨(约数), 10%(以上)) is the amount's too."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import cues

_BRACKETED = r"\([^()\d]{1,10}\)"
_CLOSES = re.compile(r"\s*(?:[,;:。!?、)\n]|$)")


@lru_cache(maxsize=64)
def _between(own_cues: tuple[str, ...]) -> re.Pattern:
    """Spaces, the metric's own cue word (的 before it) or a bracket, between the unit and the qualifier."""
    own = "|".join(map(re.escape, own_cues)) or "(?!)"
    return re.compile(f"\\s*(?:的?(?:{own})|{_BRACKETED})?\\s*")


def after_the_noun(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact" or figure.unit_end < 0:
        return figure
    reference, norm = doc.reference, doc.norm
    between = _between(reference.metric(figure.metric_code).cues).match(norm, figure.unit_end, figure.clause[1])
    if between is None or between.end() == figure.unit_end:
        return _in_brackets(figure, doc)
    at = between.end()
    said = cues.qualifier_after(norm, at, reference)
    if said is None:
        return _in_brackets(figure, doc)
    if between.group().strip() and not _CLOSES.match(norm, said[1]):
        return figure
    figure.qualifier = said[0]
    figure.notes.append(f"qualifier after {between.group().strip() or 'a space'}: {said[0]}")
    return figure


_BRACKET = re.compile(r"\s*\(([^()\d]{1,4})\)")


def _in_brackets(figure, doc):
    """260万吨(约), 260万吨(约数): a qualifier word opening a bracket right after the unit."""
    found = _BRACKET.match(doc.norm, figure.unit_end, figure.clause[1])
    if found is None:
        return figure
    inside = found.group(1)
    for cue in doc.reference.words("qualifier", "before_number"):
        if cue.pattern.match(inside):
            figure.qualifier = cue.code
            figure.notes.append(f"qualifier in brackets after the unit ({inside}): {cue.code}")
            return figure
    for cue in doc.reference.words("qualifier", "after_unit"):  # 10%(以上): the word after the unit, bracketed
        if cue.pattern.fullmatch(inside):
            figure.qualifier = cue.code
            figure.notes.append(f"qualifier in brackets after the unit ({inside}): {cue.code}")
            return figure
    return figure
