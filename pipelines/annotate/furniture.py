"""Page furniture, which states numbers that are no figures: dates, bylines and contact lines, list
numbering, phone numbers, reader counts and issue numbers."""

from __future__ import annotations

import re

from .numerals import Numeral

# A line that is a byline, source or contact line: nothing in it is a figure. The word must be followed
# by a colon or a space (记者 张三, 来源:): a report that opens with 记者从…获悉 has no byline.
# The byline words and reader-count words are cue words (cue_kind furniture: byline, reader_count).
_BYLINE = r"^\s*[(]?\s*({})\s*[:\s]|https?://|@[a-z0-9.-]+\.[a-z]"
_PHONE = re.compile(r"\d{3,4}-\d{7,8}|\b1\d{10}\b")
_READER_COUNT = r"({})(量|数|次数)?\s*[::]?\s*$"
_LIST_MARK = re.compile(r"^\s*[(]?$")


def _byline(reference) -> re.Pattern:
    words = reference.words_of("furniture", "byline", "line_start")
    # 网 址: a spaced-out word still counts
    alternation = "|".join(r"\s*".join(map(re.escape, word)) for word in words) or "(?!)"
    return re.compile(_BYLINE.format(alternation))


def furniture_spans(norm: str, reference) -> list[tuple[int, int]]:
    """Spans of the copy that are furniture as a whole: byline and contact lines, phone numbers."""
    spans = []
    at = 0
    byline = _byline(reference)
    for line in norm.split("\n"):
        if byline.search(line):
            spans.append((at, at + len(line)))
        at += len(line) + 1
    spans.extend(m.span() for m in _PHONE.finditer(norm))
    return spans


def is_furniture(norm: str, numeral: Numeral, spans: list[tuple[int, int]], reference) -> str | None:
    """Why a number is furniture, or None. Only numbers with a unit get here: a date (2024年, 7月,
    10日) has no unit of the catalogue, so what is left is the number's place on the page."""
    if any(start <= numeral.start < end for start, end in spans):
        return "byline or contact line"
    line_start = norm.rfind("\n", 0, numeral.start) + 1
    after = norm[numeral.end:numeral.end + 1]
    if _LIST_MARK.match(norm[line_start:numeral.start]) and after in (".", "、", ")"):
        return "list number"
    reader_count = _READER_COUNT.format(reference.alternation("furniture", "reader_count", "before_number"))
    if re.search(reader_count, norm[max(line_start, numeral.start - 8):numeral.start]):
        return "reader count"
    return None
