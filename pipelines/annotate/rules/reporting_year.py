"""The year a document reports on. A report published in February about last year (a government work
report's review, a statistical bulletin, 2020年…统计公报 published in 2021) states most figures without
their year: those figures are of the reported year, not of the publication year."""

from __future__ import annotations

import re
from dataclasses import replace
from functools import lru_cache

from ..periods import Period

_DATE = re.compile(r"((?:19|20)\d{2})(?:-(\d{2}))?(?:-\d{2})?")
HEAD = 60  # the first line (a title), at most this long: where a document names the year it is about
# Words that say the text looks back on a whole year that has ended: cue_kind reporting, code looks_back
# (比上年, 较去年同期 are comparisons that any report makes, not a look back: its not_preceded_by).
EARLY_MONTHS = 6  # published in the first half of a year: a look back is about the year before
WHOLE_YEAR = "全年"  # a look-back word that a forecast of the running year says too (预计全年 in May)
STATED = "the year the document's head states"
RANKING_HEAD = 300
# 2015中国企业500强: a ranking list, whose data year is the year before the list's
# a list's size: 500强, 50强, 百强, 五十强 (a number before 强, not 16%强); or a list named as one (排行榜, 榜单:
# cue_kind reporting, code list_name)
_LIST = r"(?:(?:\d{{2,4}}|[一二三四五六七八九十百千两]{{1,4}})\s*强|{})"


@lru_cache(maxsize=8)
def _rankings(names: str, scopes: str) -> tuple[re.Pattern, re.Pattern]:
    """A dated ranking list (2023年…百强榜单), and an undated one opened by its scope (中国企业500强: the
    list of the publication year; the scope words are cue_kind reporting, code list_scope)."""
    listed = _LIST.format(names)
    return (
        re.compile(r"((?:19|20)\d{2})\s*年?\s*(?:度)?\s*[\u4e00-\u9fff]{0,12}?" + listed),
        re.compile(rf"(?:{scopes})[\u4e00-\u9fff]{{0,8}}?" + listed),
    )


def published(value: int | str) -> tuple[int, int | None]:
    """(year, month or None) of a publication date given as 2024, '2024', '2024-02' or '2024-02-10'."""
    if isinstance(value, int):
        return value, None
    match = _DATE.fullmatch(str(value).strip())
    if not match:
        raise ValueError(f"publication date {value!r} is not YYYY, YYYY-MM or YYYY-MM-DD")
    return int(match.group(1)), int(match.group(2)) if match.group(2) else None


def of_document(norm: str, year: int, month: int | None, mentions, reference, start: int = 0) -> tuple[int, str]:
    """(the year reported on, why): a year the head states that is the publication year or the one
    before; a ranking list's data year (the year before the list's); else the year before when
    published early in a year by a text that looks back; else the publication year. (Taking the year
    a text states most was tried: it moved no held-out figure and put present-day areas in the year
    before.) `start`: where the article starts below the page's header lines (furniture.body_start)."""
    body = norm[start:]
    first_line = start + len(body) - len(body.lstrip()) + (body.lstrip() + "\n").index("\n")
    head = [
        m
        for m in mentions
        if start <= m.start < min(start + HEAD, first_line) and m.relative is None and m.first == m.last
    ]
    dated, undated = _rankings(
        reference.alternation("reporting", "list_name", "title"), reference.alternation("reporting", "list_scope")
    )
    ranking = dated.search(norm, start, start + RANKING_HEAD)  # a list the text is about is named at its top
    if ranking and int(ranking.group(1)) in (year, year - 1):  # 2023年…百强榜单 in the title: the list's year
        data_year = int(ranking.group(1)) - 1
        return data_year, f"a ranking list of {ranking.group(1)}, on the results of {data_year}"
    if head and year - 1 <= head[0].first <= year:
        return head[0].first, f"{STATED} ({head[0].first})"
    if not ranking and undated.search(norm, start, start + RANKING_HEAD):  # 进入中国500强: this year's list
        return year - 1, f"a ranking list published in {year}, on the results of {year - 1}"
    if month is not None and month <= EARLY_MONTHS:
        looks = [m.group() for m in reference.cue("reporting", "looks_back").finditer(norm[start : start + HEAD * 4])]
        if looks and not (set(looks) <= {WHOLE_YEAR} and _months_ended(norm, start, month)):
            return year - 1, f"a look back on {year - 1} published in {year}-{month:02d}"
    return year, ""


def _months_ended(norm: str, start: int, month: int) -> bool:
    """The head names months that ended before publication (一季度, 1—4月 in May): the text reports on the
    running year, and its 全年 is that year's, a forecast (预计全年), not a look back. Months that had not
    ended (1—11月 in January) are the year before's and leave the look back."""
    from . import sub_year

    return any(last < month for *_, last in sub_year.spans(norm, start, start + HEAD * 4))


# 上年 (the year before) is said of the period a text reports on; 去年 and 今年 of the day it speaks
ANAPHORIC = ("上年",)


def previous_of_the_report(mentions: list, reporting: int) -> list:
    """The year mentions with 上年 read as the year before the one reported on: a bulletin of 2020
    published in 2021 means 2019 by 上年 (its 去年 is 2020, the year before it was written)."""
    return [
        replace(m, first=reporting - 1, last=reporting - 1)
        if m.relative in ANAPHORIC and m.first != reporting - 1
        else m
        for m in mentions
    ]


def _at_the_year_end(figure, doc) -> bool:
    """年末全市规模以上工业企业达到832家: a stock said at the year's end (cue_kind period, code year_end) in its
    sentence is at the end of the year the document reports on, not at publication."""
    return bool(doc.reference.cue("period", "year_end").search(doc.norm, figure.sentence[0], figure.at))


def year_of_the_report(figure, doc, earlier):
    """A figure whose year was taken from the publication date gets the year the document reports on."""
    period = figure.period
    stock = "(a stock, as of publication)" in period.basis or figure.period_kind == "as_of"
    if stock and not doc.reporting_basis.startswith(STATED) and not _at_the_year_end(figure, doc):
        return figure  # 目前, 现有: a stock is as of publication unless the document names its year
    if (
        doc.reporting_year
        and doc.reporting_year != doc.published_year
        and period.inferred
        and period.basis.startswith("year not stated: publication year")
    ):
        y = doc.reporting_year
        figure.period = Period(y, y, True, f"year not stated: the year the document reports on, {doc.reporting_basis}")
        figure.notes = [n for n in figure.notes if not n.startswith("year not stated")] + [figure.period.basis]
    return figure


__all__ = ["published", "of_document", "year_of_the_report", "replace"]
