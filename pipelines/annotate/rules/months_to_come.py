"""A target for months of the year still running: 确保上半年工业投资完成223亿元以上 in a text of June 2024 is a
goal for January-June 2024. Its sentence names the months, not the year; the months had not ended when the
text came out, so they are the publication year's (inferred), not an open-ended goal."""

from __future__ import annotations

from ..periods import Period
from . import sub_year


def months_of_this_year(figure, doc, earlier):
    if figure.at < 0 or figure.status != "target" or figure.period.start is not None:
        return figure
    if doc.published_month is None:
        return figure
    own = sub_year.spans(doc.norm, figure.sentence[0], figure.at)
    if not own or own[-1][3] < doc.published_month:
        return figure  # months already over: which year's is not said
    year = doc.published_year
    figure.period = Period(
        year, year, True, f"months to come in the publication year ({year}-{doc.published_month:02d})"
    )
    figure.notes = [n for n in figure.notes if not n.startswith("target year not stated")] + [figure.period.basis]
    return figure
