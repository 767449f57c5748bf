"""A share or a rank with no year in its text describes how things stand when the document is written: 羽绒加工量
占全国28%, 行业占比超90%, 铟矿储量世界第一 are as of the publication date (period_kind as_of, year inferred;
raw/README.md: as_of is a stock at a date), not a flow of the publication year, which has not ended. Of the
seed and development gold, 9 of 10 such shares and ranks are as_of. A share dated by its text (2023年…占比,
1—5月…占全市) keeps its period; a growth rate keeps its year."""

from __future__ import annotations

KINDS = ("share", "rank")
UNDATED = "year not stated: publication year"
NOTE = "a share or rank with no year in its text: as of publication"


def as_of_publication(figure, doc, earlier):
    if figure.period_kind != "year" or figure.status != "actual":
        return figure
    if not figure.period.inferred or not figure.period.basis.startswith(UNDATED):
        return figure
    if doc.reference.metric(figure.metric_code).kind not in KINDS:
        return figure
    figure.period_kind = "as_of"
    figure.notes.append(NOTE)
    return figure
