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


def test_a_span_is_unique_as_its_copy_reads_it_not_as_its_notes_fall():
    from pipelines.annotate.evidence import occurs_more_than_once

    text = read("建成產業(yè)園區12個。新建產業園區12個。")
    assert occurs_more_than_once(text, "產業(yè)園區12個")  # 產業園區12個 twice as read
    assert not occurs_more_than_once(text, "建成產業(yè)園區12個")


def test_evidence_is_chosen_as_read_and_kept_within_the_limit_as_written(known):
    from pipelines.load.contracts import EVIDENCE_MAX_LENGTH
    from pipelines.load.numbers import value_in_evidence

    noted = (
        "全區(qū)推進工業(yè)振興大會(huì)提出,著(zhuó)力培育(yù)先進(jìn)裝備(bèi)製造(zào)和綠(lǜ)色新材料"
        "兩(liǎng)個(gè)萬億(yì)級(jí)產(chǎn)業(yè)集羣(qún)。"
    )
    figures = extract(noted, "2021-05-01", known)
    assert figures
    for figure in figures:
        assert len(figure.evidence) <= EVIDENCE_MAX_LENGTH, figure.evidence
        assert value_in_evidence(figure.value, figure.evidence) or "萬億" in figure.evidence, figure.evidence
    plain_twin = extract(
        "全区推进工业振兴大会提出,着力培育先进装备制造和绿色新材料两个万亿级产业集群。", "2021-05-01", known
    )
    assert len(plain_twin) == len(figures)


def test_a_phrase_split_by_a_pinyin_note_converts_as_one():
    # 藉助 is 借助 only as a phrase: the note between its characters must not stop OpenCC seeing it
    assert read("藉(jiè)助北海工業(yè)園").norm == "借助北海工业园"
    assert read("藉助北海工業園").norm == "借助北海工业园"
