"""`accept into raw/figures`: the reviewed rows become raw/figures/<ID>.csv (a file this review did not
write is never overwritten), the document's row is added to raw/documents.csv, and verify-evidence
holds every evidence against the document."""

from __future__ import annotations

import csv
import io
import os
import tempfile
from dataclasses import dataclass
from pathlib import Path

from ..annotate.verify import verify
from ..errors import ClusterdwError, ContractError, Location, PathRefused, Violation
from ..publish.atomic import write_atomic
from .check import Checker
from .session import COLUMNS, DOCUMENT_COLUMNS, Review, _now, sha256


@dataclass
class Finished:
    path: Path
    figures: int
    document_row_added: bool
    evidence_problems: list[str]


def ordered(review: Review, text: str) -> list[dict[str, str]]:
    """The kept rows: the draft's in the draft's order, each added row before the first kept draft row
    whose evidence comes later in the document."""
    kept = review.kept()
    drafted = [r for r in kept if r["origin"] == "draft"]
    added = sorted(
        (r for r in kept if r["origin"] == "added"),
        key=lambda r: r.get("offset") if r.get("offset") is not None else len(text),
    )
    out: list[dict] = []
    for row in drafted:
        at = text.find(row["fields"]["evidence"]) if row["fields"]["evidence"] else -1
        while added and at >= 0 and (added[0].get("offset") if added[0].get("offset") is not None else len(text)) < at:
            out.append(added.pop(0))
        out.append(row)
    out += added
    return [r["fields"] for r in out]


def table(rows: list[dict[str, str]], columns) -> str:
    buffer = io.StringIO()
    writer = csv.DictWriter(buffer, fieldnames=list(columns), lineterminator="\n")
    writer.writeheader()
    writer.writerows({c: row.get(c, "") for c in columns} for row in rows)
    return buffer.getvalue()


def refusals(review: Review, checker: Checker) -> list[str]:
    """Why the review cannot be accepted into raw/figures yet (empty: it can)."""
    problems = []
    pending = [r["fields"]["figure_id"] for r in review.rows if r["decision"] == "pending"]
    if pending:
        problems.append(f"{len(pending)} row(s) not decided yet ({', '.join(pending[:8])}): accept or reject each")
    kept = review.kept()
    verdict = checker.check(review.document_id, [r["fields"] for r in kept], review.state["document_row"])
    problems += [f"raw/reference: {p}" for p in verdict.reference]
    problems += [f"documents.csv row: {p}" for p in verdict.document]
    for index, told in sorted(verdict.rows.items()):
        problems += [f"{kept[index]['fields']['figure_id']}: {p}" for p in told]
    return problems


def finish(project_dir: Path, review: Review, checker: Checker, document: Path) -> Finished:
    problems = refusals(review, checker)
    if problems:
        raise ContractError([Violation(Location(f"raw/figures/{review.document_id}.csv"), p) for p in problems])
    raw = project_dir / "raw"
    target = raw / "figures" / f"{review.document_id}.csv"
    written = review.state.get("written") or {}
    if target.exists() and sha256(target) != written.get("sha256"):
        raise PathRefused(
            "raw/figures already holds this document, and this review did not write it",
            Location(str(target)),
            "move it away (or review into it by hand), then accept again",
        )
    text = document.read_text(encoding="utf-8-sig")
    write_atomic(target, table(ordered(review, text), COLUMNS))
    added = add_document_row(raw / "documents.csv", review.state["document_row"] | {"document_id": review.document_id})
    review.state["written"] = {"path": str(target.relative_to(project_dir)), "sha256": sha256(target)}
    review.state["finished"] = _now()
    review.save()
    checked = verify_document(raw, document, review.document_id) if review.kept() else []
    return Finished(target, len(review.kept()), added, checked)


def add_document_row(path: Path, row: dict[str, str]) -> bool:
    """Append the document's row unless documents.csv has it (a row kept by hand is left as it is)."""
    data = path.read_text(encoding="utf-8-sig") if path.exists() else ""
    if data:
        header = next(csv.reader([data.splitlines()[0]]))
        if any(r.get("document_id") == row["document_id"] for r in csv.DictReader(io.StringIO(data))):
            return False
    else:
        header = list(DOCUMENT_COLUMNS)
    if data and not data.endswith("\n"):
        data += "\n"
    line = io.StringIO()
    csv.DictWriter(line, fieldnames=header, lineterminator="\n").writerow({c: row.get(c, "") for c in header})
    write_atomic(path, (data or ",".join(header) + "\n") + line.getvalue())
    return True


def verify_document(raw: Path, document: Path, document_id: str) -> list[str]:
    """verify-evidence on the document's figures, with the document found under its id's name."""
    with tempfile.TemporaryDirectory(prefix="clusterdw-verify-") as folder:
        os.symlink(document.resolve(), Path(folder) / f"{document_id}.txt")
        result = verify(raw, Path(folder), document_id)
    if not result.checked:
        raise ClusterdwError(
            "verify-evidence checked no figure of the document",
            Location(str(document)),
            "check that the reviewed file's document_id is the document's id",
        )
    return [str(p) for p in result.problems]
