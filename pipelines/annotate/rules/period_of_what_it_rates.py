"""A rank, share or change whose year is not stated is of the period of the figure it follows in its
sentence: 规上工业增加值增长8%,增速居全区第3位 in a text of February 2024 ranks the growth of 2023 (the
growth's year, read by rules/whole_year.py), not a ranking of 2024. Its own sentence states no year
(else both would have it), so the year is the one a rule gave the figure before it, which is nearer
than a year taken from an earlier sentence of the paragraph."""

from __future__ import annotations

from ..periods import Period

KINDS = ("rate", "share", "rank")
DEFAULT = "year not stated: publication year"
# a year from an earlier sentence (period_of: "year from 2024 earlier in the paragraph") is further off than
# the figure before it in its own sentence: 年产能分别达到…1780万件,本地配套率超60% is as of the capacities
FROM_BEFORE = "year from "
# a ranking list's data year (reporting_year.py) is the year of what the list ranks; a rank of a figure before it
# in its sentence (有22家企业入围,分列全区第一、第二位: the entrants of the list's year) is of that figure's year
REPORTED = "year not stated: the year the document reports on"


def like_the_figure_before(figure, doc, earlier):
    period = figure.period
    if (
        figure.at < 0
        or not earlier
        or not period.inferred
        or not period.basis.startswith((DEFAULT, FROM_BEFORE, REPORTED))
    ):
        return figure
    if "(a stock" in period.basis or doc.reference.metric(figure.metric_code).kind not in KINDS:
        return figure
    if figure.at in doc.cells:
        return figure  # 地区 1-6月 上年同期 增长(%): a table cell's period is its column's, not the cell's before it
    before = earlier[-1]
    if before.at < figure.sentence[0]:
        return figure  # the figure before it is in another sentence (or no number of the text)
    if before.period.end is None or (before.period.start, before.period.end) == (period.start, period.end):
        return figure  # its months are its own (当月 after 累计): only the years are the figure's before
    basis = f"year not stated: that of {before.value}{before.unit} before it in the sentence ({before.period.end})"
    figure.period = Period(before.period.start, before.period.end, True, basis)
    figure.notes = [n for n in figure.notes if not n.startswith((DEFAULT, FROM_BEFORE))] + [basis]
    return figure
