"""Page furniture, which states numbers that are no figures: dates, bylines and contact lines, list
numbering, phone numbers, reader counts and issue numbers."""

from __future__ import annotations

import re
from bisect import bisect_right

from .numerals import Numeral

# A line that is a byline, source or contact line: nothing in it is a figure. The word must be followed
# by a colon or a space (记者 张三, 来源:): a report that opens with 记者从…获悉 has no byline.
# The byline words and reader-count words are cue words (cue_kind furniture: byline, reader_count).
# Possessive \s*+: `\s*[(]?\s*` on a line of 50,000 spaces tried every split of them (quadratic).
_BYLINE = r"^\s*+[(]?\s*+({})\s*[:\s]"
# A URL or an e-mail address is furniture, not the line it is on: 详见 https://… 产值增长8.5% keeps its figure.
# Each starts only where its run of characters starts, so a long run without '@' is read once.
_LINK = re.compile(
    r"https?://[^\s,，。;；、)）\]】\"'<>]*+"
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]++@[a-z0-9-]++(?:\.[a-z0-9-]++)+",
    re.IGNORECASE,
)
_PHONE = re.compile(r"\d{3,4}-\d{7,8}|\b1\d{10}\b")
_READER_COUNT = r"({})(量|数|次数)?\s*[::]?\s*$"
_COUNTER_AFTER = r"\s*(?:{})"  # 12人收藏, 128条评论: the counter's word right after its unit
_LIST_MARK = re.compile(r"^\s*[(]?$")
# An interview's turn (记者:去年全县经济发展取得了哪些成绩?县委书记:去年…) opens with a byline word too, but holds
# prose: a question, or a sentence ended with more after it. A byline names people and ends at most once (记者
# 张三 报道。).
_PROSE = re.compile(r"[??!!]|。\s*\S")


# The lines a page sets above an article (a menu, a forum post's meta, an e-paper's header), told by their
# shape: a time stamp (2021-7-24 10:32, 第03版) on a line with no sentence in it, or a line of three or more
# short items (首页 > 财经 > 正文, 积分 1234 帖子 56) with no sentence punctuation. A short line of one or two
# items (楼主 电梯直达, a poster's name) is one too when a page word opens it (cue_kind furniture, code page)
# or page lines stand on both sides of it; else it is a title (柳州工业 稳中向好).
# (© and an ICP licence number: a site's copyright line)
_STAMP = re.compile(r"\d{4}-\d{1,2}-\d{1,2}|\d{1,2}:\d{2}|\d{4}年\d{1,2}月\d{1,2}日|第\s*\d+\s*版|©|ICP")
_SENTENCE = re.compile(r"[。,;!?、]")
_ITEM_SPLIT = re.compile(r"[\s|>»]+")
MENU_ITEM = 6  # characters: a menu's or a meta line's items are words, not phrases
MENU_ITEMS = 3
SHORT = 12  # characters of a line of one or two items that may be a page's
HEAD_LINES = 40  # lines a page's header may take


def _page_line(line: str, byline: re.Pattern, page: re.Pattern) -> str:
    """ "page", "short" (a page's line if its neighbours are) or "" (a line of the article)."""
    text = line.strip()
    if _is_byline(line, byline) or (page.match(text) and len(text) <= SHORT * 4 and not _SENTENCE.search(text)):
        return "page"
    if _SENTENCE.search(text):
        return ""
    if _STAMP.search(text):
        return "page"
    items = [item for item in _ITEM_SPLIT.split(text) if item]
    if len(items) >= MENU_ITEMS and all(len(item) <= MENU_ITEM for item in items):
        return "page"
    return "short" if len(text) <= SHORT and len(items) <= 2 else ""


