"""The scope of a total (docs/codes.md, Subjects): 规上工业增加值 and 全部工业增加值 are two statistics, so
an amount of 规模以上工业 — and a rate of it — carries the scope as its subject, as written
(规上工业总产值357.65亿元,同比增长13.5% → both 规上工业). A rate whose clause says only the growth takes
the subject of the level it is the rate of. A rate whose clause opens with a kind of enterprise is that set's
(国有控股企业增加值累计同比增长1.6% → 国有控股企业), and the month's growth right after it (,当月同比增长8.2%)
is the same set's."""

from __future__ import annotations

import re

from .. import places
from ..script import plain
from . import growth_clause

# 规模以上工业增加值, 规模以上服务业营业收入: the scope, then the total's own words (the text is Simplified
# here); 规模以上工业企业 is a set of enterprises, which a count names (subject.py), not a scope
# (the scope and sector words are cue_words.csv's: scope above_size, scope sector)


def written_scope(reference) -> re.Pattern:
    """规模以上工业, 规上服务业: a scope and its sector, built once per reference (industry_name, level_noun)."""
    return reference.pattern("scope", _scope)


def _scope(reference) -> re.Pattern:
    above, sector = (
        reference.alternation("scope", "above_size", "before_noun"),
        reference.alternation("scope", "sector"),
    )
    return re.compile(rf"(?:{above})(?:{sector})(?![企])")


# 规上高技术制造业增加值, 先进装备制造业规上产值: 规上 before a manufacturing industry or right before an
# industrial total, no 工业 written: the scope is industry's, written in full (the subject names the statistic's
# scope, not the industry, which is the cluster)


def _implied_scope(reference) -> re.Pattern:
    above = reference.alternation("scope", "above_size", "before_noun")
    return re.compile(rf"(?:{above})(?:[\u4e00-\u9fff、]{{0,12}}?制造业)?(?=工业总产值|总产值|产值|增加值)")


INDUSTRY_SCOPE = ("规模以上工业", "規模以上工業")  # (Simplified, Traditional): as the document's script writes it
SCOPED = ("level", "rate")
GROWTH = "growth_rate"
REACH = 200  # characters before a figure where its scope may be named
SHORT_CLAUSE = 40  # the longest a clause can be that names only an enterprise kind and its growth
# a clause that opens with a kind of enterprise and says only how its total grew
_ENTERPRISE_KIND_GROWS = re.compile(
    r"(?:其中)?,?([\u4e00-\u9fff、]{2,14}?企业)(?:增加值|产值|营业收入)?(?:累计|当月)?(?:同比)?(?:增长|下降)"
)
# a clause that opens with a kind of enterprise and says only that it made a total (the total's cue words fill {})
_ENTERPRISE_KIND_MADE = (
    r"([\u4e00-\u9fff、]{{2,14}}?企业)(?:共)?(?:实现|完成)?了?(?:{})(?:达到|达|为|超过|超|近|约)?\s*"
)
_INDUSTRY = re.compile(r"[\u4e00-\u9fff、]+?业(?![务绩])")  # 采矿业, 电力、热力、燃气及水生产和供应业
_PERIOD = re.compile(
    r"[0-9一二三四五六七八九十]+(?:\s*[-—~至]\s*[0-9一二三四五六七八九十]+)?\s*(?:月份|月|季度|年)|当月|比|较"
)
_NOUN = re.compile(r"[\u4e00-\u9fff]{3,}")  # 提高, 加快: a verb of the comparison, two characters, no noun
_ONLY_GROWS = re.compile(r"(?:当月|累计)(?:同比)?(?:增长|下降)")  # 当月同比增长8.2%: no noun of its own


def of_the_total(figure, doc, earlier):
    if figure.subject or figure.at < 0:
        return figure
    kind = doc.reference.metric(figure.metric_code).kind
    if kind not in SCOPED or (kind == "rate" and not figure.rate_of_metric_code):
        return figure
    if growth_clause.bare_clause(figure, doc):  # 规上工业产值544亿元,同比增长33.7%: its level's scope
        level = growth_clause.level_before(figure, doc, earlier)
        if level is not None and level.metric_code == figure.rate_of_metric_code and level.subject:
            figure.subject = level.subject
        return figure
    norm, start = doc.norm, figure.clause[0]
    # only so far back: a clause of thousands of characters must not make each of its figures read it all
    scopes = list(written_scope(doc.reference).finditer(norm, max(start, figure.at - REACH), figure.at))
    implied = list(
        doc.reference.pattern("implied_scope", _implied_scope).finditer(norm, max(start, figure.at - REACH), figure.at)
    )
    if scopes:
        figure.subject = doc.text.span(scopes[-1].start(), scopes[-1].end())
    elif implied:
        figure.subject = _industry_scope(doc, implied[-1])
    elif kind == "level":
        figure.subject = _set_of_enterprises(figure, doc)
    elif kind == "rate" and figure.at - start <= SHORT_CLAUSE:
        from .subject import after_the_lead

        own = norm[start : figure.at].strip()
        opening = after_the_lead(doc, start, figure.at)  # 全市专精特新企业增长20%: the place is no part of the set
        kind_of_enterprise = _ENTERPRISE_KIND_GROWS.fullmatch(norm[opening : figure.at].strip())
        if kind_of_enterprise:
            at = opening + norm[opening : figure.at].index(kind_of_enterprise.group(1))
            figure.subject = doc.text.span(at, at + len(kind_of_enterprise.group(1)))
        elif _ONLY_GROWS.fullmatch(own):
            before = next((f for f in reversed(earlier) if f.at >= 0 and f.clause[1] == start - 1), None)
            if before is not None and before.rate_of_metric_code == figure.rate_of_metric_code and before.subject:
                figure.subject = before.subject
    if not figure.subject and kind == "rate" and not _names_its_own(figure, doc):
        figure.subject = _scope_of_the_paragraph(figure, doc, earlier)
    return figure


