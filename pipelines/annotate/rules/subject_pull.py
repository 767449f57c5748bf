"""A pull names the part that pulls (docs/codes.md, Subjects): 拉动全市经济增长18.5个百分点 is the part's
pull on the whole after the pull word (cue_kind subject, code pull), so its subject is the noun before the
pull word in its clause, else the one opening the clause before it (第二产业成为绝对主力,拉动… → 第二产业),
never the whole (规模以上工业 in 拉动全市规模以上工业产值增长9.5个百分点)."""

from __future__ import annotations

import re

from . import growth_clause
from .subject import after_the_lead, noun_ends


def part_that_pulls(figure, doc, earlier):
    """A pull (拉动全市经济增长18.5个百分点) names the part that pulls, not the whole after 拉动 (docs/codes.md,
    Subjects): the noun before the pull word in its clause, else the one opening the clause before it
    (第二产业成为绝对主力,拉动… → 第二产业; 特别是粮油…加工业,拉动全市规模以上工业产值增长… → 粮油…加工业).
    A share right after it that names nothing of its own (贡献率达83.7%) is the same part's."""
    if figure.subject or figure.at < 0 or doc.reference.metric(figure.metric_code).kind not in ("rate", "share"):
        return figure
    pull = _pull(doc, figure)
    if pull is not None:
        part = _part(doc, figure.clause[0], pull.start())
        if not part and figure.clause[0] > 1:
            from ..extract import _within

            before = _within(doc.clauses, figure.clause[0] - 2)
            part = _part(doc, before[0], before[1])
        figure.subject = part
        return figure
    before = next((f for f in reversed(earlier) if 0 <= f.at < figure.at), None)
    if before is None or before.at < figure.sentence[0] or not before.subject or _pull(doc, before) is None:
        return figure
    own = doc.norm[figure.clause[0] : figure.at]
    for word in sorted(
        set(doc.reference.metric(figure.metric_code).cues) | set(growth_clause._GLUE), key=len, reverse=True
    ):
        own = own.replace(word, " ")
    if not re.search(r"[\u4e00-\u9fff]", own):
        figure.subject = before.subject
    return figure


def _pull(doc, figure):
    return re.compile(doc.reference.alternation("subject", "pull", "before_number")).search(
        doc.norm, figure.clause[0], figure.at
    )


def _part(doc, start: int, end: int) -> str:
    """The noun opening start..end, past its lead words (特别是), ending before a noun_end word (成为)."""
    start = after_the_lead(doc, start, end)
    ends = re.compile(noun_ends(doc.reference, "noun_end")).search(doc.norm, start, end)
    end = ends.start() if ends else end
    noun = re.fullmatch(r"[\u4e00-\u9fff、()]{2,24}", doc.norm[start:end])
    return doc.text.span(start, end) if noun else ""
