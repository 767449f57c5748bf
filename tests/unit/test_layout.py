"""A document's layout is no text (pipelines/annotate/layout.py): one test per way the copy and the rules
read a text whatever its layout."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.annotate import evidence, extract, layout, reference
from pipelines.annotate.script import read
from pipelines.load.numbers import value_in_evidence

REPO = Path(__file__).resolve().parents[2]


def _wrapped(paragraphs: list[str], width: int) -> str:
    """Each paragraph cut every `width` characters, wherever that falls, as a PDF's column cuts it."""
    return "\n".join("\n".join(p[i : i + width] for i in range(0, len(p), width)) for p in paragraphs)


PARAGRAPH = "全市完成工业总产值1250.3亿元,同比增长8.5%,其中柳州市汽车产量达151.9万辆,增长16%,位居全区第一位。"
# Cut at 15: 1250.3\n亿元 (a unit split) and 柳\n州市.
WRAPPED = _wrapped([PARAGRAPH, "\u3000\u3000新的一段。"], 15)  # an indent starts a paragraph


@pytest.fixture(scope="module")
def known():
    return reference.load(REPO / "raw")


def test_a_hard_wrapped_text_reads_as_one_line_per_paragraph():
    assert "1250.3\n亿元" in WRAPPED and "柳\n州市" in WRAPPED
    assert read(WRAPPED).norm == PARAGRAPH + "\n新的一段。"


def test_a_text_of_lines_of_many_lengths_has_no_soft_wrap():
    plain = "标题\n第一段说了一句话,很短。\n第二段长一些,说了两句话。第二句。\n第三段。\n第四段最后一段,完。"
    assert layout.soft_wraps(plain) == []


def test_lines_of_one_length_that_end_their_sentences_are_no_wrapped_text():
    """A report's repeated paragraphs (each园区's two lines, of one length by its form) are not hard-wrapped:
    joining them made one paragraph of the whole text, and drafting quadratic."""
    form = "南宁市{i}号工业园区工业经济运行情况\n园区规模以上工业增加值同比增长{i}.5%,工业投资增长{i}.4%。\n"
    text = "".join(form.format(i=i) for i in range(1, 10))
    assert layout.soft_wraps(text) == []


def test_an_indented_or_blank_line_after_a_full_line_starts_a_paragraph():
    full = "一二三四五六七八九十一二"  # the column's width: 12
    lines = [full, full, full, "\u3000\u3000七八九十。", full, full, "", "三四"]
    text = "\n".join(lines)
    ends = [sum(len(line) + 1 for line in lines[: k + 1]) - 1 for k in range(len(lines) - 1)]
    assert layout.soft_wraps(text) == [ends[0], ends[1], ends[4]]  # not before the indent nor the blank line


def test_a_windows_line_end_and_an_indent_read_as_nothing():
    assert read("\u3000\u3000产值8亿元。\r\n  增长5%。").norm == "产值8亿元。\n增长5%。"


def test_a_typesetting_space_by_a_digit_reads_as_nothing_in_prose_only():
    assert read("2021 年全市增长 5.2%,产量 20 万辆。").norm == "2021年全市增长5.2%,产量20万辆。"
    assert read("阅读 3.2万 评论 128 点赞 56").norm == "阅读 3.2万 评论 128 点赞 56"  # a line of fields
    assert read("南宁 12.5 13.6").norm == "南宁 12.5 13.6"  # a table's row


def test_a_name_is_written_without_the_wrap_and_an_evidence_keeps_it():
    text = read(WRAPPED)
    at = text.norm.index("柳州市")
    assert text.span(at, at + 3) == "柳州市"
    assert text.exact(at, at + 3) == "柳\n州市"
    assert text.length(at, at + 3) == 3


def test_a_unit_is_written_half_width_and_a_full_width_digit_is_no_traditional_script(known):
    figures = extract.extract("全市产值增长５．２％,新增企业７个。", "2021-06-01", known)
    assert [(str(f.value), f.unit) for f in figures] == [("5.2", "%"), ("7", "个")]


def test_a_span_wrapped_elsewhere_is_the_same_span():
    document = read("园区产值达到48.5亿元。另一园区产\n值达到48.5亿元。")
    assert evidence.occurs_more_than_once(document, "园区产值达到48.5亿元")
    assert evidence.read_length(document, "柳州\r\n市") == 3
    span = document.reading("河池\n共淘汰 20 万吨")  # a span's words read across its wrap, cut back there
    assert (span.norm, list(span.origin)) == ("河池共淘汰20万吨", [0, 1, 3, 4, 5, 7, 8, 10, 11, 12])


def test_a_number_wrapped_over_lines_is_read_in_its_evidence():
    assert value_in_evidence("1250.3", "产值1250.\n3亿元")
    assert value_in_evidence("2335", "在建面积233\r\n5亩")
    assert not value_in_evidence("2335", "在建面积233。\n5亩")


def test_blank_lines_between_paragraphs_are_no_paragraph(known):
    one = extract.read_document("第一段。\n第二段。\n第三段。", "2021-06-01", known)
    spaced = extract.read_document("第一段。\n\n第二段。\n\n\n第三段。", "2021-06-01", known)
    assert len(one.paragraphs) == len(spaced.paragraphs) == 3


def test_a_wrapped_rank_keeps_its_clause_before(known):
    text = _wrapped(["2024年,全市新能源汽车渗透率达64.9%,位居全国第一,累计产量突破300万辆,产值增长12.3%。"], 14)
    assert "第\n一" in text
    plain = next(f for f in extract.extract(text.replace("\n", ""), "2024-06-01", known) if f.unit in ("位", "名"))
    rank = next(f for f in extract.extract(text, "2024-06-01", known) if f.unit in ("位", "名"))
    assert plain.evidence == "新能源汽车渗透率达64.9%,位居全国第一"  # rank_clause: what is ranked
    assert rank.evidence.replace("\n", "") == plain.evidence and rank.evidence in text


def test_a_listed_row_starts_at_its_item_wrapped_over_two_lines(known):
    paragraph = (
        "全市将着力培育先进装备制造和绿色新材料两个万亿级产业集群,推动产业转型升级,力争工业总产值年均增长百分之十以上。"
    )
    text = _wrapped([paragraph], 18)
    assert "新材\n料" in text
    rows = {f.cluster: f.evidence for f in extract.extract(text, "2021-06-01", known)}
    assert rows["绿色新材料"] == "绿色新材\n料两个万亿级产业集群"  # list_item: from its own item
