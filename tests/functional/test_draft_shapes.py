"""As an analyst reviewing a draft, I never meet a subject, cluster, place or enterprise cut in the middle of
a phrase: none starts or ends with 的, 、 or a list's joiner (和, 及, 与). Checked on every seed and
development document drafted with the project's reference (held-out documents are never read here)."""

from __future__ import annotations

import csv
from pathlib import Path

import pytest

from benchmarks.corpus_split import SHARED, readable
from pipelines.annotate import reference
from pipelines.annotate.draft import rows
from pipelines.annotate.extract import extract

REPO = Path(__file__).resolve().parents[2]
WRITTEN = ("subject", "cluster", "place", "enterprise")


def _cut(value: str, edges: tuple[str, ...]) -> bool:
    return bool(value) and (value.startswith(edges) or value.endswith(edges))


def test_a_cut_phrase_is_told_from_a_noun():
    edges = ("的", "、", "和")
    assert _cut("个大类中的", edges) and _cut("和靖西的氧化铝", edges)
    assert not _cut("规模以上工业企业", edges) and not _cut("", edges)


@pytest.mark.skipif(not SHARED[0].exists(), reason="the shared seeds and corpus are not on this machine")
def test_no_drafted_name_is_a_phrase_cut_in_two():
    known = reference.load(REPO / "raw")
    edges = ("的", "、", *known.words_of("list", "joiner", "between_items"))
    with (REPO / "raw" / "documents.csv").open(encoding="utf-8-sig", newline="") as handle:
        published = {r["document_id"]: r["published"] for r in csv.DictReader(handle)}
    cut = []
    for document_id, path in readable().items():  # held-out texts are never read
        drafted = rows(extract(path.read_text(encoding="utf-8"), published.get(document_id, ""), known), document_id)
        cut += [(document_id[:3], c, r[c]) for r in drafted for c in WRITTEN if _cut(r[c], edges)]
    assert cut == []
