"""One row per listed item sharing a number (培育壮大机械制造、新材料、大健康、服装皮革四大千亿产业): each row's
evidence starts at its own item, so the span says which item the row is for (新材料、大健康、服装皮革四大
千亿产业 for 新材料), as reviewers cut them. The first item's span is the list from it on."""

from __future__ import annotations

from ..evidence import occurs_more_than_once

LISTED = "one of a list sharing the number"


def span_from_its_item(figure, doc, earlier):
    if not figure.cluster or not any(note.startswith(LISTED) for note in figure.notes):
        return figure
    if doc.reference.metric(figure.metric_code).kind == "rank":
        return figure  # 保持全区工业投资总量、增速第一: the rank's span keeps its field
    at = figure.evidence.find(figure.cluster)
    if at <= 0:
        return figure
    span = figure.evidence[at:]
    if occurs_more_than_once(doc.text.original, span):
        return figure
    figure.evidence = span
    return figure
