"""Part of a year: 1—5月 and 1至7月 (January to May: year_to_date), 一季度, 上半年, 前三季度 (year_to_date),
二季度, 5月份 (months). The nearest such words before the number in its sentence set the figure's months;
else the nearest earlier before the sentence's full stop (1月至9月,…产量20万辆;…产值144.9亿元: a
semicolon ends no period), not one compared with (比1-9月提高); else those of the document's head (2020年1-11月广西经济运行
is about January-November throughout). Within such months, 累计 is January through the last month
(year_to_date) and 当月 the last month alone (months)."""

from __future__ import annotations

import re

from ..periods import Period

_NUMBER = r"(\d{1,2}|[一二三四五六七八九十]{1,2})"
# (one \s* on each side of 月份: two in a row would try every split of a long run of spaces)
_SPAN = re.compile(_NUMBER + r"\s*(?:月份?\s*)?(?:-|—|–|~|至|到)\s*" + _NUMBER + r"\s*月(?:份)?(?!底|末|\d|日)")
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
}
_NAMED_RE = re.compile("|".join(sorted(map(re.escape, _NAMED), key=len, reverse=True)))
# 前5个月, 前十个月: January through the Nth month (前两个月 too)
_FIRST_MONTHS = re.compile(r"前\s*(\d{1,2}|[一二两三四五六七八九十]{1,2})\s*个月")
_BASE = re.compile(r"(?:上年|去年)同期\s*$")  # 上年同期: the comparison, not the figure's period
_CHINESE = "一二三四五六七八九十"
HEAD = 60
REACH = 400  # characters before a figure's sentence that its months are looked for in (as extract's REACH)
_COMPARED = re.compile(r"(?:比|较|与|同)\s*$")  # 比1-9月提高: a comparison's months, not a frame
_THIS_MONTH = re.compile(r"当月")
_GOES_ON = re.compile(r"\s*其中")  # a sentence that opens with 其中 goes on with the one before it
_SO_FAR = re.compile(r"累计")
WHOLE_YEAR_KINDS = ("average", "cumulative")  # kinds a table cell's months never replace
STOCK_NEAR = 20  # characters before the number a stock word is looked for in (extract's _period_kind)
NEAR = 8  # characters before the number that 累计 or 当月 may stand in
AMOUNTS = ("level", "count")  # 累计 of an amount is a total to date unless its own clause says which months


def _month(written: str) -> int:
    if written.isdigit():
        return int(written)
    if written == "两":
        return 2
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
    for match in _FIRST_MONTHS.finditer(norm, lo, hi):
        last = _month(match.group(1))
        if 1 <= last <= 12 and not _BASE.search(norm, max(0, match.start() - 4), match.end() + 2):
            found.append((match.start(), match.end(), 1, last))
    for match in _ONE_MONTH.finditer(norm, lo, hi):
        month = _month(match.group(1))
        if 1 <= month <= 12 and not any(s <= match.start() < e for s, e, *_ in found):
            found.append((match.start(), match.end(), month, month))
    return sorted(found)


def _full_sentence_start(norm: str, at: int) -> int:
    """Where the sentence holding `at` starts when only 。!? and line ends end one (a ; does not), looked
    for at most REACH characters back: a "sentence" of 80 KB is not read again for every figure in it."""
    lo = max(0, at - REACH)
    return max(lo, *(norm.rfind(stop, lo, at) + 1 for stop in "。!?\n"))


