"""A target's years are the deadline its document states, or none (raw/README.md: never a deadline the document
does not give). A span that has passed is no deadline: 2021年以来,…;力争打造千亿级产业集群 or 近三年来…,将力争…
takes from its sentence only the years behind it (to the publication year), and 去年, 上年, 前年 are behind it too.
Such a target is open-ended: both years empty, not inferred."""

from __future__ import annotations

from ..periods import Period, relative_years


def _a_past_span(basis: str, reference) -> bool:
    past = tuple(f"{w} read as" for w, offset in relative_years(reference) if offset < 0)  # 去年, 上年, 前年
    return "年以来: to the publication year" in basis or basis.startswith(past + ("近",))


def no_deadline_behind(figure, doc, earlier):
    period = figure.period
    if (
        figure.status != "target"
        or period.start is None
        or not period.inferred
        or not _a_past_span(period.basis, doc.reference)
    ):
        return figure
    figure.notes = [n for n in figure.notes if n != period.basis] + [
        f"a target after {period.basis.split(':')[0].split(' read as')[0]}: a span behind it, no deadline"
    ]
    figure.period = Period(None, None, False, "target year not stated: left empty")
    return figure
