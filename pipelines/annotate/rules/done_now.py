"""A figure whose own clause says it is done or held now (cue_kind status, position in_clause: 已, 目前) is of
the publication year, though a deadline stands earlier in its sentence: 力争到2025年产值达到500亿元,目前已
达到320亿元 in 2024 reports 320 reached by 2024, not a goal for 2025 (raw/README.md, status: actual for
what is done). Runs before future_year, which would make a figure of 2025 a target."""

from __future__ import annotations

import re

from ..periods import Period

NOTE = "{} in its own clause: done or held now, of the publication year ({}), not of the deadline before it"


def of_the_publication_year(figure, doc, earlier):
    period = figure.period
    if figure.status != "actual" or figure.at < 0 or period.end is None or period.end <= doc.published_year:
        return figure
    words = doc.reference.words_of("status", "actual", "in_clause")
    if not words:
        return figure
    clause = doc.norm[figure.clause[0] : figure.at]
    now = re.search("|".join(map(re.escape, words)), clause)
    if now is None or doc.reference.cue("status", "target").search(clause, now.end()):
        return figure  # 目前正力争…: a goal after the word of now
    if f"{period.end}年" in clause:
        return figure  # the deadline is the clause's own: 目前已规划到2025年…
    year = doc.published_year
    figure.period = Period(year, year, True, NOTE.format(now.group(), year))
    figure.notes.append(figure.period.basis)
    return figure