def _set_of_enterprises(figure, doc) -> str:
    """规模以上工业企业实现利润总额120亿元: a total whose clause opens with a kind of enterprise and says only that
    it made the total is that set's (docs/codes.md, Subjects: the set of enterprises whose total it is)."""
    from .subject import after_the_lead

    cues = sorted(doc.reference.metric(figure.metric_code).cues, key=len, reverse=True)
    if not cues:
        return ""
    opening = after_the_lead(doc, figure.clause[0], figure.at)
    pattern = _ENTERPRISE_KIND_MADE.format("|".join(map(re.escape, cues)))
    made = re.compile(pattern).fullmatch(doc.norm, opening, figure.at)
    return doc.text.span(*made.span(1)) if made else ""


def _industry_scope(doc, implied: re.Match) -> str:
    """规模以上工业 as the document writes it: its own words where it writes them elsewhere, else in its script
    (the 规/規 of the implied scope tells which)."""
    written = next((m for m in written_scope(doc.reference).finditer(doc.norm) if m.group().endswith("工业")), None)
    if written:
        return doc.text.span(*written.span())
    traditional = doc.text.span(implied.start(), implied.start() + 1) != doc.norm[implied.start()]
    return INDUSTRY_SCOPE[traditional]


def _names_its_own(figure, doc) -> bool:
    """Whether the rate's clause names what grows (水路客货周转量增长8.4%), beyond the total's and the rate's own
    words, its period, a comparison (比10月份加快) and an industry (采矿业增加值, 电力、热力…供应业: a cluster)."""
    reference = doc.reference
    words = set(reference.metric(figure.metric_code).cues) | set(reference.metric(GROWTH).cues)
    if figure.rate_of_metric_code:
        words |= set(reference.metric(figure.rate_of_metric_code).cues)
    words |= set(growth_clause._GLUE) | set(reference.words_of("period")) | set(reference.words_of("direction"))
    # 高于全市增幅7.2个百分点: a comparison with a place's rate names nothing of its own
    words |= set(reference.words_of("place_frame", "comparison")) | set(doc.place_names[0]) | set(places.IMPLIED)
    own = _INDUSTRY.sub("", doc.norm[figure.clause[0] : figure.at])
    for word in sorted(words, key=len, reverse=True):
        own = own.replace(word, " ")
    return bool(_NOUN.search(_PERIOD.sub(" ", own)))


def _scope_of_the_paragraph(figure, doc, earlier) -> str:
    """规模以上工业增加值增长0.4%。11月份同比增长7.1%…采矿业增加值累计下降6.9%: a rate of the same total later in
    the paragraph, its clause naming no scope or set of its own (an industry is its cluster), is of that scope."""
    from ..extract import _within

    paragraph = _within(doc.paragraphs, figure.at)
    for before in reversed(earlier):  # back to the paragraph's start only: no pass over the whole draft
        if 0 <= before.at < paragraph[0]:
            break
        if before.at < 0 or not written_scope(doc.reference).fullmatch(plain(before.subject)):
            continue
        if not written_scope(doc.reference).search(doc.norm, max(0, before.at - REACH), before.at):
            continue  # 先进装备制造业规上产值: a scope implied for one industry's total is not the paragraph's
        if (before.rate_of_metric_code or before.metric_code) == figure.rate_of_metric_code:
            return before.subject
    return ""


def like_the_rate_before(figure, doc, earlier):
    """A rate whose clause says only how it compares (比10月份加快4.2个百分点, 高于全市增幅7.2个百分点) is a
    change of the rate right before it in its sentence, so of the same total: it carries that rate's subject."""
    if figure.subject or figure.at < 0 or doc.reference.metric(figure.metric_code).kind != "rate":
        return figure
    before = next((f for f in reversed(earlier) if 0 <= f.at < figure.at), None)
    if before is None or before.at < figure.sentence[0] or not before.subject:
        return figure
    if doc.reference.metric(before.metric_code).kind != "rate" or before.clause == figure.clause:
        return figure
    same_total = figure.rate_of_metric_code in ("", before.rate_of_metric_code)
    if same_total and not _names_its_own(figure, doc):
        figure.subject = before.subject
    return figure
