"""到 right before the year's end (到年底, 到年末: cue_kind period, code year_end) is a deadline, a goal for the
end of the year still running: 到年底,全市汽车产量有望突破200万辆 in October 2014 is a target for 2014. It
is 到 with the year-end word, not one word of a list (到年底 only the text that says it holds); 截至年底 is an
as-of date (至, not 到) and stays a result. A target's year is what its sentence says: 年底 says the year
running at publication (inferred)."""

from __future__ import annotations

import re

from ..periods import Period

NOTE = "到{}: a deadline at the end of the publication year ({}), a target"
REACH = 120  # characters before the number the deadline is looked for in: no sentence read whole


def _deadline(reference) -> re.Pattern:
    return re.compile(f"到\\s*({reference.alternation('period', 'year_end')})")


def by_the_year_end(figure, doc, earlier):
    open_target = figure.status == "target" and figure.period.start is None  # 到年底 a target word: no year yet
    if figure.at < 0 or not (open_target or figure.status == "actual" and figure.period.inferred):
        return figure  # a year of its own (2013年底) is the time rules' to read
    start = max(figure.sentence[0], figure.at - REACH)
    found = doc.reference.pattern("year-end deadline", _deadline).search(doc.norm, start, figure.at)
    if found is None or doc.reference.cue("status", "actual").search(doc.norm, found.end(), figure.at):
        return figure  # 到年底已完成…: done by then
    year = doc.published_year
    figure.status = "target"
    basis = figure.period.basis
    figure.period = Period(year, year, True, NOTE.format(found.group(1), year))
    figure.notes = [n for n in figure.notes if n != basis] + [figure.period.basis]
    return figure
