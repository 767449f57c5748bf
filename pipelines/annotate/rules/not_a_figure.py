"""Numbers that are no figures though a unit follows them: the denominator of a rate (每万人, 广西每7个贫困
人口), the count of a frequency (每3年复核1次: the 1次), the scope of a statistic (全区9个高新区实现营业
收入…: the nine zones are the set the figure is about, not a figure of their own), a threshold that
defines a set (年产值5000万元以上的企业), a number that opens a quoted name (“三大攻坚战”), and the number
of a party congress or of a session (党的二十大精神, 十八大以来: no 20 items; 人大三次会议: the third session)."""

from __future__ import annotations

import re

_EACH = "每"
# 每3年复核1次, 每月召开1次, 每季度调度1次: the times of a frequency (the interval with no number too)
_FREQUENCY = re.compile(r"每\s*(?:[\d一二三四五六七八九十两半]+\s*)?(?:年|个月|月|季度|季|周|天|旬)[^,。;]{0,8}$")
# 有42项, 新增12家: a count that is itself the figure (its words before: cue_words.csv's counted rows);
# otherwise a count whose noun then 实现/完成 a number in the same clause is the set that number is about
# (全区9个高新区实现营业收入1200亿元).
_SCOPE_AFTER = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:共|合计)?(?:实现|完成|累计完成|共完成)[^,。;]{0,16}?\d")
KEPT_UNITS = ("年",)
_NAME_OPENS = '“《"‘「'  # “三大攻坚战”, “41条”: a number opening a quoted name is part of the name
_THRESHOLD = re.compile(
    r"\s*(?:以上|及以上|以下)的[^,。;]{0,6}?(?:企业|项目|工业|公司)"
)  # 每3年: the interval itself is a figure (review_interval)


def _congress(reference) -> tuple[re.Pattern, re.Pattern]:
    """党的二十大, 十八大以来, 二十大精神, 二十大和二十届…: a congress's number, read as X大 = X items, by the
    words before it and after its unit (cue_kind congress)."""
    before = reference.alternation("congress", "congress", "before_number")
    after = reference.alternation("congress", "congress", "after_unit")
    joiners = reference.alternation("list", "joiner")
    return re.compile(rf"(?:{before})\s*$"), re.compile(rf"\s*(?:{after}|(?:{joiners})\S{{0,4}}届)")


def _counted_before(reference) -> re.Pattern:
    return re.compile(rf"(?:{reference.alternation('counted', 'figure', 'before_number')})\s*$")


def _session(reference) -> re.Pattern:
    """三次会议, 二中全会: the session's number (cue_kind meeting, code session)."""
    return re.compile(rf"\s*(?:{reference.alternation('meeting', 'session', 'after_number')})")


def drop(figure, doc, earlier):
    norm, at = doc.norm, figure.at
    if at < 0:
        return figure
    before = norm[max(0, at - 1) : at]
    if before == _EACH and figure.unit not in KEPT_UNITS:
        return None
    if before and before in _NAME_OPENS:
        return None
    if _THRESHOLD.match(norm, figure.unit_end):  # 年产值5000万元以上的企业: a threshold of a set
        return None
    if figure.unit in ("次",) and _FREQUENCY.search(norm[max(0, at - 20) : at]):
        return None
    if (
        figure.unit == "次"
        and _session(doc.reference).match(norm, figure.unit_end)
        and "届" in norm[max(0, at - 8) : at]
    ):
        return None  # 十五届人大三次会议 (召开3次会议 counts meetings)
    if any(n.startswith("unit read from") for n in figure.notes):
        congress_before, congress_after = _congress(doc.reference)
        if congress_before.search(norm[max(0, at - 3) : at]) or congress_after.match(norm, figure.unit_end):
            return None
    measures = doc.reference.units.get(_simplified(figure.unit), set())
    if (
        "count" in measures
        and not doc.reference.pattern("counted_before", _counted_before).search(norm[max(0, at - 3) : at])
        and _SCOPE_AFTER.match(norm, figure.unit_end, figure.clause[1])
    ):
        return None
    return figure


def _simplified(unit: str) -> str:
    from ..script import simplified

    return simplified(unit)