def body_start(norm: str, reference) -> int:
    """Where the article starts: after the page lines above it (the head a title's year and months are
    read from)."""
    byline = _byline(reference)
    page = re.compile(rf"(?:{reference.alternation('furniture', 'page', 'line_start')})")
    lines, at = [], 0
    for line in norm.split("\n", HEAD_LINES)[:HEAD_LINES]:
        if line.strip():
            lines.append((at, line, _page_line(line, byline, page)))
        at += len(line) + 1
    for index, (at, line, kind) in enumerate(lines):
        if kind == "page":
            continue
        between = 0 < index < len(lines) - 1 and lines[index - 1][2] == lines[index + 1][2] == "page"
        if kind == "short" and between:
            continue
        return at + len(line) - len(line.lstrip())
    return 0


def page_spans(norm: str, reference, body: int) -> list[tuple[int, int]]:
    """The page's own text: its header above the article (up to `body`), byline and contact lines, and
    any line stamped with a date and time, a page number or a copyright (a forum's post meta, a site's
    footer), where a place named (南宁论坛, 桂林新闻网) says where the page is, not what the text is about.
    (A line of short items below the header is not taken: a flattened table's row has that shape.)"""
    spans = [(0, body)] if body else []
    spans.extend(furniture_spans(norm, reference))
    at = 0
    for line in norm.split("\n"):
        if not _SENTENCE.search(line) and _STAMP.search(line):
            spans.append((at, at + len(line)))
        at += len(line) + 1
    return sorted(spans)


def outside(spans: list[tuple[int, int]], mentions: list) -> list:
    """The mentions (with .start) that are in none of the sorted spans."""
    return [m for m in mentions if not _inside(spans, m.start)]


def _byline(reference) -> re.Pattern:
    words = reference.words_of("furniture", "byline", "line_start")
    # 网 址: a spaced-out word still counts
    alternation = "|".join(r"\s*".join(map(re.escape, word)) for word in words) or "(?!)"
    return re.compile(_BYLINE.format(alternation))


def _is_byline(line: str, byline: re.Pattern) -> bool:
    return bool(byline.search(line)) and not _PROSE.search(line)


def furniture_spans(norm: str, reference) -> list[tuple[int, int]]:
    """Spans of the copy that are furniture as a whole: byline and contact lines, phone numbers."""
    spans = []
    at = 0
    byline = _byline(reference)
    for line in norm.split("\n"):
        if _is_byline(line, byline):
            spans.append((at, at + len(line)))
        at += len(line) + 1
    spans.extend(m.span() for m in _LINK.finditer(norm))
    spans.extend(m.span() for m in _PHONE.finditer(norm))
    return sorted(spans)


def _inside(spans: list[tuple[int, int]], at: int) -> bool:
    """Whether `at` is in one of the sorted spans (by bisection: a number costs no pass over them all)."""
    index = bisect_right(spans, (at, float("inf"))) - 1
    return any(start <= at < end for start, end in spans[max(0, index - 8) : index + 1])


def is_furniture(
    norm: str, numeral: Numeral, spans: list[tuple[int, int]], reference, unit_end: int | None = None
) -> str | None:
    """Why a number is furniture, or None. Only numbers with a unit get here: a date (2024年, 7月,
    10日) has no unit of the catalogue, so what is left is the number's place on the page."""
    if _inside(spans, numeral.start):
        return "byline or contact line"
    # Only the 64 characters before the number: reading back to the line's start cost each number the
    # whole line (quadratic on a document of one long line).
    reach = max(0, numeral.start - 64)
    line_start = norm.rfind("\n", reach, numeral.start) + 1 or reach
    after = norm[numeral.end : numeral.end + 1]
    if (
        (line_start > reach or line_start == 0)
        and _LIST_MARK.match(norm[line_start : numeral.start])
        and after in (".", "、", ")")
    ):
        return "list number"
    reader_count = _READER_COUNT.format(reference.alternation("furniture", "reader_count", "before_number"))
    if re.search(reader_count, norm[max(line_start, numeral.start - 8) : numeral.start]):
        return "reader count"
    counter_after = reference.alternation("furniture", "reader_count", "after_unit")
    if unit_end is not None and re.compile(_COUNTER_AFTER.format(counter_after)).match(norm, unit_end):
        return "reader count"
    return None
