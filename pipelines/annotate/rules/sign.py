"""A minus sign written before the number (a table cell -0.5, 增长-3.2%) keeps the value negative."""

from __future__ import annotations

_MINUS = "-−－"


def keep_sign(figure, doc, earlier):
    at = figure.at
    if at <= 0 or figure.value < 0:
        return figure
    before = doc.norm[at - 1]
    two_before = doc.norm[at - 2] if at >= 2 else ""
    if before in _MINUS and not (
        two_before.isdigit() or two_before in "%月年" or two_before.isalpha() and two_before.isascii()
    ):
        figure.value = -figure.value
        figure.notes.append("a minus sign before the number: value negative")
    return figure
