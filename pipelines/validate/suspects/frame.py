"""The SQL that finds a suite's suspect rows: their number, and in the same pass the rows taken by a
condition on the row alone; a second pass over the frame only when a uniqueness condition (a window
over the whole frame) takes some. A frame computed by joins (fct_facts at 1M figures: 24 s) is then
computed once, not twice, for a suite that warns."""

from __future__ import annotations

from dataclasses import dataclass

from ...sql import quote
from ..kinds import needs_every_row
from .predicates import duplicated_columns, suspect_condition

ROWS = "__clusterdw_rows"
SUSPECTS = "__clusterdw_suspects_"
SUSPECT_ROWS = "__clusterdw_suspect_rows"


@dataclass
class SuspectQueries:
    # one row, in one pass over the frame: a row of the frame (its columns, their types), then the
    # frame's row count (ROWS) and each expectation's count of suspects (SUSPECTS0, SUSPECTS1 ...)
    counts_sql: str
    suspects_sql: str  # every row some expectation may fail: read only when a windowed count is not 0
    columns: list[str]
    # the counts (by number) of conditions that need a window over the frame (uniqueness): only their
    # suspects are missing from counts_sql's SUSPECT_ROWS, a list of the rows the other conditions take
    windowed: frozenset[int] = frozenset()


def suspect_queries(definition: dict, frame_sql: str, columns: list[str]) -> SuspectQueries | None:
    """The queries over `columns` of `frame_sql`; None when an expectation needs every row."""
    counts, conditions, row_conditions, windowed = [], [], [], set()
    for expectation in definition.get("expectations", []):
        kind, kwargs = str(expectation.get("type", "")), expectation.get("kwargs", {})
        if needs_every_row(kind, kwargs):
            return None  # a distinct-value set, a row count, a share of the rows: a smaller frame changes it
        condition, repeated = suspect_condition(kind, kwargs), duplicated_columns(kind, kwargs)
        if condition is not None:
            counts.append(f"count(*) filter (where {condition})")
            conditions.append(condition)
            row_conditions.append(condition)
        elif repeated is not None:
            # the values' hashes counted, not the values: at 10M keys of text, counting distinct values
            # spilled. The count only says whether the exact pass (the windows below) runs; two values
            # that hash alike make it run for nothing, and never skip a repeat
            windowed.add(len(counts))
            listed = ", ".join(quote(c) for c in repeated)
            if len(repeated) == 1:  # GX skips nulls here
                counts.append(
                    f"count({listed}) - count(distinct case when {listed} is not null then hash({listed}) end)"
                )
                conditions.append(f"({listed} is not null and count(*) over (partition by {listed}) > 1)")
            else:  # nulls taken as values (they hash alike): more suspects at most
                counts.append(f"count(*) - count(distinct hash({listed}))")
                conditions.append(f"count(*) over (partition by {listed}) > 1")
        else:
            return None
    if not conditions or not columns:
        return None
    listed = ", ".join(quote(c) for c in columns)
    frame = f"with frame as (\n{frame_sql}\n)\n\n"
    # any_value of the whole row as a struct: one real row (columns picked one by one could mix rows)
    packed = ", ".join(f"{quote(c)} := {quote(c)}" for c in columns)
    fields = ", ".join(f"first_row.{quote(c)} as {quote(c)}" for c in columns)
    counted = ", ".join(f"{expression} as {SUSPECTS}{number}" for number, expression in enumerate(counts))
    # the rows a condition on the row alone takes, gathered in the same pass (null where none is)
    gathered = (
        f"list(struct_pack({packed})) filter (where {' or '.join(row_conditions)})"
        if row_conditions
        else "null::integer[]"
    )
    return SuspectQueries(
        counts_sql=(
            f"{frame}, summary as (\n    select any_value(struct_pack({packed})) as first_row, "
            f"count(*) as {ROWS}, {counted}, {gathered} as {SUSPECT_ROWS}\n    from frame\n)\n\n"
            f"select {fields}, {ROWS}, {', '.join(f'{SUSPECTS}{n}' for n in range(len(counts)))}, {SUSPECT_ROWS} "
            "from summary"
        ),
        suspects_sql=(
            f"{frame}, marked as (\n    select {listed}, ({' or '.join(conditions)}) as __suspect\n"
            f"    from frame\n)\n\nselect {listed} from marked where __suspect"
        ),
        columns=list(columns),
        windowed=frozenset(windowed),
    )


def split_counts(frame, queries: SuspectQueries):
    """counts_sql's one-row frame (SUSPECT_ROWS left out) as (a frame of the first row, or of none when
    the frame is empty; the row count; whether any expectation has suspects; whether a windowed one has)."""
    rows = int(frame[ROWS].iloc[0])
    counts = {int(c.removeprefix(SUSPECTS)): int(frame[c].iloc[0]) for c in frame.columns if c.startswith(SUSPECTS)}
    first = frame[queries.columns]
    return (
        (first if rows else first.iloc[0:0]),
        rows,
        any(counts.values()),
        any(counts[n] for n in queries.windowed),
    )


def gathered_sql(table: str) -> str:
    """The rows counts_sql gathered (its result stored in `table`), as columns of their own types."""
    return f"select unnest({SUSPECT_ROWS}, max_depth := 2) from {table}"


def counts_only_sql(table: str, queries: SuspectQueries) -> str:
    return f"select * exclude ({SUSPECT_ROWS}) from {table}"
