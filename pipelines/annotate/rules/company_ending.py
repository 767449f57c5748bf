"""A company named by its ending with no place opening it (2023年柳钢集团实现营业收入…, 由华锦新材股份有限公司投资):
the words from where a name may start (a character no word runs on from, as places.BEFORE_A_PLACE reads: a
year's 年, 由, 在, punctuation) up to a company's ending (cue_kind company, name_end 集团 / 公司 / 有限, then
name_part 股份 / 责任 running on) are the company's name, as the text writes it, where its sentence names it
before the number. A head a word of no name ends (子公司, 多家公司, 该集团, 企业集团: cue_kind company, code
head_end) or that is an industry's or a place's alone (汽车集团) is none, and neither is a company listed with
others or named as a partner (company_name's lists)."""

from __future__ import annotations

import re
from bisect import bisect_left
from functools import lru_cache

from .. import places
from .company_name import _a_partner, _in_a_list, endings

MIN_HEAD, MAX_HEAD = 2, 6


@lru_cache(maxsize=8)
def _name(name_end: str, ending: str) -> re.Pattern:
    return re.compile(rf"([\u4e00-\u9fff]{{{MIN_HEAD},{MAX_HEAD}}})(?:{name_end})(?:{ending})*")


def _named(doc) -> list[tuple[int, int]]:
    """(start, end) of each company named by its ending with no place opening it, once per document."""
    reference, norm = doc.reference, doc.norm
    pattern = _name(reference.alternation("company", "name_end"), endings(reference))
    not_a_head = reference.words_of("company", "head_end")
    # a word before a noun (推进, 引进, 新增: cue_kind subject and list, code lead) is no part of a name after it
    cuts = not_a_head + reference.words_of("subject", "lead", "before_noun") + reference.words_of("list", "lead")
    out = []
    for match in pattern.finditer(norm):
        head_start, head_end = match.span(1)
        # the name starts right after the last character no word runs on from, or the last word of no name
        # or before a noun (重点企业柳工集团, 推进柳工集团: 柳工), leaving a head of MIN_HEAD characters at least
        starts = [
            i
            for i in range(head_start, head_end - MIN_HEAD + 1)
            if _may_start(norm, i) or norm.endswith(cuts, head_start, i)
        ]
        if not starts:
            continue
        start = starts[-1]
        head = norm[start:head_end]
        if head.endswith(not_a_head) or head in reference.clusters or head in reference.places:
            continue
        if any(m.start <= start < m.end for m in places.within(doc.places, (start - 8, start + 1))):
            continue  # a place opens it: company_name reads those
        out.append((start, match.end()))
    return out


def _may_start(norm: str, at: int) -> bool:
    return at == 0 or bool(places.BEFORE_A_PLACE.match(norm, at - 1))


def _of_the_figure(doc, figure, start: int) -> bool:
    """A name in the number's own clause, or opening a clause of its sentence (its subject: 柳钢集团实现营业收入
    1000亿元,同比增长10%); not one a verb takes as its object in a clause before (推进钦实集团…项目,助力打造…)."""
    if start >= figure.clause[0]:
        return True
    clause = doc.clauses[bisect_left(doc.clauses, (start + 1,)) - 1]
    return all(_may_start(doc.norm, i + 1) for i in range(clause[0], start))


def named_by_its_ending(figure, doc, earlier):
    if figure.enterprise or figure.at < 0:
        return figure
    names = doc.once("company_ending", _named)
    at = bisect_left(names, (figure.sentence[0], -1))
    inside = [n for n in names[at:] if n[1] <= figure.at and _of_the_figure(doc, figure, n[0])]
    if not inside:
        return figure
    start, end = inside[-1]
    norm = doc.norm
    if _in_a_list(doc.reference).match(norm, end) or _a_partner(doc.reference).match(norm, start - 1):
        return figure
    figure.enterprise = doc.text.name(start, end)
    figure.notes.append(f"enterprise {figure.enterprise}: a company's name by its ending, before the number")
    return figure
