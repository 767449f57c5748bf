"""HTML left in a copied page is no text (pipelines/annotate/markup.py, read by script.read), and the lines a
page sets above an article are no head (furniture.body_start)."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipelines.annotate import furniture, reference
from pipelines.annotate.script import read

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def known():
    return reference.load(REPO / "raw")


def test_tags_read_as_nothing_or_a_line_break_and_entities_as_their_character():
    text = read('<p class="txt"\nstyle="text-indent:2em">&nbsp;&nbsp;产值增长5%<br></p>\n<p>投资&amp;消费</p>')
    assert text.norm == "产值增长5%\n投资&消费\n"
    assert text.span(0, 6) == "产值增长5%"  # what a draft writes is cut from the original


def test_a_less_than_sign_before_a_number_and_a_tag_cut_by_the_text_end():
    assert read("增速<5%,好于<b>预期</b>").norm == "增速<5%,好于预期"
    assert read("产值增长5%</di").norm == "产值增长5%"


def test_a_blank_html_paragraph_stays_one_blank_line():
    assert read("甲。<br></p>\n<p>&nbsp;</p>\n<p>乙。</p>").norm == read("甲。\n\n乙。").norm + "\n"


def test_markup_costs_linear_time():
    import time

    started = time.perf_counter()
    read("<p>产值增长5%&nbsp;</p>\n" * 20000)
    assert time.perf_counter() - started < 2.0


def test_the_article_starts_below_a_page_header(known):
    page = "首页 > 财经 > 正文\n楼主 电梯直达\n老王在路上\n发表于 2021-7-24 10:32\n2020年全市工业运行\n正文。"
    assert page[furniture.body_start(page, known) :].startswith("2020年全市工业运行")
    assert furniture.body_start("\n\n柳州工业 增长\n正文。", known) == 2  # a title with a space is no menu
    assert furniture.body_start("2020年全市工业运行\n正文,产值增长5%。", known) == 0


def test_an_empty_html_paragraph_is_one_blank_line():
    assert read("<p>甲。</p><p></p><p>乙。</p>").norm == "甲。\n\n乙。\n"
    assert read("<p>甲。</p><p>&nbsp;</p><p></p><p>乙。</p>").norm == "甲。\n\n乙。\n"


def test_a_place_the_page_names_is_not_the_subject(known):
    from pipelines.annotate.extract import extract

    article = "全市工业增加值增长5%。"
    page = "首页 > 论坛 > 南宁论坛\n来源: 柳州日报 2021-07-24 08:15\n" + article + "\n桂林新闻网 版权所有 © 2021"
    assert [f.place for f in extract(page, "2021-07-24", known)] == [
        f.place for f in extract(article, "2021-07-24", known)
    ]
