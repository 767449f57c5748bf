"""A count said of the whole year is what the year added, not what is held: 全年专利授权量5600件, 全年新登记市场
主体5.6万户, 年内引进项目35个 are the year's flow (period_kind year), where a count with no year of its own
is otherwise read as a stock at publication (现有企业56家: extract). The words of the whole year are
those of cue_words time_base this_year in_clause (全年, 本年度, 年内; 三年内 is a span, not_preceded_by),
standing in the figure's clause before its number or alone as the clause before it (全年,全市…). A
stock word near the number (现有, 总数, 截至, 年末) keeps the stock: 全年新增企业120家,年末总数达到1300家 holds 1300家
at the year's end. Placed before whole_year.py, which then dates the year's flow at the year the
document reports on."""

from __future__ import annotations

from ..periods import Period

OPENING = 4  # a word of the whole year alone as the clause before: 全年, / 年内，
NEAR = 20  # characters before the number a period word is looked for in (extract's _period_kind)
NOTE = "a count of the whole year ({}): the year's flow, not a stock"
UNDATED = "year not stated: publication year"


def whole_year_word(figure, doc):
    """The word of the whole year before the number: in its clause, or alone as the clause before it (全年,全市…)."""
    start = max(figure.sentence[0], figure.clause[0] - OPENING)
    return doc.reference.cue("time_base", "this_year").search(doc.norm, start, figure.at)


def of_the_whole_year(figure, doc, earlier):
    if figure.at < 0 or figure.period_kind != "as_of" or figure.status != "actual" or figure.start_month is not None:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind != "count":
        return figure
    word = whole_year_word(figure, doc)
    if word is None:
        return figure
    lo = max(figure.sentence[0], figure.at - NEAR, word.end())
    near = doc.norm[lo : figure.at]
    if reference.cue("period", "stock").search(near) or reference.cue("period", "year_end").search(near):
        return figure
    figure.period_kind = "year"
    figure.notes = [n for n in figure.notes if "(a stock" not in n]
    if figure.period.inferred and "(a stock" in figure.period.basis:
        figure.period = Period(figure.period.start, figure.period.end, True, UNDATED)
    figure.notes.append(NOTE.format(word.group()))
    return figure
