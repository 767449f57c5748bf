"""A goal for the year running (全年, 年内, 本年度, 年度目标: cue_words time_base this_year in_clause) before an
open target in its sentence gives the target its year: 全年力争完成工业投资100亿元 in July 2020 is a goal for
2020, the year the text is written in (inferred), as 到年底 is (rules/year_end_deadline.py). A target's year
is what the document says, or nothing (DESIGN.md): 全年 says it; 三年内 (a span of years, not_preceded_by)
does not. A deadline of its own (到2025年) is no open target and is left alone."""

from __future__ import annotations

import re

from ..periods import Period

NOTE = "{}: a goal for the year running at publication ({}), inferred"
REACH = 120  # characters before the number the word is looked for in: no sentence read whole


def _words(reference) -> re.Pattern:
    """The words of the running year, longest first, with the numerals that cancel them (三年内)."""
    words = reference.words("time_base", "in_clause")
    return re.compile("|".join(w.regex for w in words if w.code == "this_year") or "(?!)")


def of_the_publication_year(figure, doc, earlier):
    if figure.at < 0 or figure.status != "target" or figure.period.start is not None:
        return figure
    start = max(figure.sentence[0], figure.at - REACH)
    found = doc.reference.pattern("running year goal", _words).search(doc.norm, start, figure.at)
    if found is None:
        return figure
    year = doc.published_year
    basis = figure.period.basis
    figure.period = Period(year, year, True, NOTE.format(found.group(), year))
    figure.notes = [n for n in figure.notes if n != basis] + [figure.period.basis]
    return figure
