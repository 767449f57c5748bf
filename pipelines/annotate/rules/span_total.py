"""A figure its clause puts after a span of days, weeks or months (上市200天销量突破20万辆, 短短的几个月…就生产了
4000多台) is a total over that span, kind cumulative (raw/README.md: a total over the period), not one
year's amount nor a stock. A frequency (每3个月) or a lead in time (提前两个多月) is no span the figure is over,
and a point that ends one (200天后, 3个月前) is a date."""

from __future__ import annotations

import re

# N天, 几个月, 两周: days, weeks, months (the year's own words are periods.py's)
_SPAN = re.compile(
    r"(?<![每前])(?:\d+|[几数两一二三四五六七八九十百]+)\s*(?:多)?\s*(?:天|日|周|个多?月|個多?月)(?![后後前以])"
)
_NOT_THE_SPAN = re.compile(r"(?:每|提前)\s*$")
NOTE = "a total over the span its clause names ({}): cumulative"


def over_the_span(figure, doc, earlier):
    if figure.at < 0 or figure.status != "actual" or figure.period_kind not in ("year", "as_of"):
        return figure
    clause = doc.norm[figure.clause[0] : figure.at]
    spans = [m for m in _SPAN.finditer(clause) if not _NOT_THE_SPAN.search(clause, 0, m.start())]
    if not spans:
        return figure
    figure.period_kind = "cumulative"
    figure.notes.append(NOTE.format(spans[-1].group()))
    return figure
