"""A document's candidate figures: every number with a unit that is no page furniture, with what the
text around it says about it. One Figure per row of the draft (a list of items gives one each)."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cached_property, lru_cache

from . import cues, enumerations, furniture, places, rules, tables, units
from .evidence import evidence, holds
from .numerals import Numeral, numerals
from .periods import Mention as YearMention
from .periods import Period, period_of, year_mentions
from .reference import Metric, Reference
from .rules import company_spans, comparison_place, from_to, reporting_year
from .script import Text, read, simplified

Span = tuple[int, int]
_SENTENCE_END = re.compile(r"[。!?;\n]")
_CLAUSE_END = re.compile(r"[,;:。!?\n]")
_NEWLINE = re.compile("\n")
# Paragraphs end at a line break; blank lines between them are layout, no paragraph of their own.
_PARAGRAPH_BREAK = re.compile(r"\n(?:[ \t]*\n)*")
# Ranking words are cue words (cue_kind rank): before 第N, before 前N, where a rank's evidence starts.
_RANK_BEFORE = r"(?:{})[^,。;]{{0,8}}第\s*$"
_TOP_BEFORE = r"(?:{})[^,。;]{{0,6}}前\s*$"
_RANK_UNITS = ("位", "名")
# A ranking's field (全区, 全国, 世界) a few words before 第N that closes its clause: 储量世界第一。
_FIELD_BEFORE = r"(?:{})[^,。;!?]{{0,10}}第\s*$"
_RANK_CLOSES = re.compile(r"\s*(?:[,。;!?、)]|$)")
# A line break inside a sentence (a long line cut mid-word) is no sentence end.
_WRAPPED = re.compile(r"(?<=[^。!?;:”\"\n\s])\n+(?=[\u4e00-\u9fff0-9])")
WRAP_WIDTH = 50
_COUNT_AFTER = re.compile(r"\s*[0-9〇零一二两三四五六七八九十百]")  # 等8个, 等六大: a list's count after its 等
LEVEL_KINDS = ("level", "count")
COUNTS_OF_CLUSTERS = ("cluster_count", "size_tier_count")  # a count of clusters is of no one cluster
FALLBACK_LEVELS = ("region", "country")  # never taken from outside the figure's sentence


@dataclass
class Figure:
    number_start: int  # in the original text, for the benchmark's matching
    place: str
    cluster: str
    enterprise: str
    metric_code: str
    rate_of_metric_code: str
    period: Period
    period_kind: str
    value: Decimal
    unit: str
    status: str
    qualifier: str
    evidence: str
    notes: list[str] = field(default_factory=list)
    place_key: str | None = None
    at: int = -1  # the number's start in the copy (norm), for the rules
    unit_end: int = -1  # where its unit ends in the copy
    subject: str = ""
    start_month: int | None = None  # a part of a year (rules/sub_year.py)
    end_month: int | None = None
    sentence: Span = (0, 0)  # its sentence and clause in the copy, for the rules
    clause: Span = (0, 0)


@dataclass(frozen=True)
class Document:
    """A document read once: its copy, its sentences, clauses and paragraphs, and every mention."""

    text: Text
    published_year: int
    reference: Reference
    sentences: list[Span]
    clauses: list[Span]
    lines: list[Span]  # physical lines: evidence never crosses one
    paragraphs: list[Span]
    places: list[places.Mention]
    clusters: list[places.Mention]
    enterprises: list[places.Mention]
    years: list[YearMention]
    subject: tuple[str, str] | None
    written: dict[str, str]
    furniture: list[Span]
    published_month: int | None = None
    reporting_year: int = 0  # the year the document reports on (rules/reporting_year.py)
    reporting_basis: str = ""
    cells: dict = field(default_factory=dict)  # tables.Cell by where its number starts
    body_start: int = 0  # where the article starts after the page's header lines (furniture.body_start)
    memo: dict = field(default_factory=dict, repr=False)  # once(): what rules work out per document

    def once(self, key, make):
        """`make(self)`, worked out on the first call and kept: a rule's work over the whole document, which
        done again per figure makes drafting quadratic in the document's length."""
        if key not in self.memo:
            self.memo[key] = make(self)
        return self.memo[key]

    @property
    def norm(self) -> str:
        return self.text.norm

    @cached_property
    def place_names(self) -> tuple[tuple[str, ...], str]:
        """(the names its place mentions use, longest first; their regex alternation), worked out once: per
        figure it cost every mention of the document again (quadratic)."""
        names = tuple(sorted({m.name for m in self.places}, key=len, reverse=True))
        return names, "|".join(map(re.escape, names)) or "(?!)"


def _spans(norm: str, pattern: re.Pattern) -> list[Span]:
    spans, at = [], 0
    for match in pattern.finditer(norm):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, len(norm)))
    return spans


def _within(spans: list[Span], at: int) -> Span:
    index = bisect_left(spans, at + 1, key=_span_start) - 1  # no list of starts per call: linear time
    return spans[max(index, 0)]


def _opens_its_clause(doc: Document, mention: places.Mention) -> bool:
    return not doc.norm[_within(doc.clauses, mention.start)[0] : mention.start].strip()


