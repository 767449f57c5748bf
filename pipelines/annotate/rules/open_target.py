"""A target with no year its document states is open-ended (raw/README.md: both years empty, is_year_inferred
false), and its period_kind is year: with no years there is no span to average or total over, so 力争每年突破
关键核心技术100项以上 is a yearly goal (kind year), as every open-ended target of the annotated documents is."""

from __future__ import annotations

SPANNED = ("average", "cumulative")  # a stock a target is to reach (建成年产能30万吨) stays as_of


def kind_year(figure, doc, earlier):
    if figure.status != "target" or figure.period.start is not None or figure.period_kind not in SPANNED:
        return figure
    figure.notes.append(f"an open-ended target ({figure.period_kind} over no years): kind year")
    figure.period_kind = "year"
    return figure
