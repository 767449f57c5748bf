"""Hold annotations against their documents: every evidence span must occur verbatim in its document."""

from __future__ import annotations

import csv
import re
from pathlib import Path

from .contracts import DOCUMENTS
from .errors import Location, Violation

# A document_id becomes a file name in --documents: only one its contract allows (no `/`, no `..`).
_DOCUMENT_ID = re.compile(next(c.pattern for c in DOCUMENTS.columns if c.name == "document_id"))


def verify(raw_dir: Path, documents_dir: Path) -> tuple[list[Violation], int]:
    """(problems, figures checked): one problem per figure whose evidence is not in its document."""
    problems: list[Violation] = []
    texts: dict[str, str | None] = {}
    checked = 0
    for path in sorted((raw_dir / "figures").glob("*.csv")):
        with path.open(encoding="utf-8-sig", newline="") as handle:
            reader = csv.DictReader(handle)
            reader.fieldnames  # reads the header, so line_num counts from it
            line = reader.line_num + 1
            for row in reader:
                checked += 1
                where = Location(str(path.relative_to(raw_dir.parent)), line, "evidence")
                line = reader.line_num + 1
                document_id = row.get("document_id") or ""
                if not _DOCUMENT_ID.fullmatch(document_id):
                    problems.append(Violation(Location(where.file, where.line, "document_id"),
                                              f"document_id '{document_id}' is not a valid document_id "
                                              "(letters, digits, _ and -, as in raw/documents.csv)"))
                    continue
                if document_id not in texts:
                    doc = documents_dir / f"{document_id}.txt"
                    texts[document_id] = doc.read_text(encoding="utf-8") if doc.exists() else None
                text = texts[document_id]
                if text is None:
                    problems.append(Violation(where, f"document {document_id}.txt not found in {documents_dir}"))
                elif (row.get("evidence") or "") not in text:
                    problems.append(Violation(where, f"figure {row.get('figure_id')}: evidence "
                                                     f"'{row.get('evidence')}' not found in {document_id}.txt"))
    return problems, checked