def _shares_out_its_sentence(doc: Document, mention: places.Mention) -> bool:
    """A place opening a clause of a sentence in which another place opens another clause (柳州市有15家企业入围,
    南宁市有8家): each clause is its place's, and the sentence is no one place's."""
    if not _opens_its_clause(doc, mention):
        return False
    sentence = _near(_within(doc.sentences, mention.start), mention.start)
    return any(
        other.key != mention.key and _opens_its_clause(doc, other) for other in places.within(doc.places, sentence)
    )


REACH = 400  # characters either side of a number that its sentence is read in


def _near(span: Span, at: int) -> Span:
    """The part of a sentence or clause within REACH of the number at `at`: a real sentence is shorter,
    and a "sentence" of 80 KB (no full stop in it) would otherwise be read again for every number."""
    return max(span[0], at - REACH), min(span[1], at + REACH)


def _span_start(span: Span) -> int:
    return span[0]


def _unwrapped(norm: str) -> str:
    """The copy with line breaks inside sentences as spaces, for finding sentences and paragraphs;
    a break after a short line with no comma (a heading) stays."""

    def join(match: re.Match) -> str:
        line = norm[norm.rfind("\n", 0, match.start()) + 1 : match.start()]
        return " " * len(match.group()) if len(line) >= WRAP_WIDTH or "," in line else match.group()

    return _WRAPPED.sub(join, norm)


def read_document(original: str, published: int | str, reference: Reference) -> Document:
    published_year, published_month = reporting_year.published(published)
    text = read(original)
    norm = text.norm
    flow = _unwrapped(norm)
    body = furniture.body_start(norm, reference)
    # a place the page names (a forum board, a city paper as the source) is not what the text is about
    found_places = furniture.outside(
        furniture.page_spans(norm, reference, body),
        places.as_places(
            norm, places.mentions(norm, reference.places), reference.place_levels, reference.words_of("subject", "lead")
        ),
    )
    subject = places.subject(text, found_places, reference.place_levels, reference, body)
    written = places.written_forms(text, found_places, reference)
    implied = places.implied(norm, subject[1] if subject else None, reference.place_levels, found_places, reference)
    for mention in implied:  # 全区 of a city's text that never names its region: the region, by its plain name
        if mention.key not in written and reference.place_levels.get(mention.key) == "province":
            written[mention.key] = places.plain_name(mention.key, reference)
    years = sorted(year_mentions(norm, published_year, reference), key=lambda m: m.start)  # rules bisect them by start
    reporting, basis = reporting_year.of_document(norm, published_year, published_month, years, reference, body)
    years = reporting_year.previous_of_the_report(years, reporting)
    return Document(
        text,
        published_year,
        reference,
        _spans(flow, _SENTENCE_END),
        _spans(flow, _CLAUSE_END),
        _spans(norm, _NEWLINE),
        _spans(flow, _PARAGRAPH_BREAK),
        sorted(found_places + [m for m in implied if m.key in written], key=lambda m: m.start),
        places.mentions(norm, reference.clusters),
        places.mentions(norm, {e: e for e in reference.enterprises}),
        years,
        subject,
        written,
        furniture.furniture_spans(norm, reference),
        published_month,
        reporting,
        basis,
        tables.cells(
            norm,
            frozenset(reference.units),
            reference.words_of("subject", "lead"),
            (
                reference.words_of("qualifier", None, "before_number"),
                reference.words_of("qualifier", None, "after_unit"),
            ),
            reference.words_of("change", "rate"),
        ),
        body,
    )


def extract(original: str, published: int | str, reference: Reference) -> list[Figure]:
    """The draft's figures: every number with a unit, each passed through the rules (rules/RULES)."""
    doc = read_document(original, published, reference)
    return rules.apply_all(_candidates(doc), doc)


def _candidates(doc: Document) -> list[Figure]:
    longest_unit = max(map(len, doc.reference.units), default=1) + 1
    figures: list[Figure] = []
    for numeral in numerals(doc.norm):
        cell = doc.cells.get(numeral.start)
        if cell is not None and cell.is_unit:
            continue  # 万吨 in a table's unit column: the unit of its row, no number
        line = _within(doc.lines, numeral.start)
        rank = _rank(doc.norm, numeral, line[0], doc.reference)
        unit = _rank_unit(doc.text, numeral, rank) if rank else _unit(doc, numeral, longest_unit)
        if unit is None and numeral.start in doc.cells:
            unit = _cell_unit(doc, doc.cells[numeral.start], numeral)
        if unit is None:
            unit = _range_unit(doc, numeral, longest_unit)
        if unit is None:
            unit = _listed_unit(doc, numeral, longest_unit)
        if unit is None or furniture.is_furniture(doc.norm, numeral, doc.furniture, doc.reference, unit.end):
            continue
        figures.extend(_figures(doc, numeral, unit, rank, line, figures))
    return figures


@lru_cache(maxsize=8)
def _meeting_after(attendance: str, meetings: str) -> re.Pattern:
    return re.compile(rf"\s*(?:{attendance})?(?:{meetings})")


