"""The years a figure is about: a year or range the sentence states, else 今年/去年/上年/过去的一年
relative to the publication date (inferred), else for an actual figure the publication year (inferred).
A target keeps only a year the document states (a year or a relative year); never an inferred deadline."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

_YEAR = r"((?:19|20)\d{2})"
# Possessive \s*+: `\s*年?\s*` after a year followed by 50,000 spaces tried every split of them.
_RANGE = re.compile(_YEAR + r"\s*+(?:年\s*+)?(?:至|到|—|–|-|~|－)\s*+" + _YEAR + r"\s*+年")
# 2021年以来, 2019年下半年以来, 2020年6月以来: from then to publication; 2018年投产以来, 2015年开园以来:
# from the event the year dates (at most ten characters of no punctuation between the date and 以来: 2017年被列为
# 试点县以来)
_SINCE = re.compile(
    r"(?<!\d)"
    + _YEAR
    + r"\s*+年\s*+(?:\d{1,2}\s*+月份?|[上下]半年|第?[一二三四]季度|[初底末])?\s*+(?:\d{1,2}\s*+日)?"
    + r"[\u4e00-\u9fff]{0,10}?(?:以来|至今)"  # 2016年至今: the same span, from then to publication
)
# 从2018年起, 自2019年开始, 2020年起,: from then on, as 以来 (a bare 2018年开始 opening a clause is an event's start)
_FROM = re.compile(
    r"(?:(?:从|自)\s*+" + _YEAR + r"\s*+年\s*+(?:\d{1,2}\s*+月份?)?\s*+(?:起|开始)"
    r"|(?<!\d)" + _YEAR + r"\s*+年\s*+(?:\d{1,2}\s*+月份?)?\s*+(?:起|开始)(?=\s*[,，]))"
)
_ONE = re.compile(r"(?<!\d)" + _YEAR + r"\s*+年")
# A year in Chinese digits, as formal documents date themselves: 二〇一九年 (〇, ○ or 零 for zero)
_CHINESE_DIGITS = {c: str(d) for d, c in enumerate("〇一二三四五六七八九")} | {"○": "0", "零": "0"}
_CHINESE_YEAR = re.compile(r"(?<![〇○零一二三四五六七八九十])([一二][〇○零一二三四五六七八九]{3})\s*+年")
_FIVE_YEAR_PLAN = re.compile(r"十([一二三四五六])五")  # also inside quotes: “十四五”  # 十四五 = 2021-2025
_QUOTE_END = r"[”\"’']?\s*"
# “十四五”前三年, 头两年, 后两年: the plan's first or last N years (a count of its years, no word to look up)
_PLAN_PART = re.compile(r"[”\"’']?\s*(?:的)?\s*(前|头|后)\s*([两二三四2-4])\s*年(?!度)")
_PLAN_YEARS = {"两": 2, "二": 2, "三": 3, "四": 4}
_OF_THE_PLAN = re.compile(r"[”\"’']?[^,，。;；!?\n]{0,8}?之年")  # “十四五”承上启下之年: one of the plan's years


@lru_cache(maxsize=8)
def _plan_patterns(first: str, last: str, plan: str, span: str, since: str) -> tuple[re.Pattern, re.Pattern]:
    return (
        re.compile(rf"{_QUOTE_END}(?:{span})?\s*(?:{since})"),
        re.compile(rf"{_QUOTE_END}(?:{plan})?\s*(?:的)?\s*(?:({first})|{last})之?年"),
    )


def _plan(reference) -> tuple[re.Pattern, re.Pattern]:
    """After a five-year plan: “十四五”以来 (from its first year on), “十四五”开局之年 / 收官之年 (its first or last
    year): the words are cue_kind plan_year."""
    codes = ("first", "last", "plan", "span", "since")
    return _plan_patterns(*(reference.alternation("plan_year", code, "after_plan") for code in codes))


# A year read from the publication year (今年, 去年, 前年): cue_words.csv's time_base rows at position
# relative_year, their code the years from publication.
RELATIVE_OFFSETS = {"this_year": 0, "last_year": -1, "year_before_last": -2, "next_year": 1}


def relative_years(reference) -> tuple[tuple[str, int], ...]:
    """(word, years from publication) of every relative year word, read once per reference."""
    return reference.pattern(
        "relative_years",
        lambda ref: tuple(
            (word, offset)
            for code, offset in RELATIVE_OFFSETS.items()
            for word in ref.words_of("time_base", code, "relative_year")
        ),
    )


# 近三年来, 近5年来: the last N years up to publication (a section's 五年来 is rules/reviewed_years.py's)
_SPAN_WORDS = "两三四五六七八九十"
# 近三年, 近5年 closing their clause too; not 经过近三年攻坚: a time that passed
_RECENT = re.compile(r"近\s*([两三四五六七八九十2-9])\s*年(?:来|(?=\s*[,，]))")
_COMPARED = re.compile(r"(?:比|较|与|同)$")
_SINCE_WORD = re.compile(r"\s*以来")
TIMES_OF = re.compile(  # 是2010年的4.4倍, 是靖西市的1.8倍: the base of a multiple
    r"\s*(?:同期)?\s*的\s*[\d.零〇一二两三四五六七八九十]+\s*倍"
)


@dataclass(frozen=True)
class Mention:
    start: int
    end: int
    first: int
    last: int
    relative: str | None = None  # the word, for a relative year


@dataclass(frozen=True)
class Period:
    start: int | None
    end: int | None
    inferred: bool
    basis: str  # what the years rest on, for the note


def year_mentions(norm: str, published_year: int, reference) -> list[Mention]:
    plan_since, plan_year = _plan(reference)
    found: list[Mention] = []
    taken: list[tuple[int, int]] = []
    for match in _RANGE.finditer(norm):
        first, last = int(match.group(1)), int(match.group(2))
        if first <= last:
            found.append(Mention(match.start(), match.end(), first, last))
            taken.append(match.span())
    for match in (*_SINCE.finditer(norm), *_FROM.finditer(norm)):  # 2021年以来: from 2021 to publication
        first = int(match.group(1) or match.group(2))
        if first <= published_year:
            found.append(Mention(match.start(), match.end(), first, published_year, relative="以来"))
            taken.append(match.span())
    for match in _ONE.finditer(norm):
        if _COMPARED.search(norm, max(0, match.start() - 1), match.start()) and not norm.startswith(
            "以来", match.end()
        ):
            continue  # 比2015年增长37.8%: the base of a comparison, not the figure's year
        if TIMES_OF.match(norm, match.end()):
            continue  # 是2010年的4.4倍: the base the multiple is of, not the figure's year
        if not any(s <= match.start() < e for s, e in taken):
            year = int(match.group(1))
            found.append(Mention(match.start(), match.end(), year, year))
    for match in _CHINESE_YEAR.finditer(norm):
        year = int("".join(_CHINESE_DIGITS[c] for c in match.group(1)))
        if 1900 <= year <= 2099:
            found.append(Mention(match.start(), match.end(), year, year))
    for match in _FIVE_YEAR_PLAN.finditer(norm):
        number = "一二三四五六".index(match.group(1)) + 11
        first = 1956 + (number - 1) * 5
        if 1990 <= first <= 2046:
            year = plan_year.match(norm, match.end())  # “十四五”开局之年 is 2021, 收官之年 2025: one year
            since = plan_since.match(norm, match.end())  # “十四五”以来: from its first year to publication
            part = _PLAN_PART.match(norm, match.end())
            if part:
                years = int(part.group(2)) if part.group(2).isdigit() else _PLAN_YEARS[part.group(2)]
                lo, hi = (first, first + years - 1) if part.group(1) != "后" else (first + 5 - years, first + 4)
                found.append(Mention(match.start(), part.end(), lo, hi))
            elif since and first <= published_year:
                found.append(Mention(match.start(), since.end(), first, published_year, relative="以来"))
            elif year:
                one = first if year.group(1) else first + 4
                found.append(Mention(match.start(), year.end(), one, one))
            elif _OF_THE_PLAN.match(norm, match.end()):
                continue  # 2022年是“十四五”承上启下之年: a year the plan describes, no span of the figure's
            else:
                found.append(Mention(match.start(), match.end(), first, first + 4))
    for match in _RECENT.finditer(norm):  # 近三年来 in a text of 2021: 2018 to 2021
        span = int(match.group(1)) if match.group(1).isdigit() else _SPAN_WORDS.index(match.group(1)) + 2
        if not any(m.start <= match.start() < m.end for m in found):
            found.append(Mention(match.start(), match.end(), published_year - span, published_year, match.group()))
    for cue in reference.words("time_base", "relative_year"):  # not_preceded_by: 目前年产 holds no 前年
        word, offset = cue.word, RELATIVE_OFFSETS[cue.code]
        for at in (m.start() for m in cue.pattern.finditer(norm)):
            if _COMPARED.search(norm, max(0, at - 2), at) or norm.startswith("同期", at + len(word)):
                continue  # 比上年, 较去年同期: the base of a comparison, not the figure's year
            if not any(m.start <= at < m.end for m in found):
                year = published_year + offset
                since = _SINCE_WORD.match(norm, at + len(word))
                if since and year < published_year:  # 去年以来: from last year to publication
                    found.append(Mention(at, since.end(), year, published_year, relative="以来"))
                else:
                    found.append(Mention(at, at + len(word), year, year, relative=word))
    return sorted(found, key=lambda m: m.start)


def _starting_in(mentions: list[Mention], start: int, end: int) -> list[Mention]:
    """The mentions (sorted by start) that start in start..end, by bisection: linear time overall."""
    return mentions[bisect_left(mentions, start, key=_start) : bisect_left(mentions, end, key=_start)]


def _start(mention: Mention) -> int:
    return mention.start


def period_of(
    mentions: list[Mention],
    sentence: tuple[int, int],
    clause: tuple[int, int],
    paragraph: tuple[int, int],
    at: int,
    is_target: bool,
    published_year: int,
    is_stock: bool = False,
) -> Period:
    """Years of the figure at `at`: the nearest mention before it in its sentence, else the nearest
    after it in its clause; for an actual figure else the nearest before it in its paragraph
    (inferred), else the publication year (inferred). A target gets no year its sentence does not state."""
    before = [m for m in _starting_in(mentions, sentence[0], at) if m.end <= at]
    # 增长12.5%创2015年以来新高: a since after the number is what it is compared with, not its period
    after = [m for m in _starting_in(mentions, at, clause[1]) if m.relative != "以来"]
    chosen = before[-1] if before else (after[0] if after else None)
    if chosen is None and not is_target and not is_stock:
        earlier = [m for m in _starting_in(mentions, paragraph[0], at) if m.end <= at]
        if earlier:
            m = earlier[-1]
            word = (
                m.relative
                if m.relative not in (None, "以来")
                else f"{m.first}"
                if m.first == m.last
                else f"{m.first}-{m.last}"
            )
            return Period(m.first, m.last, True, f"year from {word} earlier in the paragraph")
    if chosen is not None and chosen.relative is None:
        return Period(chosen.first, chosen.last, False, "")
    if chosen is not None and chosen.relative == "以来":
        return Period(chosen.first, chosen.last, True, f"{chosen.first}年以来: to the publication year {chosen.last}")
    if chosen is not None:
        years = f"{chosen.first}" if chosen.first == chosen.last else f"{chosen.first}-{chosen.last}"
        return Period(
            chosen.first, chosen.last, True, f"{chosen.relative} read as {years} (published {published_year})"
        )
    if is_target:
        return Period(None, None, False, "target year not stated: left empty")
    return Period(
        published_year,
        published_year,
        True,
        "year not stated: publication year" + (" (a stock, as of publication)" if is_stock else ""),
    )
