"""What `clusterdw review` does, kept out of the thin CLI: open (or reopen) a review, serve its page on
loopback until Ctrl-C (or SIGTERM), and say where the review is saved."""

from __future__ import annotations

import csv
import signal
import webbrowser
from pathlib import Path

import click

from ..annotate.script import simplified
from ..annotate.suggest import read_document
from ..errors import ClusterdwError, Location
from .server import ReviewApp, serve
from .session import DOCUMENT_COLUMNS, Review, read_draft

HANT_SHARE = 0.02  # a document whose characters change this often in Simplified is written in zh-Hant


def document_row(raw: Path, document_id: str, text: str, given: dict[str, str | None]) -> dict[str, str]:
    """The document's row: as documents.csv has it, else from what was given, else guessed (said so)."""
    path = raw / "documents.csv"
    if path.exists():
        with path.open(encoding="utf-8-sig", newline="") as handle:
            for row in csv.DictReader(handle):
                if row.get("document_id") == document_id:
                    return {c: row.get(c) or "" for c in DOCUMENT_COLUMNS}
    first = next((line.strip() for line in text.splitlines() if line.strip()), "")
    changed = sum(1 for a, b in zip(text, simplified(text)) if a != b)
    guessed = {
        "document_id": document_id,
        "title": first[:120],
        "publisher": "",
        "published": "",
        "script": "zh-Hant" if changed > HANT_SHARE * max(len(text), 1) else "zh-Hans",
        "notes": "title from the document's first line" if not given.get("title") else "",
    }
    return guessed | {k: v for k, v in given.items() if v}


def open_review(project_dir: Path, draft: Path, document: Path, given: dict[str, str | None]) -> ReviewApp:
    rows = read_draft(draft)
    document_id = (rows[0]["document_id"] if rows else "") or draft.stem
    if document_id != draft.stem:
        raise ClusterdwError(
            f"the draft's rows are of document {document_id}, its name says {draft.stem}",
            Location(str(draft), 2, "document_id"),
            "name the draft <document_id>.csv",
        )
    text = read_document(document)
    review = Review.open(draft, document, document_row(project_dir / "raw", document_id, text, given))
    published = review.state["document_row"].get("published") or ""
    year = int(published[:4]) if published[:4].isdigit() else _year_of_draft(rows)
    return ReviewApp(project_dir, review, document, year)


def _year_of_draft(rows: list[dict[str, str]]) -> int:
    years = [int(r["period_end_year"]) for r in rows if r["period_end_year"].isdigit()]
    return max(years) if years else 2024


def run(project_dir: Path, draft: Path, document: Path, port: int, browser: bool, given: dict[str, str | None]) -> None:
    app = open_review(project_dir, draft, document, given)
    server = serve(app, port)
    url = f"http://127.0.0.1:{server.server_address[1]}/"
    counts = app.review.summary()
    click.echo(
        f"Reviewing {draft} beside {document}: {len(app.review.rows)} rows "
        f"({counts['accepted']} accepted, {counts['rejected']} rejected, {counts['pending']} to decide)."
    )
    click.echo(
        f"Review page: {url}   (Ctrl-C stops the server; the review is saved as it goes: {app.review.path})",
    )

    def stop(signum, frame):
        raise KeyboardInterrupt

    previous = signal.signal(signal.SIGTERM, stop)
    try:
        if browser:
            webbrowser.open(url)
        server.serve_forever()
    except KeyboardInterrupt:
        click.echo("Stopped. The review is saved: run the same command to go on where you stopped.")
    finally:
        signal.signal(signal.SIGTERM, previous)
        server.server_close()
        app.close()
