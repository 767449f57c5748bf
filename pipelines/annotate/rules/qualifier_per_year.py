"""A yearly amount written in its unit (30万吨/年, capacity annual after_unit: /年) takes its qualifier after the
/年: 30万吨/年左右, 50万吨/年以上 are about and at least as 30万吨左右 is (cue_words.csv qualifier after_unit);
extract reads the qualifier right after the unit, before the /年."""

from __future__ import annotations

import re

from .. import cues


def after_the_year(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact" or figure.unit_end < 0:
        return figure
    reference, norm = doc.reference, doc.norm
    per_year = re.match(
        reference.alternation("capacity", "annual", "after_unit"), norm[figure.unit_end : figure.clause[1]]
    )
    if per_year is None:
        return figure
    said = cues.qualifier_after(norm, figure.unit_end + per_year.end(), reference)
    if said is None:
        return figure
    figure.qualifier = said[0]
    figure.notes.append(f"qualifier after {per_year.group()}: {said[0]}")
    return figure