def _meeting(reference) -> re.Pattern:
    """第七次会议, 第三次全体会议: a meeting's words (cue_kind meeting) after 次, the number an ordinal."""
    words = reference.words_of("meeting", "session", "after_number") + reference.words_of("meeting", "body")
    meetings = "|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)"
    return _meeting_after(reference.alternation("meeting", "attendance", "before_meeting"), meetings)


def _unit(doc: Document, numeral: Numeral, longest: int) -> units.UnitMatch | None:
    before = doc.norm[numeral.start - 1 : numeral.start]
    if before == "第" and (
        doc.norm[numeral.end : numeral.end + 1] not in "家次"
        or _meeting(doc.reference).match(doc.norm, numeral.end + 1)
    ):
        return None  # an ordinal: 第一批, 第二十届, 第七次会议 (第一家 and 第18次拿到 are counted)
    if numeral.chinese and numeral.value == 1 and before != "第" and doc.norm[numeral.end : numeral.end + 1] != "倍":
        return None  # 一 inside a word (一批, 一体化, 一个重要): too seldom a figure to draft
    return units.match(doc.text, numeral, doc.reference.units, longest, doc.reference.unit_guards)


_RANGE_TO = re.compile(r"\s*(?:-|—|–|~|～|至|到)\s*(?=\d)")


def _range_unit(doc: Document, numeral: Numeral, longest: int) -> units.UnitMatch | None:
    """8-10%, 3至5万吨: the lower bound of a range takes the unit written after the upper one."""
    to = _RANGE_TO.match(doc.norm, numeral.end)
    if not to or numeral.chinese:
        return None
    upper = _number_at(doc, to.end(), 20)
    found = upper and units.match(doc.text, upper, doc.reference.units, longest, doc.reference.unit_guards)
    if not found or found.tier:
        return None
    return units.UnitMatch(found.unit, numeral.end, found.measures, found.more_than, False, read_as="range")


def _number_at(doc: Document, at: int, reach: int) -> Numeral | None:
    """The number that starts right at `at` in the copy (a range's upper bound, a list's next value), else None."""
    found = next(iter(numerals(doc.norm[at : at + reach])), None)
    if found is None or found.start != 0:
        return None
    return Numeral(at, at + found.end, found.value, False)


_LISTED_NEXT = re.compile(r"\s*(?:、|和|及|与)\s*(?=\d)")
_LISTED_BEFORE = r"(?:{})[为是约达到增长下降了\s]{{0,4}}(?:\d+(?:\.\d+)?\s*(?:、|和|及|与)\s*)*$"


def _listed_unit(doc: Document, numeral: Numeral, longest: int) -> units.UnitMatch | None:
    """分别为260、200万吨: a value of a list after 分别 (cue_words.csv list respectively) takes the unit written
    after the list's last value, as the lower bound of a range does."""
    norm = doc.norm
    if numeral.chinese:
        return None
    before = doc.reference.pattern(
        "extract.listed_before", lambda r: re.compile(_LISTED_BEFORE.format(r.alternation("list", "respectively")))
    )
    if not before.search(norm, max(0, numeral.start - 40), numeral.start):
        return None
    at = numeral.end
    for _ in range(8):  # a list of at most nine values
        joint = _LISTED_NEXT.match(norm, at)
        shifted = joint and _number_at(doc, joint.end(), 24)
        if not shifted:
            return None
        found = units.match(doc.text, shifted, doc.reference.units, longest, doc.reference.unit_guards)
        if found is not None:
            if found.tier:
                return None
            return units.UnitMatch(found.unit, numeral.end, found.measures, found.more_than, False, read_as="list")
        at = shifted.end
    return None


def _cell_unit(doc: Document, cell: tables.Cell, numeral: Numeral) -> units.UnitMatch | None:
    """A table cell's unit is its column header's ((%), (亿元)); none when the header names no unit."""
    measures = doc.reference.units.get(simplified(cell.unit)) if cell.unit else None
    if not measures:
        return None
    return units.UnitMatch(cell.unit, numeral.end, frozenset(measures), False, False, read_as="table")


def _rank(norm: str, numeral: Numeral, line_start: int, reference: Reference) -> tuple[str, str | None] | None:
    """(qualifier, unit as written or None) for a position in a ranking: 第28位, 位居全国第一 (exact),
    进入全国前五 (at_most). None for other ordinals (list numbering, 第一批)."""
    # The words a rank needs are within a few characters: the whole line before each number was
    # quadratic on a long line (an 80 KB run of 1,000,…).
    before = norm[max(line_start, numeral.start - 32) : numeral.start]
    after = norm[numeral.end : numeral.end + 1]
    if re.search(_TOP_BEFORE.format(reference.alternation("rank", "at_most", "before_top")), before):
        return "at_most", after if after in _RANK_UNITS else None
    if before.rstrip().endswith("第"):
        if after in _RANK_UNITS:
            return "exact", after
        if re.search(_RANK_BEFORE.format(reference.alternation("rank", "exact", "before_ordinal")), before):
            return "exact", None
        field = re.search(_FIELD_BEFORE.format(reference.alternation("rank", "exact", "field")), before)
        if field and _RANK_CLOSES.match(norm, numeral.end):  # 保持全区…增速第一。: not 全国第一家, 第一批
            return "exact", None
    return None


