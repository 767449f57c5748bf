"""A document in Traditional script drafts as its Simplified twin (benchmarks/script_invariance.py): each
Simplified seed and development document, converted by OpenCC (s2t, s2hk, s2tw, and s2t with pinyin notes as
a machine conversion leaves them), drafts the same rows, field by field, read back to Simplified. Held-out
documents are never read."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import script_invariance as invariance
from pipelines.annotate import reference

REPO = Path(__file__).resolve().parents[2]


DOCUMENTS = invariance.documents() if invariance.SEEDS.exists() and invariance.CORPUS.exists() else {}


@pytest.fixture(scope="module")
def known():
    return reference.load(REPO / "raw")


@pytest.fixture(scope="module")
def published():
    return invariance.published_dates(REPO / "raw")


@pytest.mark.skipif(not DOCUMENTS, reason="the shared seeds and corpus are not on this machine")
@pytest.mark.parametrize("document_id", sorted(DOCUMENTS))
def test_a_traditional_twin_drafts_as_the_simplified_document(document_id, known, published):
    text = DOCUMENTS[document_id].read_text(encoding="utf-8")
    found = invariance.differences(document_id, text, published[document_id], known)
    assert not any(found.values()), {c: d for c, d in found.items() if d}


def test_a_difference_in_a_written_column_is_found_through_its_simplified_form():
    row = {"figure_id": "000-001", **dict.fromkeys(invariance.CODED + invariance.WRITTEN, "")}
    simplified = row | {"value": "5", "unit": "万家", "place": "钦州市", "evidence": "总量突破5万家"}
    same = row | {"value": "5", "unit": "萬家", "place": "欽州市", "evidence": "總量突破5萬家"}
    noted = same | {"place": "欽(qīn)州市"}  # a name with a note resolves to no key
    assert invariance.compare([simplified], [same]) == []
    assert invariance.compare([simplified], [noted]) == [("place", "000-001", "钦州市", "欽(qīn)州市")]


def test_pinyin_notes_follow_converted_characters_only():
    assert invariance.with_pinyin_notes("产业园区", "產業園區", every=2) == "產業(yè)園區(qū)"
