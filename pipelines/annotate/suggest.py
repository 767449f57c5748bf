"""`clusterdw suggest`: a document in, a draft of its figures out (raw/drafts/<id>.csv by default)."""

from __future__ import annotations

import re
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
        raise ClusterdwError(f"publication date '{published}' is not YYYY-MM-DD", "--published",
                             "give the date as documents.csv has it: YYYY-MM-DD (or YYYY-MM, YYYY)")
    return int(match.group(1))


def read_document(path: Path) -> str:
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except FileNotFoundError:
        raise ClusterdwError("document not found", Location(str(path)), "give the path of a .txt file") from None
    except IsADirectoryError:
        raise ClusterdwError("document is a folder", Location(str(path)), "give the path of a .txt file") from None
    except UnicodeDecodeError as error:
        line = path.read_bytes()[:error.start].count(b"\n") + 1
        raise ClusterdwError(f"document is not UTF-8 (byte {error.start})", Location(str(path), line),
                             "save the document as UTF-8 (e.g. iconv -f GB18030 -t UTF-8)") from None
    if not text.strip():
        raise ClusterdwError("document is empty", Location(str(path)), "give the document's text")
    return text


def suggest(project_dir: Path, document: Path, document_id: str, published: str, out: Path | None,
            force: bool = False) -> Result:
    started = time.perf_counter()
    draft.check_document_id(document_id)
    year = published_year(published)
    raw = project_dir / "raw"
    target = out if out is not None else raw / "drafts" / f"{document_id}.csv"
    if target.resolve().parent == (raw / "figures").resolve():
        raise PathRefused("a draft is not written into raw/figures", Location(str(target)),
                          "write it to raw/drafts (the default), review it, then move it into raw/figures")
    if target.exists() and not force:
        raise PathRefused("draft already exists (it may hold a review)", Location(str(target)),
                          "move it away, give another --out, or pass --force to overwrite it")
    text = read_document(document)
    known = reference.load(raw)
    figures = extract(text, published, known)
    table = draft.rows(figures, document_id)
    draft.write(target, table)
    return Result(target, len(table), time.perf_counter() - started, sum(1 for row in table if row["note"]))
