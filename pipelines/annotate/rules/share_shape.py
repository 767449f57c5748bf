"""A percent with no cue word is a share, not a growth rate, when its shape says so: 7.14%的企业 (a
percent of something that follows) or 制品业(15.28%) (a part's percent in parentheses after its name)."""

from __future__ import annotations

GUESSED = "no cue word: metric growth_rate guessed from the unit"


def percent_of_a_whole(figure, doc, earlier):
    if figure.metric_code != "growth_rate" or GUESSED not in figure.notes or figure.at < 1:
        return figure
    norm = doc.norm
    of_what = norm[figure.unit_end : figure.unit_end + 1] == "的"
    in_brackets = norm[figure.at - 1] == "(" and norm[figure.unit_end : figure.unit_end + 1] == ")"
    if not (of_what or in_brackets):
        return figure
    share = next((m for m in doc.reference.metrics if m.code == "share"), None)
    if share is None:
        return figure
    figure.metric_code = share.code
    figure.notes = [n for n in figure.notes if n != GUESSED]
    figure.notes.append("no cue word: a share, read from its shape (X%的…, name(X%)): say of what")
    return figure
