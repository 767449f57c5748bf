"""Drafts beside their reviewed rows, for the scripts that sort one column's edits by cause
(subject_causes.py, period_causes.py, cluster_edits.py, evidence_causes.py): each seed and development
document drafted as `make bench-suggest` drafts it (a reference without the strings only that document
holds), and each gold figure paired with the drafted figure bench-suggest pairs it with (suggest_loo.match).
Held-out documents are never drafted here (issue 22's rule); their texts only keep a word out of a
document's reference when they hold it too, as in bench-suggest."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import suggest_loo as loo  # noqa: E402

from pipelines.annotate import reference as reference_module  # noqa: E402
from pipelines.annotate.draft import rows as draft_rows  # noqa: E402
from pipelines.annotate.extract import extract  # noqa: E402
from pipelines.annotate.script import read  # noqa: E402

RAW = loo.REPO / "raw"
FOLDERS = (Path("/work/shared/seeds"), Path("/work/shared/corpus"))


@dataclass
class Drafted:
    document_id: str
    group: str  # seed or development
    original: str  # the document's text
    norm: str  # as suggest reads it (script.read)
    figures: list  # what suggest drafts from it
    gold: list[dict[str, str]]  # its reviewed rows, raw/figures/<id>.csv
    reference: object  # the reference it was drafted with (without the strings only it holds)

    def pairs(self) -> Iterator[tuple[dict[str, str], object]]:
        """(gold row, drafted figure) for every gold figure found."""
        for row, chosen, _ in loo.match(self.original, self.figures, self.gold):
            if chosen is not None:
                yield row, self.figures[chosen]

    def row_pairs(self) -> Iterator[tuple[dict[str, str], dict[str, str]]]:
        """(gold row, drafted row as suggest writes it) for every gold figure found."""
        for row, figure in self.pairs():
            yield row, draft_rows([figure], self.document_id)[0]


def drafted_documents(raw: Path = RAW) -> Iterator[Drafted]:
    """Every annotated seed and development document whose text is in FOLDERS, drafted leave-one-out."""
    published = {r["document_id"]: r["published"] for r in loo.rows(raw / "documents.csv")}
    paths = {}
    for path in sorted((raw / "figures").glob("*.csv")):
        found = [folder / f"{path.stem}.txt" for folder in FOLDERS if (folder / f"{path.stem}.txt").exists()]
        if found:
            paths[path.stem] = found[0]
    originals = {i: p.read_text(encoding="utf-8") for i, p in paths.items()}
    norms = {i: read(text).norm for i, text in originals.items()}
    full = reference_module.load(raw)
    for document_id in sorted(paths):
        group = loo.group_of(document_id)
        if group == "held-out":
            continue  # scored by bench-suggest, never drafted or shown here
        others = [norms[o] for o in norms if o != document_id]
        ref = loo.held_out_reference(full, norms[document_id], others, raw, document_id)
        figures = extract(originals[document_id], published[document_id], ref)
        gold = loo.rows(raw / "figures" / f"{document_id}.csv")
        yield Drafted(document_id, group, originals[document_id], norms[document_id], figures, gold, ref)
