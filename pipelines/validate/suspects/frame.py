"""The SQL that finds a suite's suspect rows: first their number, then (only if any) the rows."""

from __future__ import annotations

from dataclasses import dataclass

from ...sql import quote
from ..kinds import needs_every_row
from .predicates import duplicated_columns, suspect_condition

ROWS = "__clusterdw_rows"
SUSPECTS = "__clusterdw_suspects_"


@dataclass
class SuspectQueries:
    # one row, in one pass over the frame: a row of the frame (its columns, their types), then the
    # frame's row count (ROWS) and each expectation's count of suspects (SUSPECTS0, SUSPECTS1 ...)
    counts_sql: str
    suspects_sql: str  # every row some expectation may fail: read only when some count is not 0
    columns: list[str]


def suspect_queries(definition: dict, frame_sql: str, columns: list[str]) -> SuspectQueries | None:
    """The queries over `columns` of `frame_sql`; None when an expectation needs every row."""
    counts, conditions = [], []
    for expectation in definition.get("expectations", []):
        kind, kwargs = str(expectation.get("type", "")), expectation.get("kwargs", {})
        if needs_every_row(kind, kwargs):
            return None  # a distinct-value set, a row count, a share of the rows: a smaller frame changes it
        condition, repeated = suspect_condition(kind, kwargs), duplicated_columns(kind, kwargs)
        if condition is not None:
            counts.append(f"count(*) filter (where {condition})")
            conditions.append(condition)
        elif repeated is not None:
            listed = ", ".join(quote(c) for c in repeated)
            if len(repeated) == 1:  # GX skips nulls here
                counts.append(f"count({listed}) - count(distinct {listed})")
                conditions.append(f"({listed} is not null and count(*) over (partition by {listed}) > 1)")
            else:  # nulls taken as values: more suspects at most
                counts.append(f"count(*) - count(distinct ({listed}, 0))")
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
    return SuspectQueries(
        counts_sql=(
            f"{frame}, summary as (\n    select any_value(struct_pack({packed})) as first_row, "
            f"count(*) as {ROWS}, {counted}\n    from frame\n)\n\n"
            f"select {fields}, {ROWS}, {', '.join(f'{SUSPECTS}{n}' for n in range(len(counts)))} "
            "from summary"
        ),
        suspects_sql=(
            f"{frame}, marked as (\n    select {listed}, ({' or '.join(conditions)}) as __suspect\n"
            f"    from frame\n)\n\nselect {listed} from marked where __suspect"
        ),
        columns=list(columns),
    )


def split_counts(frame, queries: SuspectQueries):
    """counts_sql's one-row frame as (a frame of the first row, or of none when the frame is empty; the
    row count; whether any expectation has suspects)."""
    rows = int(frame[ROWS].iloc[0])
    suspects = any(int(frame[column].iloc[0]) for column in frame.columns if column.startswith(SUSPECTS))
    first = frame[queries.columns]
    return (first if rows else first.iloc[0:0]), rows, suspects
