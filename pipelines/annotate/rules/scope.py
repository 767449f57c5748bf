"""The scope of a total (docs/codes.md, Subjects): 规上工业增加值 and 全部工业增加值 are two statistics, so
an amount of 规模以上工业 — and a rate of it — carries the scope as its subject, as written
(规上工业总产值357.65亿元,同比增长13.5% → both 规上工业). A rate whose clause says only the growth takes
the subject of the level it is the rate of."""

from __future__ import annotations

import re

from . import growth_clause

# 规模以上工业增加值: the scope, then the total's own words; 规模以上工业企业 is a set of enterprises,
# which a count names (subject.py), not a scope
_SCOPE = re.compile(r"(?:规上|规模以上|規上|規模以上)(?:工业|工業)(?![企])")
SCOPED = ("level", "rate")


def of_the_total(figure, doc, earlier):
    if figure.subject or figure.at < 0:
        return figure
    kind = doc.reference.metric(figure.metric_code).kind
    if kind not in SCOPED or (kind == "rate" and not figure.rate_of_metric_code):
        return figure
    if growth_clause.bare_clause(figure, doc):  # 规上工业产值544亿元,同比增长33.7%: its level's scope
        level = growth_clause.level_before(figure, doc, earlier)
        if level is not None and level.metric_code == figure.rate_of_metric_code and level.subject:
            figure.subject = level.subject
        return figure
    scopes = list(_SCOPE.finditer(doc.norm, figure.clause[0], figure.at))
    if scopes:
        figure.subject = doc.text.span(scopes[-1].start(), scopes[-1].end())
    return figure
