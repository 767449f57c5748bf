"""Hold annotations against their documents: every evidence span must occur verbatim in its document.

A folder may hold only some of the documents (a new one, while the others live elsewhere): figures
of a document absent from it are not checked, and said so, rather than failed."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import Location, Violation
from ..load.contracts import DOCUMENTS, FIGURES
from ..load.rows import rows_of

# A document_id becomes a file name in --documents: only one its contract allows (no `/`, no `..`).
_DOCUMENT_ID = re.compile(next(c.pattern for c in DOCUMENTS.columns if c.name == "document_id"))


@dataclass
class Verification:
    problems: list[Violation] = field(default_factory=list)
    checked: int = 0
    not_checked: dict[str, int] = field(default_factory=dict)  # document_id -> figures not checked
    documents: set[str] = field(default_factory=set)  # documents whose figures were checked


def verify(raw_dir: Path, documents_dir: Path, document: str | None = None) -> Verification:
    """One problem per figure whose evidence is not in its document; only `document`'s figures if given."""
    result = Verification()
    texts: dict[str, str | None] = {}
    for figure in rows_of(raw_dir, FIGURES):  # the files the load reads, no more, no less
        row = figure.values
        where = Location(str(figure.path.relative_to(raw_dir.parent)), figure.line, "evidence")
        document_id = row.get("document_id") or ""
        if document is not None and document_id != document:
            continue
        if not _DOCUMENT_ID.fullmatch(document_id):
            result.checked += 1
            result.problems.append(
                Violation(
                    Location(where.file, where.line, "document_id"),
                    f"document_id '{document_id}' is not a valid document_id "
                    "(letters, digits, _ and -, as in raw/documents.csv)",
                )
            )
            continue
        if document_id not in texts:
            texts[document_id] = _read_document(documents_dir / f"{document_id}.txt")
        text = texts[document_id]
        if text is None:
            result.not_checked[document_id] = result.not_checked.get(document_id, 0) + 1
            continue
        result.checked += 1
        result.documents.add(document_id)
        if (row.get("evidence") or "") not in text:
            result.problems.append(
                Violation(
                    where,
                    f"figure {row.get('figure_id')}: evidence '{row.get('evidence')}' not found in {document_id}.txt",
                )
            )
    return result


def _read_document(path: Path) -> str | None:
    """A document's text, None if there is none; a clear error for one that cannot be read as text."""
    from .suggest import read_document

    if not path.is_file():
        return None
    return read_document(path, for_suggest=False)
