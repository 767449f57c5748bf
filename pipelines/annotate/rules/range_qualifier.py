"""A qualifier said of a range is said of both its bounds: 约200～300万吨, 大约在200-300万吨之间 (the word before
the lower bound) and 200-300万吨左右 (the word after the upper bound's unit) make both about (raw/README.md,
qualifier: 约/左右 → about; a range is two figures, one per bound). Only the range's sign (-, ～, 至, 到) stands between
the bounds, and both are in one unit (8-10% with the lower's unit read from the upper's, or 8%-10%)."""

from __future__ import annotations

import re

from .. import cues
from ..script import simplified

_TO = r"\s*(?:-|—|–|~|～|至|到)\s*"


def both_bounds(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact":
        return figure
    norm = doc.norm
    # the lower bound (8-10%, or 8%-10% with its own unit): the word after the upper one's unit
    upper = re.compile(f"{_TO}\\d+(?:\\.\\d+)?\\s*{re.escape(simplified(figure.unit))}").match(norm, figure.unit_end)
    said = cues.qualifier_after(norm, upper.end(), doc.reference) if upper else None
    if said is not None:
        figure.qualifier = said[0]
        figure.notes.append(f"{said[0]}: said after the range's upper bound")
        return figure
    lower = earlier[-1] if earlier else None
    if lower is None or lower.qualifier == "exact" or lower.unit != figure.unit or lower.unit_end < 0:
        return figure
    if not re.fullmatch(_TO, norm[lower.unit_end : figure.at]):
        return figure
    figure.qualifier = lower.qualifier
    figure.notes.append(f"{lower.qualifier}: said before the range's lower bound ({lower.value})")
    return figure
