"""What the invariance checks (furniture_invariance.py, layout_invariance.py, script_invariance.py) share: the
fields of a drafted figure they compare, and the publication dates the documents are drafted with."""

from __future__ import annotations

import argparse
import csv
from pathlib import Path

from benchmarks.corpus_split import SHARED, readable

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


def by_number(figures, back: dict[int, int] | None = None) -> dict[int, list]:
    """A draft's figures by where their number stands in the document (a number may give several rows: a list
    of items); `back` maps a rewriting's positions to the document's, -1 for a number the document lacks."""
    rows: dict[int, list] = {}
    for figure in figures:
        at = figure.number_start if back is None else back.get(figure.number_start, -1)
        rows.setdefault(at, []).append(figure)
    return rows


def paired(document: str, plain: dict[int, list], rewritten: dict[int, list], shape: str, what: str, found: list):
    """The rows both drafts give at each number, a pair at a time. A number drafted only in the rewriting (`what`
    drafted as a figure) and a number giving another count of rows are written to `found` instead."""
    for figure in rewritten.get(-1, []):
        found.append(f"{shape}: {what} drafted as a figure: {figure.value} {figure.unit} «{figure.evidence}»")
    for at in sorted((set(plain) | set(rewritten)) - {-1}):
        ours, theirs = plain.get(at, []), rewritten.get(at, [])
        if len(ours) != len(theirs):
            found.append(f"{shape}: {len(ours)} rows → {len(theirs)} at «{document[at : at + 12]}»")
            continue
        yield from zip(ours, theirs, strict=True)


def changed(a, b, fields=FIELDS) -> list[str]:
    """`field old → new` for each compared field the two rows differ in."""
    ours, theirs = row(a, fields), row(b, fields)
    return [f"{k} {v!r} → {theirs[k]!r}" for k, v in ours.items() if theirs[k] != v]


def documents(folders=SHARED, ids=None) -> dict[str, Path]:
    return readable(folders, ids)  # held-out texts are never read


def arguments(description: str) -> argparse.ArgumentParser:
    """The command line every check takes: which folders of texts, which document ids."""
    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--documents", type=Path, action="append", default=None, help="a folder of texts")
    parser.add_argument("--ids", nargs="*", default=None, help="only these documents (their 3-digit ids)")
    return parser


def texts(args, raw: Path):
    """(document id, text, publication date) of each seed and development document the arguments name."""
    published = published_dates(raw)
    for document_id, path in documents(args.documents or SHARED, args.ids).items():
        yield document_id, path.read_text(encoding="utf-8"), published.get(document_id, "")
