"""As an analyst drafting a document copied from a forum post, an e-paper page, an aggregator or a broken
HTML fragment, I get the figures the bare document gives: the page's furniture (a forum's post meta, an
e-paper's header, a menu, share and print lines, counters, tags) changes no row and adds none.
benchmarks/furniture_invariance.py wraps each document in furniture of those shapes and compares drafts."""

from __future__ import annotations

from pathlib import Path

import pytest

from benchmarks import furniture_invariance
from benchmarks.corpus_split import SHARED
from benchmarks.invariance import published_dates
from pipelines.annotate import reference

REPO = Path(__file__).resolve().parents[2]
# A document of the tests' own, written like a statistics release: its head's months frame the figures
# below it (year_to_date, 当月), in paragraphs, with a subject place.
OWN = (
    "2020年1-11月全市经济运行情况\n\n"
    "1-11月,全市规模以上工业增加值同比增长4.1%。\n\n"
    "11月份,国有控股企业增加值累计同比增长1.6%,当月同比增长8.2%;"
    "股份制企业累计增长3.0%,当月增长11.0%。\n\n"
    "全市新增规模以上工业企业35家,完成工业投资188.8亿元。"
)


@pytest.fixture(scope="module")
def known():
    return reference.load(REPO / "raw")


def test_furniture_changes_no_row_of_a_document_of_our_own(known):
    assert furniture_invariance.differences(OWN, "2020-12-16", known) == []


def test_each_wrapping_keeps_the_document_and_adds_furniture(known):
    for wrapped in furniture_invariance.wrappings(OWN):
        assert len(wrapped.text) > len(OWN) + 20, wrapped.shape
        kept = (wrapped.text[wrapped.origin[i]] == OWN[i] for i in range(len(OWN)) if OWN[i] != "\n")
        assert all(kept), wrapped.shape  # (a line break may be written as a tag: </p><p>)


@pytest.mark.slow  # 16 documents drafted 12 times each: 3.3 s
@pytest.mark.skipif(not SHARED[0].exists(), reason="the shared seeds and corpus are not on this machine")
def test_furniture_changes_no_row_of_a_seed_or_development_document(known):
    invariance = furniture_invariance
    published = published_dates(REPO / "raw")
    found = {}
    for document_id, path in invariance.documents(SHARED, None).items():  # held-out documents are left out
        differences = invariance.differences(path.read_text(encoding="utf-8"), published.get(document_id, ""), known)
        if differences:
            found[document_id] = differences
    assert not found, found
