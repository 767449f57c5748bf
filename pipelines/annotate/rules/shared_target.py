"""Clauses a semicolon joins share the status word the first opens with: 力争每年突破关键核心技术100项以上;
推动…,每年完成科技成果转化200项以上 lists two goals under one 力争 (raw/README.md, status: target for plans
and goals). A figure whose own ;-clause has no status word and no year of its own takes the target of the
figure just before it, in the clause the semicolon closes, and that figure's period (the goal's deadline).
A clause with its own year (今年力争增长8%;1-5月增长6%) or its own status word keeps its own. A full stop
joins them too after a goal with a deadline still to come (到2025年,产值达到1000亿元。规上企业达到500家)."""

from __future__ import annotations

from . import sub_year
from .mentions import starting_in

NOTE = "no status word of its own: the target of the clause before the semicolon"


def of_the_clause_before(figure, doc, earlier):
    if figure.status != "actual" or figure.at < 0 or not earlier or not figure.period.inferred:
        return figure
    start = figure.sentence[0]
    before = earlier[-1]
    if start == 0 or before.status != "target" or before.sentence[1] != start - 1:
        return figure
    joined = doc.norm[start - 1]
    if joined != ";" and not (joined == "。" and _deadline_to_come(before, doc)):
        return figure
    if starting_in(doc.years, start, figure.at) or sub_year.spans(doc.norm, start, figure.at):
        return figure  # a time of its own: 1—5月全市…增长6.2% reports those months
    own = doc.norm[start : figure.at]
    if doc.reference.cue("status", "target").search(own) or doc.reference.cue("status", "actual").search(own):
        return figure
    figure.status = "target"
    figure.period = before.period
    figure.notes = [n for n in figure.notes if not n.startswith("year not stated")] + [NOTE]
    return figure


def _deadline_to_come(before, doc) -> bool:
    """到2025年,A达到1000亿元。B达到500家: the sentence before states a deadline still to come (a year of its
    own after publication): the plan's sentences after it share its goal and deadline."""
    period = before.period
    return period.end is not None and not period.inferred and period.end > doc.published_year