def _rank_unit(text: Text, numeral: Numeral, rank: tuple[str, str | None]) -> units.UnitMatch:
    if rank[1]:
        return units.UnitMatch(
            text.span(numeral.end, numeral.end + 1), numeral.end + 1, frozenset({"ordinal"}), False, False
        )
    return units.UnitMatch("位", numeral.end, frozenset({"ordinal"}), False, False, read_as="rank")


def _figures(
    doc: Document, numeral: Numeral, unit: units.UnitMatch, rank, line: Span, earlier: list[Figure]
) -> list[Figure]:
    norm, text, reference = doc.norm, doc.text, doc.reference
    notes: list[str] = []
    sentence = _near(_within(doc.sentences, numeral.start), numeral.start)
    clause = _near(_within(doc.clauses, numeral.start), numeral.start)
    paragraph = _within(doc.paragraphs, numeral.start)
    hits = cues.cue_hits(norm, (max(sentence[0], numeral.start - 30), min(sentence[1], unit.end + 12)), reference)
    reached = reference.cue("direction", "reached")
    # 比重下降到30%, 失业率降至3%: a change *to* the number gives the level reached, not a rate of change
    hits = [h for h in hits if h.metric.kind != "rate" or not reached.match(norm, h.start)]
    # 广西投资集团有限公司分列第三位: a word of a company's name (投资, 公司) is no cue for a figure outside it
    hits = [h for h in hits if not company_spans.inside_a_name(doc, h.start, h.end)]

    qualifier, qualifier_start, end = _qualifier(norm, numeral, unit, rank, line, reference)
    metric, cue = _metric(hits, numeral, unit, rank, clause, reference, norm)
    if metric is None:
        return []
    if unit.tier:
        notes.append("size tier")
        qualifier = "at_least" if qualifier == "exact" else qualifier
    elif cue is None and rank is None:
        notes.append(f"no cue word: metric {metric.code} guessed from the unit")
        notes.extend(_no_such_metric(norm, hits, numeral, unit))
    value = numeral.value
    decrease = reference.cue("direction", "decrease")
    fell = decrease.search(norm, cue.start, cue.end + 2) if metric.kind == "rate" and cue is not None else None
    if fell and not reached.match(norm, fell.start()):  # 增速回落至5%: the rate is 5, not -5
        value = -value
        notes.append("a decrease: value negative")
    rate_of = ""
    if metric.kind in ("rate", "share", "rank"):
        rate_of = _rate_of(doc, hits, cue, numeral, sentence, earlier)

    status = _status(norm, sentence[0], numeral.start, unit.tier, reference)
    near = norm[_period_words_from(doc, earlier, sentence, numeral.start) : numeral.start]
    is_stock = bool(reference.cue("period", "stock").search(near)) or (
        metric.kind == "count" and not reference.cue("period", "flow").search(near)
    )
    period = period_of(
        doc.years, sentence, clause, paragraph, numeral.start, status == "target", doc.published_year, is_stock
    )
    if period.basis:
        notes.append(period.basis)
    kind = _period_kind(near, metric, period, reference)

    place, place_key = _place(doc, numeral.start, sentence, paragraph, notes)
    cluster = "" if metric.code in COUNTS_OF_CLUSTERS else _nearest_name(doc, doc.clusters, numeral.start, sentence)
    enterprise = _nearest_name(doc, doc.enterprises, numeral.start, sentence)

    if cue is not None and cue.start >= end:  # 6个先进制造业集群: what is counted follows the number
        end = cue.end
    span = evidence(
        text,
        numeral.start,
        end,
        _context_starts(norm, numeral, cue, qualifier_start, rank, unit, clause, line, reference),
        line,
        clause,
    )
    if not holds(value, span):
        notes.append("the evidence check may not read this number: check evidence")
    if unit.read_as == "range":
        notes.append(f"the lower bound of a range: unit {unit.unit} read from the upper bound")
    if unit.read_as == "大":
        notes.append(f"unit read from {text.span(numeral.end, numeral.end + 1)} (X大 = X items)")

    def figure(cluster_as_written: str, more: list[str]) -> Figure:
        said = notes + more
        if cluster_as_written and simplified(cluster_as_written) not in reference.clusters:
            said.append(f"cluster {cluster_as_written} not in reference/cluster_aliases.csv: add it or correct it")
        return Figure(
            text.original_start(numeral.start),
            place,
            cluster_as_written,
            enterprise,
            metric.code,
            rate_of,
            period,
            kind,
            value,
            unit.unit,
            status,
            qualifier,
            span,
            said,
            place_key,
            numeral.start,
            unit.end,
            sentence=sentence,
            clause=clause,
        )

    items = _list_items(doc, numeral, unit, metric, hits, clause, sentence, end)
    if len(items) < 2:
        return [figure(cluster, [])]
    return [figure(text.name(s, e), [f"one of a list sharing the number ({text.span(s, e)})"]) for s, e in items]


