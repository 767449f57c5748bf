"""Writing a draft: one row per candidate figure in exactly the columns of raw/figures, so that a
reviewed draft moves into raw/figures as it is. Written beside its place and renamed."""

from __future__ import annotations

import csv
import io
import re
from pathlib import Path

from ..errors import ClusterdwError
from ..load.contracts import FIGURES
from ..publish.atomic import write_atomic
from .extract import Figure

COLUMNS = FIGURES.column_names
DOCUMENT_ID = re.compile(r"\d{3}[0-9A-Za-z_\-]*")


def check_document_id(document_id: str) -> str:
    if not DOCUMENT_ID.fullmatch(document_id):
        raise ClusterdwError(
            f"document id '{document_id}' does not start with three digits",
            "--document-id",
            "give the id documents.csv uses, e.g. 005_1a2b3c4d (figure ids take its first three digits)",
        )
    return document_id


def rows(figures: list[Figure], document_id: str) -> list[dict[str, str]]:
    prefix = document_id[:3]
    out = []
    for number, figure in enumerate(figures, start=1):
        period = figure.period
        out.append(
            {
                "figure_id": f"{prefix}-{number:03d}",
                "document_id": document_id,
                "place": figure.place,
                "cluster": figure.cluster,
                "enterprise": figure.enterprise,
                "metric_code": figure.metric_code,
                "rate_of_metric_code": figure.rate_of_metric_code,
                "period_start_year": "" if period.start is None else str(period.start),
                "period_end_year": "" if period.end is None else str(period.end),
                "subject": figure.subject,
                "period_start_month": "" if figure.start_month is None else str(figure.start_month),
                "period_end_month": "" if figure.end_month is None else str(figure.end_month),
                "period_kind": figure.period_kind,
                "value": format(figure.value, "f"),
                "unit": figure.unit,
                "status": figure.status,
                "qualifier": figure.qualifier,
                "evidence": figure.evidence,
                "is_year_inferred": "true" if period.inferred else "false",
                "note": "; ".join(dict.fromkeys(figure.notes)),
            }
        )
    return out


def write(path: Path, table: list[dict[str, str]]) -> None:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=COLUMNS, lineterminator="\n")
    writer.writeheader()
    writer.writerows(table)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_atomic(path, buffer.getvalue())
