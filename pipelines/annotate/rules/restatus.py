"""One way for a rule to change a figure's status: its period is read again as the new status reads one (a
target gets no year its sentence does not state, an actual may take the paragraph's or the publication's),
and the note of the old period gives way to the rule's."""

from __future__ import annotations

from ..periods import period_of


def restate(figure, doc, status: str, note: str, is_stock: bool = False) -> None:
    from ..extract import _within  # extract imports the rules: read here, not at import

    basis = figure.period.basis
    figure.status = status
    figure.period = period_of(
        doc.years,
        figure.sentence,
        figure.clause,
        _within(doc.paragraphs, figure.at),
        figure.at,
        status == "target",
        doc.published_year,
        is_stock,
    )
    figure.notes = [n for n in figure.notes if n != basis] + [note]
    if figure.period.basis:
        figure.notes.append(figure.period.basis)


def target_of_a_past_year(figure, doc) -> bool:
    """A target whose sentence states a year that had ended by publication (力争到2019年… in a text of 2020)."""
    period = figure.period
    if figure.status != "target" or figure.at < 0 or period.end is None or period.inferred:
        return False
    return period.end < doc.published_year
