"""The unit after a number: the longest unit of raw/reference/units.csv that starts there.

多 and 余 between a number and its unit (4000多台, 24万余人) say "more than" and are not part of the unit;
来 there (100来万吨, 十来家) says "about" (raw/README.md, qualifier), and is no part of it either.
A size tier (千亿级, 三千亿 产业) takes the catalogue's tier unit 亿级, as raw/README.md asks.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .numerals import Numeral
from .script import Text, half_width

TIER_UNIT = "亿级"
_BARE = re.compile("[一二两三四五六七八九]?[十百千万]")  # 千, 五百: an order of magnitude, no digits
_TIER_NOUNS = ("产业", "级", "元级")
_MORE = "多余"
_ABOUT = "来"
_POINTS = "百分点"  # 个多百分点: 多 between the classifier and the points


@dataclass(frozen=True)
class UnitMatch:
    unit: str  # as the document writes it (a tier: 亿级 in the document's script)
    end: int  # end of the unit in the copy (after 以上 is not included)
    measures: frozenset[str]
    more_than: bool  # 多 / 余 inside
    tier: bool
    read_as: str | None = None  # a unit not written but read (七大 -> 个): said in the note
    about: bool = False  # 来 inside


def match(
    text: Text, numeral: Numeral, units: dict[str, set[str]], longest: int, not_after: dict[str, str] | None = None
) -> UnitMatch | None:
    """not_after: a unit character -> the characters after it that make it part of a longer word (个人,
    名单, 项目: cue_kind unit_guard of cue_words.csv)."""
    not_after = not_after or {}
    norm = text.norm
    pos = numeral.end
    while pos < len(norm) and norm[pos] == " ":
        pos += 1
    skip: set[int] = set()
    more = about = False
    if pos < len(norm) and norm[pos] in _MORE + _ABOUT:
        skip.add(pos)
        more, about = norm[pos] in _MORE, norm[pos] in _ABOUT
    elif pos + 1 < len(norm) and norm[pos] in "万亿" and norm[pos + 1] in _MORE + _ABOUT:
        skip.add(pos + 1)
        more, about = norm[pos + 1] in _MORE, norm[pos + 1] in _ABOUT
    elif norm.startswith(_POINTS, pos + 2) and norm[pos] == "个" and norm[pos + 1] in _MORE:
        skip.add(pos + 1)  # 1个多百分点: more than 1个百分点, the 多 inside the unit
        more = True
    chars = []
    positions = []
    i = pos
    while i < len(norm) and len(chars) < longest:
        if i not in skip:
            chars.append(norm[i])
            positions.append(i)
        i += 1
    candidate = "".join(chars)
    for length in range(len(candidate), 0, -1):
        unit = candidate[:length]
        if unit not in units:
            continue
        end = positions[length - 1] + 1
        follower = norm[end : end + 1]
        if follower and follower in _MORE:  # 两个多月: the word goes on past the 多 (个…月, a duration)
            follower = norm[end + 1 : end + 2]
        if follower and follower in not_after.get(unit[-1], ""):
            continue
        if unit == "年" and norm[max(0, numeral.start - 1) : numeral.start] != "每":
            return None  # 三年行动, 近五年: a span of time, not a figure (每3年 is one)
        written = "".join(half_width(text.original[text.origin[p]]) for p in positions[:length])  # ％ is %
        if unit == "亿" and numeral.chinese and follower not in ("元", "美"):
            return _tier(text, positions[0], end, more, units)
        if (
            unit == "亿元"
            and numeral.chinese
            and _BARE.fullmatch(norm[numeral.start : numeral.end])
            and norm.startswith(_TIER_NOUNS, end)
        ):
            return _tier(text, positions[0], end, more, units)  # 千亿元产业: a class, not an amount
        if unit == TIER_UNIT:
            return _tier(text, positions[0], end, more, units)
        return UnitMatch(written, end, frozenset(units[unit]), more, False, about=about)
    if candidate[:1] == "大" and "个" in units:  # 七大产业: seven of them
        return UnitMatch(
            _as_script(text, numeral.start, "个", "個"),
            positions[0] + 1,
            frozenset(units["个"]),
            more,
            False,
            read_as="大",
        )
    return None


def _as_script(text: Text, at: int, hans: str, hant: str) -> str:
    """A unit that is read rather than copied, in the script of the character at `at`."""
    ch = text.original[text.origin[at]]
    return hant if half_width(ch) != text.norm[at] else hans  # a full-width digit is no Traditional script


def _tier(text: Text, start: int, end: int, more: bool, units: dict[str, set[str]]) -> UnitMatch | None:
    if TIER_UNIT not in units:
        return None
    if text.norm[end : end + 1] == "级" and text.norm[end - 1] == "亿":
        end += 1
    return UnitMatch(_as_script(text, start, TIER_UNIT, "億級"), end, frozenset(units[TIER_UNIT]), more, True)