def _qualifier(
    norm: str, numeral: Numeral, unit: units.UnitMatch, rank, line: Span, reference: Reference
) -> tuple[str, int | None, int]:
    """(qualifier, where its word starts if before the number, where the figure's words end)."""
    if rank is not None and rank[0] == "at_most":
        return "at_most", None, unit.end
    before = cues.qualifier_before(norm, numeral.start, line[0], reference)
    if before:
        return before[0], before[1], unit.end
    after = cues.qualifier_after(norm, unit.end, reference)
    if after:
        return after[0], None, after[1]
    return ("more_than" if unit.more_than else "about" if unit.about else "exact"), None, unit.end


# what may stand between a cue word and its number for the cue to be the number's own: 产能达100万辆
_CUE_GAP = re.compile(r"[\s达到为约近超共有了]{0,3}")


def _no_such_metric(norm: str, hits, numeral: Numeral, unit: units.UnitMatch) -> list[str]:
    """A cue word right before the number whose metrics are all of another measure (产能100万辆: 产能 is
    capacity in tonnes, energy or units, none in vehicles): the catalogue has no metric for what is
    written. The reviewer is told; no metric is made up."""
    other = [
        h
        for h in hits
        if h.end <= numeral.start
        and _CUE_GAP.fullmatch(norm[h.end : numeral.start])
        and h.metric.unit_measure not in unit.measures
    ]
    if not other:
        return []
    word = norm[other[-1].start : other[-1].end]
    codes = ", ".join(dict.fromkeys(h.metric.code for h in other if norm[h.start : h.end] == word))
    return [f"{word} is {codes}, none in {unit.unit}: the catalogue has no such metric"]


def _metric(
    hits, numeral: Numeral, unit: units.UnitMatch, rank, clause: Span, reference: Reference, norm: str = ""
) -> tuple[Metric | None, cues.CueHit | None]:
    if unit.tier:  # a size tier is a class of output value (raw/README.md, size tiers)
        return next((m for m in reference.metrics if m.code == "output_value"), None), None
    if rank is not None:
        return cues.choose_metric([], numeral.start, unit.measures, reference, kinds=("rank",))
    if "count" in unit.measures:
        return _count_metric(hits, numeral, unit, clause, reference, norm)
    return cues.choose_metric(hits, numeral.start, unit.measures, reference)


# What may stand between a count's noun and its number (规上工业企业超1300家, 企业数量达到120家): not
# another noun (解决企业提出的问题800多个: 问题 are counted, not 企业).
_NEXT_TO = re.compile(r"[\s数量总计共累新增已达到为有超过近约突破至余多了仅只均分别其中规上以上:()]*")
_ANOTHER_ITEM = re.compile(r"[的、\d]")


def _next_to(gap: str) -> bool:
    return (
        bool(_NEXT_TO.fullmatch(gap))
        or (len(gap) <= 3 and not _ANOTHER_ITEM.search(gap))
        or bool(from_to.FROM_TO_GAP.fullmatch(gap))
    )


COUNTED_AFTER = 10  # how far after a count's unit its noun may start: 9项电动土方机械国家标准


def _count_metric(hits, numeral: Numeral, unit: units.UnitMatch, clause: Span, reference: Reference, norm: str = ""):
    """A count's cue is the noun counted: the cue word right after the unit (number, classifier,
    noun: 6个先进制造业集群), else the nearest before the number in its clause (规上工业企业超1300家)."""
    fitting = [h for h in hits if h.metric.unit_measure in unit.measures and h.metric.kind == "count"]
    after = [
        h
        for h in fitting
        if unit.end <= h.start <= min(clause[1], unit.end + COUNTED_AFTER) and "、" not in norm[unit.end : h.start]
    ]  # 421个贫困村、现行标准: another item
    before = [
        h for h in fitting if clause[0] <= h.start and h.end <= numeral.start and _next_to(norm[h.end : numeral.start])
    ]
    if after:
        best = min(after, key=lambda h: (h.start, -(h.end - h.start)))
        return best.metric, best
    if before:
        best = max(before, key=lambda h: (h.end, h.end - h.start))
        return best.metric, best
    rest = cues.cue_hits(norm, (unit.end, clause[1]), reference) if norm else []
    later = [
        h
        for h in rest
        if h.metric.kind == "count"
        and h.metric.unit_measure in unit.measures
        and "、" not in norm[unit.end : h.start]
        and norm[h.start - 1 : h.start] == "的"  # …的项目: the noun the clause's words describe, not any later noun
    ]
    if later:  # 有42项总投资为68.5亿元的项目: the noun closes the clause
        best = min(later, key=lambda h: (h.start, -(h.end - h.start)))
        return best.metric, best
    # 专精特新企业增长20%,达到85家: a clause of only glue before the count counts the noun of the clause before
    previous = [h for h in fitting if h.end <= clause[0]]
    if previous and norm and _NEXT_TO.fullmatch(norm[clause[0] : numeral.start]):
        best = max(previous, key=lambda h: (h.end, h.end - h.start))
        return best.metric, best
    other = unit.measures - {"count"}  # 产量2959辆: a unit that also measures a level (vehicles, units)
    if other:
        metric, cue = cues.choose_metric(hits, numeral.start, frozenset(other), reference)
        if cue is not None and cue.start >= clause[0]:
            return metric, cue
    return cues.choose_metric([], numeral.start, frozenset({"count"}) & unit.measures or unit.measures, reference)


