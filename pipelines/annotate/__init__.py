"""Drafting the figures of a document for an analyst to review (`clusterdw suggest`).

The text is read through a Simplified, half-width copy (script.py); numbers with their units are
found in it (numerals.py, units.py), page furniture is set aside (furniture.py), and each figure gets
its place, cluster, metric, period, status and qualifier from the sentence around it and the cue words
of raw/reference (places.py, cues.py, periods.py), and a short verbatim evidence span (evidence.py).
Then the ordered rules of rules/ (RULES, one small module each, each tested from its fixture file
tests/fixtures/suggest/<rule>.txt) correct what the words around a number cannot say alone: the year
the document reports on, months of a part of a year, 预计 of an ended year, comparison places, 分别
lists, table cells (tables.py), and numbers that are no figures.
draft.py writes the rows in the columns of raw/figures. Drafts are not data: nothing here is loaded.
"""
