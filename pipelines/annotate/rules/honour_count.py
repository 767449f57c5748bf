"""A count of what entered a list is an event of the year the list came out, not a stock: 南宁6个先进制造业集群
入选, 首批广西先进制造业集群共12个 are the year's selection (period_kind year), as 3家企业入选2024年…典型经验 is
when the year is said. extract reads a count with no year and no flow word as a stock; an honour word after the
number in its clause (cue_words subject honour: 入选, 入围, 获评, 获批) makes it the year's. A total said with
累计 (累计2家企业获评国家5G工厂) is the number reached so far and stays as_of (total_to_date.py)."""

from __future__ import annotations

STOCK = "(a stock, as of publication)"
NOTE = "a count of what entered a list (an honour word after it): the year's, not a stock"


def an_event_of_its_year(figure, doc, earlier):
    if figure.at < 0 or figure.period_kind != "as_of" or STOCK not in figure.period.basis:
        return figure
    if doc.reference.metric(figure.metric_code).kind != "count":
        return figure
    if doc.reference.cue("period", "cumulative").search(doc.norm, figure.clause[0], figure.at):
        return figure  # 累计2家企业获评…: the number reached so far
    after = doc.norm[figure.at : figure.clause[1]]
    if not any(word in after for word in doc.reference.words_of("subject", "honour")):
        return figure
    figure.period_kind = "year"
    figure.notes.append(NOTE)
    return figure