def _rate_of(doc: Document, hits, cue, numeral: Numeral, sentence: Span, earlier: list[Figure]) -> str:
    """The metric a rate, share or rank is of: the level figure just before it in its sentence
    (产量18.7万辆，增长198.2%), or the nearest level cue word before its own (工业投资增长11.4%)."""
    until = cue.start if cue else numeral.start
    levels = [h for h in hits if h.metric.kind in LEVEL_KINDS and h.end <= until]
    origin = doc.text.origin
    previous = _last_level_before(doc, earlier, sentence[0], numeral.start)
    # >=: a level right after its own cue (产能1000万吨,占全国的10%) is read with its unit, which the shared cue is not
    if previous and (not levels or bisect_left(origin, previous[-1].number_start) >= levels[-1].end):
        return previous[-1].metric_code
    if levels:
        return max(levels, key=lambda h: (h.end, h.end - h.start)).metric.code
    return ""


def _status(norm: str, sentence_start: int, at: int, tier: bool, reference: Reference) -> str:
    """target when a target word (力争, 目标, 到2025年 …) comes before the number in its sentence and no
    word of an achieved fact (已, 形成, 实现了 …) after it; a size tier is a goal unless achieved."""
    before = norm[sentence_start:at]
    targets = list(reference.cue("status", "target").finditer(before))
    actuals = list(reference.cue("status", "actual").finditer(before))
    target_last = targets and (not actuals or actuals[-1].start() < targets[-1].start())
    built = actuals and targets and actuals[-1].end() == targets[-1].start()  # 已建成: built, not to build
    # 将形成, 将实现: a word of intent right before a verb of reaching (cue_kind outlook verb) that says a fact
    # done makes it to be done; 计划总投资 (a noun, a project's size) stays a fact
    willed = (
        actuals
        and targets
        and targets[-1].end() == actuals[-1].start()
        and reference.cue("outlook", "verb").match(before, actuals[-1].start()) is not None
    )
    if (target_last and not built) or willed:
        return "target"
    return "target" if tier and not actuals else "actual"


def _period_words_from(doc: Document, earlier: list[Figure], sentence: Span, at: int) -> int:
    """Where the period words of the number at `at` may start: 20 characters before it in its sentence, but
    not before another figure's clause (累计完成84亿元,其中今年1—5月完成8.6亿元: 累计 is 84亿元's; a list's
    values joined by 、 share their word: 年均增长8%、10%)."""
    lo = max(sentence[0], at - 20)
    if earlier and lo <= earlier[-1].unit_end <= at:
        clause_break = _CLAUSE_END.search(doc.norm, earlier[-1].unit_end, at)
        if clause_break:
            return clause_break.end()
    return lo


def _period_kind(near: str, metric: Metric, period: Period, reference: Reference) -> str:
    if reference.cue("period", "average").search(near):
        return "average"
    total = reference.cue("period", "cumulative").search(near)
    stocks = list(reference.cue("period", "stock").finditer(near))
    # 资产总计, 资产总额合计: a total in or right after a stock's name is the stock's, held at a date, not a total over the period
    if total and not any(s.start() <= total.start() <= s.end() for s in stocks):
        return "cumulative"
    stock = stocks[0] if stocks else None
    if stock and not _added_to(near, stock.start(), reference):
        return "as_of"
    if period.start is not None and period.start != period.end:
        return "cumulative"
    if metric.kind == "count" and period.inferred and not reference.cue("period", "flow").search(near):
        return "as_of"  # 现有企业56家: held at a date; 新增企业25家, 引进项目35个: the year's flow
    return "year"


_PHRASE = 6  # characters between a flow word and the stock word it adds to (新增|氧化铝|产能)
_BREAK = re.compile(r"[\d\W]")


def _added_to(near: str, at: int, reference: Reference) -> bool:
    """A flow word before the stock word in one phrase (新增产能, 新增风电装机容量, 新增氧化铝产能): what the period
    added to the stock, a flow. One phrase: a few characters between, none of them a digit or a mark."""
    return any(
        at - m.end() <= _PHRASE and not _BREAK.search(near, m.end(), at)
        for m in reference.cue("period", "flow").finditer(near, 0, at)
    )


