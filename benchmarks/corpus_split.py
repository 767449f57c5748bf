"""Which annotated documents are seed, development and held-out: the one split that every benchmark and
test reading the shared texts follows. Held-out texts are scored by suggest_loo.py; no rule writer, no
invariance check and no test reads or shows them."""

from __future__ import annotations

from pathlib import Path

SHARED = (Path("/work/shared/seeds"), Path("/work/shared/corpus"))
# Corpus documents the rules were written from. Issue 22's third round promoted 020 023 024 025 028 from
# held-out to development: a fixed split by ID order (the five lowest held-out IDs), not chosen by score.
DEVELOPMENT = ("020", "021", "022", "023", "024", "025", "026", "027", "028", "029", "033")


def group_of(document_id: str) -> str:
    """seed (the five source documents), development (corpus documents read to write rules) or
    held-out (corpus documents no rule was written from)."""
    if document_id[:3] < "020":
        return "seed"
    return "development" if document_id[:3] in DEVELOPMENT else "held-out"


def readable(folders=SHARED, ids=None) -> dict[str, Path]:
    """The seed and development texts in `folders` (only those of `ids`, if given) by document id: never
    a held-out one."""
    chosen = {}
    for folder in folders:
        for path in sorted(Path(folder).glob("*.txt")):
            if group_of(path.stem) != "held-out" and (ids is None or path.stem[:3] in ids):
                chosen[path.stem] = path
    return chosen
