"""Page furniture, which states numbers that are no figures: dates, bylines and contact lines, list
numbering, phone numbers, reader counts and issue numbers."""

from __future__ import annotations

import re

from .numerals import Numeral

# A line that is a byline, source or contact line: nothing in it is a figure. The word must be followed
# by a colon or a space (记者 张三, 来源:): a report that opens with 记者从…获悉 has no byline.
_BYLINE = re.compile(r"^\s*[(]?\s*(记者|编辑|责任编辑|来源|作者|执笔人?|通讯员|联系电话|电话|编辑部地址|地址|"
                     r"电子邮箱|邮箱|网\s*址|扫描)\s*[:\s]|https?://|@[a-z0-9.-]+\.[a-z]")
_PHONE = re.compile(r"\d{3,4}-\d{7,8}|\b1\d{10}\b")
_READER_COUNT = re.compile(r"(阅读|浏览|点击|点赞|评论|分享)(量|数|次数)?\s*[::]?\s*$")
_LIST_MARK = re.compile(r"^\s*[(]?$")


def furniture_spans(norm: str) -> list[tuple[int, int]]:
    """Spans of the copy that are furniture as a whole: byline and contact lines, phone numbers."""
    spans = []
    at = 0
    for line in norm.split("\n"):
        if _BYLINE.search(line):
            spans.append((at, at + len(line)))
        at += len(line) + 1
    spans.extend(m.span() for m in _PHONE.finditer(norm))
    return spans


def is_furniture(norm: str, numeral: Numeral, spans: list[tuple[int, int]]) -> str | None:
    """Why a number is furniture, or None. Only numbers with a unit get here: a date (2024年, 7月,
    10日) has no unit of the catalogue, so what is left is the number's place on the page."""
    if any(start <= numeral.start < end for start, end in spans):
        return "byline or contact line"
    line_start = norm.rfind("\n", 0, numeral.start) + 1
    after = norm[numeral.end:numeral.end + 1]
    if _LIST_MARK.match(norm[line_start:numeral.start]) and after in (".", "、", ")"):
        return "list number"
    if _READER_COUNT.search(norm[max(line_start, numeral.start - 8):numeral.start]):
        return "reader count"
    return None