def _place(doc: Document, at: int, sentence: Span, paragraph: Span, notes: list[str]) -> tuple[str, str | None]:
    """(place as written, key): the nearest in the sentence; else the nearest earlier in the paragraph
    or the two before it (no region or country from there); else the document's subject place."""
    levels = doc.reference.place_levels
    mention = places.nearest(doc.places, sentence, at, doc.norm, levels, doc.reference)
    if mention is not None and _inside_a_name(doc, mention):  # 中国石油广西石化…项目 in 钦州's document
        inside = [m for m in places.within(doc.places, sentence) if not _inside_a_name(doc, m)]
        mention = places.nearest(inside, sentence, at, doc.norm, levels, doc.reference)
    if mention is not None and mention.start >= at and mention.start >= _within(doc.clauses, at)[1]:
        mention = None  # 完成223亿元以上,继续保持全区…第一: a place after the number's clause is another's
    if mention is None:
        before = _within(doc.paragraphs, max(0, _within(doc.paragraphs, max(0, paragraph[0] - 2))[0] - 2))
        earlier = [
            m
            for m in places.within(doc.places, (before[0], paragraph[1]))
            if m.end <= at
            and levels.get(m.key) not in FALLBACK_LEVELS
            # 高于全区平均水平。累计培育…7家: an earlier sentence's comparison is no later figure's place
            and not comparison_place.is_comparison(doc.norm, m.start, m.end, doc.reference)
            # 广西柳州钢铁集团有限公司排名第二。百强企业实现利润526亿元: an earlier company's city is the company's
            and not places.names_a_company(doc.norm, m, doc.reference)
            and not _below_the_subject(doc, m)
            and not _above_the_subject(doc, m)
            # 南宁、柳州、桂林等市工业增速较快。…增长6%: a list of places is no one place of a later sentence
            and not (m.end <= sentence[0] and places.in_a_list(doc.norm, m, doc.places))
            # 柳州市有15家,南宁市有8家,桂林市有6家。入围门槛为…: places that share out a sentence are no later one's
            and not (m.end <= sentence[0] and _shares_out_its_sentence(doc, m))
        ]
        mention = places.nearest(earlier, (before[0], paragraph[1]), at, doc.norm, levels, doc.reference)
        if mention is not None:
            notes.append(
                "place from earlier in the paragraph"
                if mention.start >= paragraph[0]
                else "place from the paragraphs before"
            )
    if mention is not None:
        if mention.name in places.IMPLIED:
            notes.append(f"place from {doc.text.span(mention.start, mention.end)}")
            return doc.written[mention.key], mention.key
        if places.names_a_company(doc.norm, mention, doc.reference):
            notes.append(f"place from the company's name ({doc.text.span(mention.start, mention.end)}…)")
        return doc.text.name(mention.start, mention.end), mention.key
    if doc.subject is not None:
        notes.append("place not in the sentence: the document's subject place")
        return doc.subject
    notes.append("no place found: fill it in")
    return "", None


def _inside_a_name(doc: Document, mention: places.Mention) -> bool:
    """A province written inside another name (中国石油广西石化) in a document about a place below it."""
    if doc.subject is None or mention.key == doc.subject[1] or mention.start == 0:
        return False
    if doc.reference.place_levels.get(mention.key) != "province":
        return False
    return not places.BEFORE_A_PLACE.match(doc.norm, mention.start - 1)


LOWER_LEVELS = ("county", "district")


def _below_the_subject(doc: Document, mention: places.Mention) -> bool:
    """A county or district named in an earlier sentence of a city's or the region's document is the
    place of that sentence (七星区、临桂区…合计占比近六成;…占比超90%): a later figure without a place
    of its own is the document's."""
    levels = doc.reference.place_levels
    if doc.subject is None or mention.key == doc.subject[1]:
        return False
    return levels.get(mention.key) in LOWER_LEVELS and levels.get(doc.subject[1]) not in LOWER_LEVELS


def _above_the_subject(doc: Document, mention: places.Mention) -> bool:
    """The city a district's or county's document is in (崇左 of 江州区's), named in an earlier sentence
    (崇左市委书记到江州区调研。…): a later figure with no place of its own is the document's."""
    if doc.subject is None or doc.reference.place_levels.get(doc.subject[1]) not in LOWER_LEVELS:
        return False
    parents, key = doc.reference.place_parents, doc.subject[1]
    while key in parents:
        key = parents[key]
        if key == mention.key:
            return True
    return False


def _nearest_name(doc: Document, found: list[places.Mention], at: int, sentence: Span) -> str:
    mention = places.nearest([m for m in places.within(found, sentence) if m.end <= at], sentence, at)
    return doc.text.name(mention.start, mention.end) if mention else ""


def _context_starts(
    norm: str,
    numeral: Numeral,
    cue,
    qualifier_start,
    rank,
    unit: units.UnitMatch,
    clause: Span,
    line: Span,
    reference: Reference,
) -> list[int]:
    """Where the evidence may start: at the cue word, the qualifier, the ranking word; a few
    characters before a tier; else at the number."""
    cue_start = _with_its_period_word(norm, cue.start, cue.end, reference) if cue else None
    starts = [s for s in (cue_start, qualifier_start) if s is not None]
    if rank is not None:
        # within the rank's clause: 占全区的23.4%,排全区第一 starts at its own 全区, not the clause before's
        lo = max(line[0], clause[0], numeral.start - 12)
        found = re.compile(reference.alternation("rank", position="evidence_start")).search(norm, lo, numeral.start)
        if found:
            starts.append(found.start())
        else:  # 储量世界第一: from the ranking's field
            lo = max(line[0], clause[0], numeral.start - 14)
            field = re.compile(reference.alternation("rank", "exact", "field")).search(norm, lo, numeral.start)
            if field:
                starts.append(field.start())
    if unit.tier:
        starts.append(max(clause[0], numeral.start - 6))
    named = _name_before_bracket(norm, numeral.start, max(clause[0], line[0]), reference)
    if named is not None:  # the name the bracket is of: no start before it (投入强度(0.84%)远低于…(2.65%))
        starts = [s for s in starts if s >= named] + [named]
    # 汽车、…、造纸与木材加工等8个产业产值超1000亿元: where a list's items do not fit, from its 等 and the count
    # of the list after it (等8个, 等六大); not past a 的 (等十几家企业的产值增长均在一倍以上: the list is the subject's)
    group_end = re.compile(reference.alternation("list", "group_end"))
    ends = [m.end() for m in group_end.finditer(norm, max(clause[0], line[0]), numeral.start)]
    if ends and _COUNT_AFTER.match(norm, ends[-1]) and "的" not in norm[ends[-1] : numeral.start]:
        starts.append(ends[-1] - 1)
        last = norm.rfind("、", clause[0], ends[-1])
        if not norm[ends[-1] : numeral.start].strip() and last >= 0:
            starts.append(last + 1)  # the count of the list itself (等8个产业): from its last item, as list_item does
    return starts


