"""What the invariance checks (furniture_invariance.py, layout_invariance.py, script_invariance.py) share: the
fields of a drafted figure they compare, and the publication dates the documents are drafted with."""

from __future__ import annotations

import csv
from pathlib import Path

# A drafted figure's fields compared between a document and its rewriting. Evidence is compared by each check
# its own way (as written, without layout, read back from Traditional script).
FIELDS = (
    "place",
    "cluster",
    "enterprise",
    "metric_code",
    "rate_of_metric_code",
    "period",
    "period_kind",
    "value",
    "unit",
    "status",
    "qualifier",
    "subject",
    "start_month",
    "end_month",
)


def row(figure, fields=FIELDS) -> dict[str, object]:
    return {name: getattr(figure, name) for name in fields}


def published_dates(raw: Path) -> dict[str, str]:
    """document_id -> its publication date, from raw/documents.csv."""
    with (raw / "documents.csv").open(encoding="utf-8-sig", newline="") as handle:
        return {r["document_id"]: r["published"] for r in csv.DictReader(handle)}
