"""No result is known of a year still to come: a figure whose period ends after the publication year is a target
(raw/README.md, status: target for plans and goals), though no target word stands before it in its sentence:
《三年行动方案(2021—2023年)》…推动全区工业投资年均增长20% in a text of 2021 is the plan's goal for 2021-2023.
The publication year itself is running, not to come: its figures keep the status their words give."""

from __future__ import annotations

NOTE = "its period ends after the publication year ({}): a target"


def is_a_target(figure, doc, earlier):
    period = figure.period
    if figure.status != "actual" or period.end is None or period.end <= doc.published_year:
        return figure
    figure.status = "target"
    figure.notes.append(NOTE.format(doc.published_year))
    return figure
