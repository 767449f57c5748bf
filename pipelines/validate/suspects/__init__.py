"""DuckDB finds the rows an expectation may fail; GX validates only those.

At 10M figures most of validation was moving whole tables into pandas for GX to find no failure. For
each expectation of a suite, predicates.py writes a SQL condition true on every row GX could count as
unexpected (a superset: it may also take rows GX passes, never leave one out). frame.py reads, instead
of the whole frame, first each condition's count of rows; when all are 0 (a table that passes), its
first row only, so GX sees the table's columns; otherwise the rows some condition takes. GX runs the
same suite on that frame with the same severities: for every
expectation here, its verdict, unexpected count and unexpected values on the superset are those on the
whole frame, because a row's outcome depends on that row alone (or, for uniqueness, on the rows with
its value, all of which are taken).

An expectation not known here (a distinct-value set, expect_table_*), or one with `mostly` (a share
of the rows, which a smaller frame
changes), makes its suite read the whole frame, as do Data Docs runs: the docs show GX's element
counts and percentages, which only the whole frame gives.
"""

from .frame import SuspectQueries, counts_only_sql, gathered_sql, split_counts, suspect_queries  # noqa: F401
