"""Part of a year: 1—5月 and 1至7月 (January to May: year_to_date), 一季度, 上半年, 前三季度 (year_to_date),
二季度, 5月份 (months). The nearest such words before the number in its sentence set the figure's months;
else those of the document's head (2020年1-11月广西经济运行 is about January-November throughout)."""

from __future__ import annotations

import re

_NUMBER = r"(\d{1,2}|[一二三四五六七八九十]{1,2})"
_SPAN = re.compile(_NUMBER + r"\s*(?:月份?)?\s*(?:-|—|–|~|至|到)\s*" + _NUMBER + r"\s*月(?:份)?(?!底|末|\d|日)")
_ONE_MONTH = re.compile(r"(?<![\d\-—–~至到])" + _NUMBER + r"\s*月份")
_NAMED = {
    "前三季度": (1, 9),
    "上半年": (1, 6),
    "下半年": (7, 12),
    "第一季度": (1, 3),
    "一季度": (1, 3),
    "第二季度": (4, 6),
    "二季度": (4, 6),
    "第三季度": (7, 9),
    "三季度": (7, 9),
    "第四季度": (10, 12),
    "四季度": (10, 12),
    "前两个月": (1, 2),
    "前2个月": (1, 2),
}
_NAMED_RE = re.compile("|".join(sorted(map(re.escape, _NAMED), key=len, reverse=True)))
_BASE = re.compile(r"(?:上年|去年)同期\s*$")  # 上年同期: the comparison, not the figure's period
_CHINESE = "一二三四五六七八九十"
HEAD = 60
WHOLE_YEAR_KINDS = ("average", "cumulative")


def _month(written: str) -> int:
    if written.isdigit():
        return int(written)
    if written == "十":
        return 10
    if written.startswith("十"):
        return 10 + _CHINESE.index(written[1]) + 1
    return _CHINESE.index(written[0]) + 1 if len(written) == 1 else 0


def spans(norm: str, lo: int, hi: int) -> list[tuple[int, int, int, int]]:
    """(start, end, first month, last month) of every part-of-a-year mention in norm[lo:hi]."""
    found = []
    for match in _SPAN.finditer(norm, lo, hi):
        first, last = _month(match.group(1)), _month(match.group(2))
        if 1 <= first <= last <= 12:
            found.append((match.start(), match.end(), first, last))
    for match in _NAMED_RE.finditer(norm, lo, hi):
        if not _BASE.search(norm, max(0, match.start() - 4), match.end() + 2):
            first, last = _NAMED[match.group()]
            found.append((match.start(), match.end(), first, last))
    for match in _ONE_MONTH.finditer(norm, lo, hi):
        month = _month(match.group(1))
        if 1 <= month <= 12 and not any(s <= match.start() < e for s, e, *_ in found):
            found.append((match.start(), match.end(), month, month))
    return sorted(found)


def months(figure, doc, earlier):
    if figure.period_kind in WHOLE_YEAR_KINDS or figure.period.start is None or figure.at < 0:
        return figure
    sentence = figure.sentence
    own = list(spans(doc.norm, sentence[0], figure.at))
    basis = ""
    if own:
        _, _, first, last = own[-1]
    else:
        head = spans(doc.norm, 0, min(HEAD, len(doc.norm)))
        if not head or figure.period.end != doc.reporting_year or figure.period_kind == "as_of":
            return figure
        _, _, first, last = head[0]
        basis = f"months from the document's head ({first}-{last}月)"
    if (first, last) == (1, 12):  # 1-12月: the whole year
        return figure
    figure.start_month, figure.end_month = first, last
    figure.period_kind = "year_to_date" if first == 1 else "months"
    if basis:
        figure.notes.append(basis)
    return figure
