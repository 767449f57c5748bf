"""Reading Traditional script and its machine-conversion artefacts (pipelines/annotate/script.py): names are
written without the pinyin notes a conversion left (業(yè)), and Taiwan's 著 reads as 着 in Traditional text."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.annotate import reference
from pipelines.annotate.extract import extract
from pipelines.annotate.script import plain, read

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def known():
    return reference.load(REPO / "raw")


def test_a_name_leaves_out_the_pinyin_notes_that_evidence_keeps():
    text = read("欽(qīn)州市工業")
    assert text.norm == "钦州市工业"
    assert text.span(0, 3) == "欽(qīn)州市"  # evidence: verbatim
    assert text.name(0, 3) == "欽州市"  # a name: as the warehouse resolves it


def test_a_written_subject_is_looked_up_as_the_copy_reads_it():
    assert plain("發動(dòng)機") == "发动机"
    assert plain("規上企業") == "规上企业"


def test_taiwan_zhe_reads_as_zhe_in_traditional_text_only():
    assert read("著力培育先進裝備製造產業").norm == "着力培育先进装备制造产业"
    assert read("成效顯著,產業發展").norm == "成效显著,产业发展"
    assert read("成效显著,着力培育").norm == "成效显著,着力培育"  # Simplified text: its 著 is 著


def test_a_span_is_read_as_its_document_was():
    text = read("著力培育(yù)先進製造業")
    span = text.reading("著力培育(yù)先進")
    assert span.norm == "着力培育先进"
    assert span.original[span.origin[4] :] == "先進"


def test_a_place_named_with_a_pinyin_note_is_drafted_without_it(known):
    (figure,) = extract("欽(qīn)州市規模以上工業增加值增長5.2%。", "2024-05-01", known)
    assert figure.place == "欽州市"
    assert figure.evidence.startswith("欽(qīn)州市")


def test_an_enterprise_and_a_cluster_named_with_pinyin_notes_are_drafted_without_them(known):
    figures = extract("廣西玉柴(chái)集團(tuán)營業收入增長8%。電(diàn)子信息產業產值增長10%。", "2024-05-01", known)
    by_value = {str(f.value): f for f in figures}
    assert by_value["8"].enterprise == "廣西玉柴集團"
    assert by_value["8"].place == "玉林市"  # the enterprise's city, found by its name
    assert by_value["10"].cluster == "電子信息產業"
