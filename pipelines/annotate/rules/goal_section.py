"""A section headed by a goal (二、主要目标, (一)发展目标: a short heading line with a target word) lists goals:
全市工业总产值达到1000亿元 under it is a target though its own sentence has no target word (raw/README.md,
status: target for plans and goals). The heading is the nearest short line before the figure, read as
rules/section_year.py reads one; a figure whose own sentence says it is done (已, 累计) or states a year that
has ended keeps its status."""

from __future__ import annotations

from ..periods import Period
from .section_year import DEFAULTS, heading_line

NOTE = "under the heading {}: a goal"


def targets_under_a_goal(figure, doc, earlier):
    if figure.status != "actual" or figure.at < 0:
        return figure
    period = figure.period
    if period.end is not None and not (period.inferred and period.basis.startswith(DEFAULTS)):
        return figure  # a year of its own: 2023年…增长8% under a goal heading may report the year before
    own = doc.norm[figure.sentence[0] : figure.at]
    if doc.reference.cue("status", "actual").search(own):
        return figure
    heading = _heading_before(doc, figure.at)
    if heading is None or not doc.reference.cue("status", "target").search(heading):
        return figure
    figure.status = "target"
    figure.period = Period(None, None, False, "target year not stated: left empty")
    figure.notes = [n for n in figure.notes if not n.startswith(DEFAULTS)]
    figure.notes += [NOTE.format(heading), figure.period.basis]
    return figure


def _heading_before(doc, at: int) -> str | None:
    """The text of the section heading over the figure (section_year.heading_line), or None."""
    found = heading_line(doc, at)
    return None if found is None else found[2]
