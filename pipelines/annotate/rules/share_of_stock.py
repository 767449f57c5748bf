"""A share or a rank of a count is of a stock, as the count is: 规模以上工业企业仅占全国的1.4%, 企业数居全国
第18位 are as of a date (period_kind as_of), not a year's flow. A share or rank of a flow (产值, 增加值,
GDP) stays a year's; one of months (1—5月) keeps its months; one followed by a year in its clause
(仅有7.14%的企业成功跻身2024年广西企业100强) is the share that entered that year's list, a year's, and so
is one of a count before it in its sentence that is a year's flow (有22家企业入围,…居全区第一)."""

from __future__ import annotations

from .stock_in_its_year import year_after

NOTE = "a share or rank of a count: as of a date, like the count"


def _of_a_flow_before(figure, earlier) -> bool:
    """The count it rates stands before it in its sentence and is a year's flow (entrants to a list, 新增), not a
    stock: the share or rank is a year's like it."""
    for before in reversed(earlier):
        if before.at < figure.sentence[0]:
            return False
        if 0 <= before.at < figure.at and before.metric_code == figure.rate_of_metric_code:
            return before.period_kind == "year"
    return False


def like_its_whole(figure, doc, earlier):
    if figure.period_kind != "year" or not figure.rate_of_metric_code:
        return figure
    reference = doc.reference
    if reference.metric(figure.metric_code).kind not in ("share", "rank"):
        return figure
    try:
        whole = reference.metric(figure.rate_of_metric_code)
    except KeyError:  # a rate of a metric the catalogue lacks: the load will say so
        return figure
    if whole.kind != "count":
        return figure
    if year_after(figure, doc):
        return figure  # 7.14%的企业成功跻身2024年广西企业100强: the share that entered that year's list
    if _of_a_flow_before(figure, earlier):
        return figure  # 南宁市有22家企业入围,…分列全区第一、第二位: a rank of the year's entrants, a year's
    figure.period_kind = "as_of"
    figure.notes.append(NOTE)
    held = _the_count_held_before(figure, earlier)
    if held is not None and held.period != figure.period:  # 现有…企业25家,位居全区第二 in March: 2024's, as the count
        figure.notes = [n for n in figure.notes if n != figure.period.basis]
        figure.period = held.period
        figure.notes.append(f"dated as the count it rates ({held.value}{held.unit})")
    return figure


def _the_count_held_before(figure, earlier):
    """The count it rates, before it in its sentence and held (as_of): its date is the share's or rank's."""
    for before in reversed(earlier):
        if before.at < figure.sentence[0]:
            return None
        if 0 <= before.at < figure.at and before.metric_code == figure.rate_of_metric_code:
            return before if before.period_kind == "as_of" else None
    return None
