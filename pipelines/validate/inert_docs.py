"""Great Expectations' Data Docs made safe to open: built in a new folder of their own, every page
made inert and offline, then put in place of the last ones.

GX writes the values it found unexpected into its pages as they are (a unit named
`<img src=x onerror=...>` runs in the browser that opens the docs), and its pages load jQuery,
Bootstrap and Vega from outside hosts. Escaping GX's output after the fact cannot tell its markup
from a value's, so each page gets a Content-Security-Policy that runs no script at all and loads
nothing from anywhere but the docs' own folder, placed first in <head>, before any value; and the
tags that would load from outside hosts are removed, so the pages open offline without waiting on
them. What the pages show is GX's HTML and CSS: tables of expectations and the values they met.
"""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from pathlib import Path

from ..errors import ClusterdwError

POLICY = (
    "default-src 'none'; script-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
    "font-src 'self' data:; form-action 'none'; base-uri 'none'; frame-src 'none'; object-src 'none'"
)
_CSP = f'<meta http-equiv="Content-Security-Policy" content="{POLICY}">'
_HEAD = re.compile(r"<head\b[^>]*>", re.IGNORECASE)
_OUTSIDE = r"""["']?(?:https?:)?//"""  # a URL with a host: http://, https:// or protocol-relative //
_REMOVED = [
    re.compile(rf"<script\b[^>]*\bsrc\s*=\s*{_OUTSIDE}[^>]*>\s*</script\s*>", re.IGNORECASE),
    re.compile(rf"<link\b[^>]*\bhref\s*=\s*{_OUTSIDE}[^>]*>", re.IGNORECASE),
    re.compile(rf"<img\b[^>]*\bsrc\s*=\s*{_OUTSIDE}[^>]*>", re.IGNORECASE),
]


def staging_dir(docs_dir: Path) -> Path:
    """A new, empty folder beside `docs_dir` for GX to build the docs in: nothing planted in it."""
    try:
        docs_dir.parent.mkdir(parents=True, exist_ok=True)
        return Path(tempfile.mkdtemp(prefix=f".{docs_dir.name}.tmp-", dir=docs_dir.parent))
    except OSError as error:
        raise ClusterdwError(
            f"cannot create the Data Docs folder: {error.strerror}",
            docs_dir,
            "make target/ writable, or run with --no-docs",
        ) from error


def inert_page(html: str) -> str:
    """The page with no script that can run and nothing loaded from outside its folder."""
    for pattern in _REMOVED:
        html = pattern.sub("", html)
    head = _HEAD.search(html)
    if head is None:
        return f"<!DOCTYPE html><html><head>{_CSP}</head><body>{html}</body></html>"
    return html[: head.end()] + _CSP + html[head.end() :]


def make_inert(folder: Path) -> None:
    for path in folder.rglob("*.html"):
        if path.is_file() and not path.is_symlink():
            path.write_text(inert_page(path.read_text(encoding="utf-8", errors="replace")), encoding="utf-8")


def put_in_place(staging: Path, docs_dir: Path) -> None:
    """Replace `docs_dir` by the staged docs. The old folder (or a link planted as it) is renamed away
    and removed without following any link in it: a link planted at index.html is removed, never
    written through."""
    os.chmod(staging, 0o755 & ~_umask())
    old = None
    if docs_dir.exists() or docs_dir.is_symlink():
        old = Path(tempfile.mkdtemp(prefix=f".{docs_dir.name}.old-", dir=docs_dir.parent))
        os.rename(docs_dir, old / docs_dir.name)
    try:
        os.rename(staging, docs_dir)
    finally:
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
