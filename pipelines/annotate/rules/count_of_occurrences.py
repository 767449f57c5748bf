"""A count of occurrences is what the period did, never what is held: 开展安全生产检查860次, 技能培训1.2万人次,
走访服务企业260家次, 举办推介活动32场 are the period's flow (period_kind year), where a count with no flow word is
otherwise read as a stock (现有企业56家: extract; 2011年5046家: stock_in_its_year.py). What makes a count one of
occurrences is its unit: one ending in a word of cue_words period occurrence (after_unit: 次, 场), as the measure
word of a visit or an event. Placed before reporting_year.py and whole_year.py, which then date an undated one
at the year the document reports on. A total said with 累计 is left to total_to_date.py (the number reached so far)."""

from __future__ import annotations

from ..periods import Period
from ..script import simplified

NOTE = "a count of occurrences ({}): the period's flow, not a stock"
UNDATED = "year not stated: publication year"


def occurrence_unit(figure, doc) -> str | None:
    """The occurrence word the figure's unit ends in (人次 ends in 次), or None."""
    unit = simplified(figure.unit)
    return next((w for w in doc.reference.words_of("period", "occurrence", "after_unit") if unit.endswith(w)), None)


def done_not_held(figure, doc, earlier):
    if figure.at < 0 or figure.period_kind != "as_of" or figure.status != "actual":
        return figure
    if doc.reference.metric(figure.metric_code).kind != "count":
        return figure
    word = occurrence_unit(figure, doc)
    if word is None:
        return figure
    figure.period_kind = "year" if figure.start_month is None else figure.period_kind
    if figure.period.inferred and "(a stock" in figure.period.basis:
        figure.notes = [n for n in figure.notes if n != figure.period.basis]
        figure.period = Period(figure.period.start, figure.period.end, True, UNDATED)
        figure.notes.append(UNDATED)
    figure.notes.append(NOTE.format(figure.unit))
    return figure
