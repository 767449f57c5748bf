"""Numbers as documents write them: 187.3, 1,700, ５７ (already half-width in the copy), 十二, 两千,
一万 and mixed forms such as 1.2万 (value 1.2, 万 stays with the unit as the contract wants)."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

import cn2an

# Possessive ++: on an 80 KB run of 1,000,000,… each start gave back one group at a time (quadratic).
_ARABIC = re.compile(r"(?<![\d.])\d{1,3}(?:,\d{3})++(?:\.\d++)?(?![\d,])|(?<![\d.])\d++(?:\.\d++)?(?![\d])")
# Chinese numerals; 万 is read into the value (一万台 = 10000 台), 亿 never (千亿级 = 1000 亿级).
_CHINESE = re.compile("[零〇一二两三四五六七八九十百千万]+")
_UNIT_LEAD = re.compile(r"(?:\(|单位\s*:?)$")  # 常住人口(万人), 单位:万吨: a unit named, no number
_APPROXIMATE = re.compile(
    r"[\d零〇一二两三四五六七八九十百千] *[余多来]$"
)  # 200余, 三十多, 100来: the number before a 万


# 两三个, 七八家: two neighbouring digits say "a few", no number (cn2an reads 两三 as 23)
_A_FEW = frozenset({"一两", "两三", "二三", "三四", "三五", "四五", "五六", "六七", "七八", "八九"})


@dataclass(frozen=True)
class Numeral:
    start: int  # in the text's copy
    end: int
    value: Decimal
    chinese: bool


def _chinese_value(run: str) -> Decimal | None:
    if run[0] in "十百千万":  # 千亿级, 百亿: a bare order of magnitude means one of it
        run = "一" + run
    try:
        return Decimal(str(cn2an.cn2an(run, "normal")))
    except (ValueError, KeyError, IndexError):
        return None


def numerals(norm: str) -> list[Numeral]:
    """Every number in the copy, in text order. Chinese runs that are no number (十四五) are skipped."""
    found = [Numeral(m.start(), m.end(), Decimal(m.group().replace(",", "")), False) for m in _ARABIC.finditer(norm)]
    for match in _CHINESE.finditer(norm):
        run, start = match.group(), match.start()
        before = norm[max(0, start - 8) : start].rstrip(" ")
        if all(ch in "十百千万" for ch in run) and (
            before[-1:].isdigit() or _APPROXIMATE.search(before) or _UNIT_LEAD.search(before)
        ):
            continue  # the 万 of 1.2万 (20 万, 200余万吨, 1000多万, a header's (万人), 单位:万吨): part of a unit
        value = None if run in _A_FEW else _chinese_value(run)
        if value is None:
            continue
        found.append(Numeral(start, match.end(), value, True))
    return sorted(found, key=lambda n: n.start)
