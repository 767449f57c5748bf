"""`clusterdw suggest`: a document in, a draft of its figures out (raw/drafts/<id>.csv by default)."""

from __future__ import annotations

import csv
import io
import os
import re
import stat
import time
from dataclasses import dataclass
from pathlib import Path

from ..errors import ClusterdwError, Location, PathRefused
from . import draft, reference
from .extract import extract

_PUBLISHED = re.compile(r"((?:19|20)\d{2})(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?")


@dataclass(frozen=True)
class Result:
    path: Path
    figures: int
    seconds: float
    unsure: int  # rows whose note says what a guess rests on


def published_year(published: str) -> int:
    match = _PUBLISHED.fullmatch(published)
    if not match:
        raise ClusterdwError(
            f"publication date '{published}' is not YYYY-MM-DD",
            "--published",
            "give the date as documents.csv has it: YYYY-MM-DD (or YYYY-MM, YYYY)",
        )
    return int(match.group(1))


MAX_DOCUMENT_BYTES = 2 * 1024 * 1024  # the longest policy document is under 100 KB
# Unicode's format characters (category Cf): zero-width spaces and joiners, bidi controls, soft hyphen, BOM.
_FORMAT_CHARACTERS = (
    "\u00ad\u0600-\u0605\u061c\u06dd\u070f\u180e\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\ufeff\ufff9-\ufffb\U000110bd\U0001d173-\U0001d17a"
    "\U000e0001\U000e0020-\U000e007f"
)
INVISIBLE_IN_NUMBER = re.compile(f"(?<=[0-9０-９.．,，])[{_FORMAT_CHARACTERS}]+(?=[0-9０-９])")


def read_document(path: Path, for_suggest: bool = True) -> str:
    """The document's text: a regular file of UTF-8 text of at most MAX_DOCUMENT_BYTES, with no
    invisible character inside a number (1<ZWSP>0 would be drafted as 1 and 0)."""
    try:
        # O_NONBLOCK: opening a FIFO does not wait for a writer; it and /dev/zero are refused unread.
        with open(os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC), "rb") as handle:
            found = os.fstat(handle.fileno())
            if stat.S_ISDIR(found.st_mode):
                raise IsADirectoryError
            if not stat.S_ISREG(found.st_mode):
                raise ClusterdwError(
                    "document is not a regular file (a FIFO, device or socket)",
                    Location(str(path)),
                    "give the path of a .txt file",
                )
            os.set_blocking(handle.fileno(), True)
            data = handle.read(MAX_DOCUMENT_BYTES + 1)
    except FileNotFoundError:
        raise ClusterdwError("document not found", Location(str(path)), "give the path of a .txt file") from None
    except IsADirectoryError:
        raise ClusterdwError("document is a folder", Location(str(path)), "give the path of a .txt file") from None
    except PermissionError:
        raise ClusterdwError(
            "document cannot be read: permission denied",
            Location(str(path)),
            "make it readable (chmod u+r), or give another path",
        ) from None
    if len(data) > MAX_DOCUMENT_BYTES:
        raise ClusterdwError(
            f"document is over the {MAX_DOCUMENT_BYTES:,} bytes suggest reads",
            Location(str(path)),
            "split it into documents of at most 2 MB, each with its own document_id",
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        line = data[: error.start].count(b"\n") + 1
        raise ClusterdwError(
            f"document is not UTF-8 (byte {error.start})",
            Location(str(path), line),
            "save the document as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)",
        ) from None
    if not for_suggest:  # verify-evidence looks evidence up as it is written
        return text
    if not text.strip():
        raise ClusterdwError("document is empty", Location(str(path)), "give the document's text")
    if invisible := INVISIBLE_IN_NUMBER.search(text):
        line = text.count("\n", 0, invisible.start()) + 1
        column = invisible.start() - (text.rfind("\n", 0, invisible.start()) + 1) + 1
        raise ClusterdwError(
            f"an invisible character (U+{ord(invisible.group()[0]):04X}) inside a number",
            f"{path}:{line}:{column}",
            "delete it, so that the number reads as the document shows it",
        )
    return text


MAX_DRAFT_BYTES = 16 * 1024 * 1024


def refuse_unless_draft(target: Path, document_id: str) -> None:
    """--force overwrites only a draft of this document: a regular file of its own (no link, no other
    hard link) whose header is exactly a draft's and whose rows are all of `document_id`. Anything else
    (the warehouse, documents.csv, a reference file, a model, another document's figures) is refused."""
    fix = "give --out a new path, or the draft's own path (raw/drafts/<ID>.csv); --force overwrites only a draft"
    found = os.lstat(target)
    if stat.S_ISLNK(found.st_mode) or not stat.S_ISREG(found.st_mode) or found.st_nlink > 1:
        what = (
            "a symbolic link"
            if stat.S_ISLNK(found.st_mode)
            else "not a regular file"
            if not stat.S_ISREG(found.st_mode)
            else "a file with another hard link"
        )
        raise PathRefused(f"refusing to overwrite {what}", Location(str(target)), fix)
    reason = None
    if found.st_size > MAX_DRAFT_BYTES:
        reason = f"it is {found.st_size:,} bytes"
    else:
        try:
            rows = list(csv.reader(io.StringIO(target.read_bytes().decode("utf-8"), newline="")))
        except (UnicodeDecodeError, csv.Error):
            rows = []
        if not rows or rows[0] != draft.COLUMNS:
            reason = "its first line is not a draft's header"
        else:
            at = draft.COLUMNS.index("document_id")
            others = sorted({row[at] for row in rows[1:] if len(row) > at and row[at] != document_id})
            if others:
                reason = f"it holds figures of document {others[0]}"
    if reason:
        raise PathRefused(
            f"refusing to overwrite a file that is not a draft of {document_id} ({reason})", Location(str(target)), fix
        )


def suggest(
    project_dir: Path, document: Path, document_id: str, published: str, out: Path | None, force: bool = False
) -> Result:
    started = time.perf_counter()
    draft.check_document_id(document_id)
    published_year(published)  # a bad --published fails here, before any work
    raw = project_dir / "raw"
    target = out if out is not None else raw / "drafts" / f"{document_id}.csv"
    if target.resolve().parent == (raw / "figures").resolve():
        raise PathRefused(
            "a draft is not written into raw/figures",
            Location(str(target)),
            "write it to raw/drafts (the default), review it, then move it into raw/figures",
        )
    if (target.exists() or target.is_symlink()) and not force:
        raise PathRefused(
            "draft already exists (it may hold a review)",
            Location(str(target)),
            "move it away, give another --out, or pass --force to overwrite it",
        )
    if target.exists() or target.is_symlink():
        refuse_unless_draft(target, document_id)
    text = read_document(document)
    known = reference.load(raw)
    figures = extract(text, published, known)
    table = draft.rows(figures, document_id)
    draft.write(target, table)
    return Result(target, len(table), time.perf_counter() - started, sum(1 for row in table if row["note"]))