def _frame(figure, doc) -> tuple[int, int, str] | None:
    """(first month, last month, basis) the figure sits in, or None."""
    norm, sentence = doc.norm, figure.sentence
    # 比10月份加快4.2个百分点: the months compared with are not the figure's, in its own clause either
    own = [s for s in spans(norm, sentence[0], figure.at) if not _COMPARED.search(norm, max(0, s[0] - 2), s[0])]
    if own:
        return own[-1][2], own[-1][3], ""
    start = _full_sentence_start(norm, sentence[0])
    if _GOES_ON.match(norm, start):  # 11月份,…有19种产品实现增长。其中,氧化铝增长29.3%: the months of the one before
        start = _full_sentence_start(norm, max(0, start - 1))
    earlier = [s for s in spans(norm, start, sentence[0]) if not _COMPARED.search(norm, max(0, s[0] - 2), s[0])]
    if earlier:
        first, last = earlier[-1][2], earlier[-1][3]
        return first, last, f"months from earlier in the sentence ({first}-{last}月)"
    head = spans(norm, doc.body_start, min(doc.body_start + HEAD, len(norm)))  # the article's head, not the page's
    if not head or figure.period.end != doc.reporting_year or figure.period_kind == "as_of":
        return None
    first, last = head[0][2], head[0][3]
    return first, last, f"months from the document's head ({first}-{last}月)"


def months(figure, doc, earlier):
    if figure.period_kind == "average" or figure.period.start is None or figure.at < 0:
        return figure
    if figure.period_kind == "cumulative" and figure.period.start != figure.period.end:
        return figure  # 2021—2023年累计: a total over years
    frame = _frame(figure, doc)
    if frame is None:
        return figure
    first, last, basis = frame
    if figure.period_kind == "as_of" and _held(figure, doc):
        return figure  # 上半年新增企业58家,总数达到1350家: the total held at the months' end, no months' flow
    near = doc.norm[max(figure.sentence[0], figure.at - NEAR) : figure.at]
    if _THIS_MONTH.search(near):
        first = last  # 累计增长1.6%,当月增长8.2%: the frame's last month alone
    elif figure.period_kind == "cumulative":
        if not _SO_FAR.search(near):
            return figure  # a total said with 共计/合计: not read as months
        if basis and doc.reference.metric(figure.metric_code).kind in AMOUNTS:
            return figure  # 项目累计完成投资199.4亿元 after 1—5月: a total to date, the months are another's
        first = 1  # 1-11月…累计增长: January through the frame's last month
    _year_before_if_not_ended(figure, doc, last)
    if (first, last) == (1, 12):  # 1-12月: the whole year
        return figure
    figure.start_month, figure.end_month = first, last
    figure.period_kind = "year_to_date" if first == 1 else "months"
    if basis:
        figure.notes.append(basis)
    return figure


def _held(figure, doc) -> bool:
    """A count with a stock word in the number's clause before it (总数, 共有, 现有: cue_words period stock): what is held at the
    end of the months, not what they added (a count with no such word, 产值超亿元企业128家, is of the months)."""
    if doc.reference.metric(figure.metric_code).kind != "count":
        return False  # 上半年…保持全区工业投资总量、增速第一: 总量 names what a rank ranks, of the months
    lo = max(figure.clause[0], figure.at - STOCK_NEAR)
    return bool(doc.reference.cue("period", "stock").search(doc.norm, lo, figure.at))


def _year_before_if_not_ended(figure, doc, last: int) -> None:
    """Months that had not ended when the document came out are of the year before: 前三季度 or 1—11月 in a
    text published in January 2021 are 2020's. Only a year the figure does not state is moved (今年1—11月
    says its year), and only a result: a target may be of months to come."""
    period = figure.period
    if doc.published_month is None or figure.status != "actual" or not period.inferred:
        return
    if not period.basis.startswith("year not stated") or period.end != doc.published_year:
        return
    if last <= doc.published_month:
        return  # 1—6月 in a text dated 2024-06: a date read from the text itself may be the month's
    year = period.end - 1
    figure.period = Period(
        year,
        year,
        True,
        f"months to {last}月 had not ended by publication ({doc.published_year}-{doc.published_month:02d}): {year}",
    )
    figure.notes = [n for n in figure.notes if not n.startswith("year not stated")] + [figure.period.basis]