def _name_before_bracket(norm: str, number_start: int, lo: int, reference: Reference) -> int | None:
    """A number in brackets after what it is (经费投入强度(0.84%), 远低于全国平均水平(2.65%)): where that name
    starts, after the mark, bracket, 的 or comparison word before it; None when the number is not in brackets."""
    at = number_start
    while at > lo and norm[at - 1].isspace():
        at -= 1
    if at <= lo or norm[at - 1] != "(":
        return None
    words = [w for w in reference.words_of("place_frame", "comparison", "before_place") if len(w) > 1]
    start = at - 1
    while start > lo and norm[start - 1] not in "、()的" and not any(norm.endswith(w, lo, start) for w in words):
        start -= 1
    return start if start < at - 1 else None


def _with_its_period_word(norm: str, start: int, end: int, reference: Reference) -> int:
    """Where a cue word starts with the period or status word it is written with: 完成产量, 规划面积 (a
    period word that ends with the cue), so a span cut short from its cue keeps the words that say what
    the figure is. One-character words (了) are grammar, not such a word."""
    words = [w for w in reference.words_of("period") + reference.words_of("status", "actual") if len(w) > 1]
    found = [start - len(w) for w in words if norm.startswith(w, start - len(w))]
    found += [end - len(w) for w in words if len(w) > end - start and norm.startswith(w, end - len(w))]
    return min([s for s in found if s >= 0], default=start)


def _last_level_before(doc: Document, earlier: list[Figure], start: int, end: int) -> list[Figure]:
    """[the last level figure of `earlier` (in document order) at start..end of the copy], or []: read
    from the end back to `start` only, so that a figure costs its sentence, not every figure before it."""
    origin = doc.text.origin
    for figure in reversed(earlier):
        at = bisect_left(origin, figure.number_start)
        if at < start:  # (start is at most REACH before: a bounded look back)
            break
        if at < end and doc.reference.metric(figure.metric_code).kind in LEVEL_KINDS:
            return [figure]
    return []


def _list_items(
    doc: Document, numeral: Numeral, unit: units.UnitMatch, metric: Metric, hits, clause: Span, sentence: Span, end: int
) -> list[Span]:
    """The listed items a level, rank or tier is stated for (counts are of the list: one row)."""
    if not (unit.tier or (metric.kind in ("level", "rank") and "count" not in unit.measures)):
        return []
    if doc.reference.cue("list", "respectively").search(doc.norm, clause[0], numeral.start):
        return []  # A、B和C分别达到X、Y和Z: one value per item, not one for all
    # Only the mentions of this sentence (no name crosses a clause end): not every one of the document
    names = [(m.start, m.end) for m in places.within(doc.clusters, (clause[0], sentence[1]))]
    place_spans = [(m.start, m.end) for m in places.within(doc.places, (clause[0], sentence[1]))]
    stops = [h.start for h in hits if h.metric.kind == "level"]  # 产值, 产量: where the last item ends
    items = enumerations.items_before(doc.norm, clause[0], numeral.start, stops, names, place_spans, doc.reference)
    starts = {s for s, _ in place_spans}
    if any(s in starts for s, _ in items):
        return []  # 平果、靖西两地…合计超过600亿元: places listed with one number share a total, no cluster each
    if not items and unit.tier:
        items = enumerations.items_after(doc.norm, end, sentence[1], names, doc.reference)
    if not unit.tier and _one_industrys_name(doc.norm, items, numeral.start):
        return []  # 有色金属冶炼和压延加工业实现产值210.5亿元: one statistical industry, not two
    return items


# the last item's words run on to an industry's 业 (热力 → 热力生产和供应业), no 等 of a list's end between
_RUNS_ON_TO_AN_INDUSTRY = re.compile(r"[^\W\d_等]*?业")


def _one_industrys_name(norm: str, items: list[Span], upto: int) -> bool:
    """A statistical industry's name joins its activities with 和 or 、 and ends once in 业 (有色金属冶炼和压延加工业,
    电力、热力生产和供应业): a list whose last item runs on to an industry's 业 and whose earlier items hold none is
    that one name."""
    if len(items) < 2 or not _RUNS_ON_TO_AN_INDUSTRY.match(norm, items[-1][0], upto):
        return False
    return all("业" not in norm[start:stop] for start, stop in items[:-1])
