"""A figure the draft missed, from text the reviewer selected in the document: its evidence is the
selection; its value and unit are read from the selection as suggest reads them (numerals, units);
its other fields are what suggest drafted for a number there, or for the nearest number before it.
Nothing of suggest is copied here: its reading is called."""

from __future__ import annotations

from functools import cached_property
from pathlib import Path

from ..annotate import draft, reference
from ..annotate import extract as suggest
from ..annotate.extract import Figure, extract
from ..annotate.numerals import numerals
from ..annotate.script import read
from ..annotate.units import UnitMatch
from ..annotate.units import match as unit_after

GUESSED = "guessed from the selection: check every field"


class Guesser:
    def __init__(self, raw_dir: Path, text: str, document_id: str, published_year: int):
        self.raw_dir = raw_dir
        self.text = text
        self.document_id = document_id
        self.published_year = published_year

    @cached_property
    def known(self) -> reference.Reference:
        return reference.load(self.raw_dir)

    @cached_property
    def figures(self) -> list[Figure]:
        """What suggest drafts for the whole document (read once)."""
        return extract(self.text, self.published_year, self.known)

    def forget(self) -> None:
        """raw/reference changed: read it again next time."""
        self.__dict__.pop("known", None)
        self.__dict__.pop("figures", None)
        self.__dict__.pop("document", None)

    @cached_property
    def document(self) -> suggest.Document:
        return suggest.read_document(self.text, self.published_year, self.known)

    def guess(self, start: int, end: int) -> dict[str, str]:
        selection = self.text[start:end]
        inside = [f for f in self.figures if start <= f.number_start < end]
        base = inside[0] if inside else self.figure_without_unit(start, end)
        fields = draft.rows([base], self.document_id)[0] if base else dict.fromkeys(draft.COLUMNS, "")
        notes = [n for n in fields.get("note", "").split("; ") if n]
        if not inside:  # suggest drafted no figure here: what it guessed is a guess twice over
            notes.insert(0, GUESSED)
            value, unit = self.read_number(selection)
            fields["value"] = value or fields["value"]
            fields["unit"] = unit or fields["unit"]
        fields["evidence"] = selection.strip()
        fields["note"] = "; ".join(dict.fromkeys(notes))
        fields.pop("figure_id", None)
        return {k: v for k, v in fields.items() if k in draft.COLUMNS}

    def figure_without_unit(self, start: int, end: int) -> Figure | None:
        """What suggest guesses for the selection's first number, read as suggest reads a number even
        where it finds no unit of the catalogue after it (二十万 alone): then any unit measure may do."""
        doc = self.document
        longest = max(map(len, self.known.units), default=1) + 1
        every_measure = frozenset(m for measures in self.known.units.values() for m in measures)
        for numeral in numerals(doc.norm):
            if not start <= doc.text.origin[numeral.start] < end or (numeral.chinese and numeral.value == 1):
                continue
            line = suggest._within(doc.lines, numeral.start)
            rank = suggest._rank(doc.norm, numeral, line[0], doc.reference)
            unit = (
                suggest._rank_unit(doc.text, numeral, rank)
                if rank
                else unit_after(doc.text, numeral, self.known.units, longest)
                or UnitMatch("", numeral.end, every_measure, False, False)
            )
            found = suggest._figures(doc, numeral, unit, rank, line, [])
            if found:
                return found[0]
        return None

    def read_number(self, selection: str) -> tuple[str | None, str | None]:
        """The first number of the selection and the unit right after it, as suggest reads them."""
        text = read(selection)
        found = numerals(text.norm)
        if not found:
            return None, None
        numeral = next((n for n in found if not (n.chinese and n.value == 1)), found[0])
        longest = max(map(len, self.known.units), default=1) + 1
        unit = unit_after(text, numeral, self.known.units, longest)
        return format(numeral.value, "f"), (unit.unit if unit else None)
