"""A document's candidate figures: every number with a unit that is no page furniture, with what the
sentence around it says about it. One Figure per row of the draft (a list of items gives one each)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from decimal import Decimal

from . import cues, enumerations, furniture, places, units
from .evidence import LIMIT, evidence, holds
from .numerals import Numeral, numerals
from .periods import Period, period_of, year_mentions
from .reference import Metric, Reference
from .script import Text, read

_SENTENCE_END = re.compile(r"[。!?;\n]")
_CLAUSE_END = re.compile(r"[,;:。!?\n]")
_RANK_BEFORE = re.compile(r"(?:居|排名|排|列|位列|名列|位次)[^,。;]{0,8}第\s*$")
_TOP_BEFORE = re.compile(r"(?:进入|居|位列|跻身|排名|排)[^,。;]{0,6}前\s*$")
_RANK_UNITS = ("位", "名")


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


def _spans(norm: str, pattern: re.Pattern) -> list[tuple[int, int]]:
    spans, at = [], 0
    for match in pattern.finditer(norm):
        spans.append((at, match.start()))
        at = match.end()
    spans.append((at, len(norm)))
    return spans


def _within(spans: list[tuple[int, int]], at: int) -> tuple[int, int]:
    for span in spans:
        if span[0] <= at <= span[1]:
            return span
    return (0, 0)


def _rank(norm: str, numeral: Numeral, line_start: int) -> tuple[str, str | None] | None:
    """('exact' or 'at_most', unit as written or None) for a position in a ranking: 第28位,
    位居全国第一, 进入全国前五. None for other ordinals (list numbering, 第一批)."""
    before = norm[line_start:numeral.start]
    after = norm[numeral.end:numeral.end + 1]
    if _TOP_BEFORE.search(before):
        return "at_most", after if after in _RANK_UNITS else None
    if before.rstrip().endswith("第"):
        if after in _RANK_UNITS:
            return "exact", after
        if _RANK_BEFORE.search(before):
            return "exact", None
    return None


_WRAPPED = re.compile(r"(?<=[^。!?;:”\"\n\s])\n+(?=[\u4e00-\u9fff0-9])")
WRAP_WIDTH = 50


def _unwrapped(norm: str) -> str:
    """The copy with the line breaks inside a sentence (a long line cut mid-sentence: 研发能 / 力进一步)
    as spaces, for finding sentences and paragraphs; headings and short lines keep their breaks."""
    def join(match: re.Match) -> str:
        line = norm[norm.rfind("\n", 0, match.start()) + 1:match.start()]
        return " " * len(match.group()) if len(line) >= WRAP_WIDTH or "," in line else match.group()

    return _WRAPPED.sub(join, norm)


def extract(original: str, published_year: int, reference: Reference) -> list[Figure]:
    text = read(original)
    norm = text.norm
    flow = _unwrapped(norm)
    sentences = _spans(flow, _SENTENCE_END)
    clauses = _spans(flow, _CLAUSE_END)
    lines = _spans(norm, re.compile("\n"))
    paragraphs = _spans(flow, re.compile("\n"))
    place_mentions = places.mentions(norm, reference.places)
    cluster_mentions = places.mentions(norm, reference.clusters)
    enterprise_mentions = places.mentions(norm, {e: e for e in reference.enterprises})
    names = [(m.start, m.end) for m in cluster_mentions]
    place_spans = [(m.start, m.end) for m in place_mentions]
    years = year_mentions(norm, published_year)
    subject = places.subject(text, place_mentions, reference.place_levels)
    written = places.written_forms(text, place_mentions)
    implied = places.implied(norm, subject[1] if subject else None, reference.place_levels, place_mentions)
    place_mentions = sorted(place_mentions + [m for m in implied if m.key in written], key=lambda m: m.start)
    furniture_spans = furniture.furniture_spans(norm)
    longest_unit = max(map(len, reference.units), default=1) + 1
    level_kinds = ("level", "count")
    figures: list[Figure] = []
    for numeral in numerals(norm):
        line = _within(lines, numeral.start)
        rank = _rank(norm, numeral, line[0])
        if rank is not None:
            unit_end = numeral.end + (1 if rank[1] else 0)
            unit = units.UnitMatch(text.span(numeral.end, unit_end) if rank[1] else "位", unit_end,
                                   frozenset({"ordinal"}), False, False, read_as=None if rank[1] else "rank")
        else:
            if norm[numeral.start - 1:numeral.start] == "第" and norm[numeral.end:numeral.end + 1] not in "家次":
                continue  # an ordinal: 第一批, 第二十届
            if numeral.chinese and numeral.value == 1 and norm[numeral.start - 1:numeral.start] != "第":
                continue  # 一 in a word (一批, 一体化, 一个重要): too often no figure to draft
            unit = units.match(text, numeral, reference.units, longest_unit)
            if unit is None:
                continue
        if furniture.is_furniture(norm, numeral, furniture_spans):
            continue
        paragraph = _within(paragraphs, numeral.start)
        previous = _within(paragraphs, max(0, _within(paragraphs, max(0, paragraph[0] - 2))[0] - 2))
        figures.extend(_figures(text, numeral, unit, rank, reference, sentences, clauses, line, paragraph,
                                (previous[0], paragraph[1]), place_mentions,
                                cluster_mentions, enterprise_mentions, names, place_spans, years, subject,
                                published_year, level_kinds, figures, written))
    return figures


def _figures(text: Text, numeral: Numeral, unit: units.UnitMatch, rank, reference: Reference, sentences, clauses,
             line, paragraph, section, place_mentions, cluster_mentions, enterprise_mentions, names, place_spans, years, subject,
             published_year: int, level_kinds, earlier: list[Figure], written: dict[str, str]) -> list[Figure]:
    norm = text.norm
    notes: list[str] = []
    sentence = _within(sentences, numeral.start)
    clause = _within(clauses, numeral.start)
    window = (max(sentence[0], numeral.start - 30), min(sentence[1], unit.end + 12))
    hits = cues.cue_hits(norm, window, reference)
    # qualifier
    qualifier, qualifier_start = "exact", None
    before = cues.qualifier_before(norm, numeral.start, line[0])
    after = cues.qualifier_after(norm, unit.end)
    end = unit.end
    if before:
        qualifier, qualifier_start = before
    elif after:
        qualifier, end = after
    elif unit.more_than:
        qualifier = "more_than"
    if rank is not None and rank[0] == "at_most":
        qualifier = "at_most"
    # metric
    cue: cues.CueHit | None
    if unit.tier:
        metric: Metric | None = next((m for m in reference.metrics if m.code == "output_value"), None)
        cue = None
        notes.append("size tier")
        qualifier = "at_least" if qualifier == "exact" else qualifier
    elif rank is not None:
        metric, cue = cues.choose_metric([], numeral.start, unit.measures, reference, kinds=("rank",))
    elif "count" in unit.measures and not (unit.measures & {"ordinal"} and rank):
        metric, cue = _count_metric(hits, numeral, unit, clause, reference)
    else:
        metric, cue = cues.choose_metric(hits, numeral.start, unit.measures, reference)
    if metric is None:
        return []
    if cue is None and not unit.tier and rank is None:
        notes.append(f"no cue word: metric {metric.code} guessed from the unit")
    value = numeral.value
    if metric.kind == "rate" and cue is not None and cues.DECREASE.search(norm, cue.start, cue.end + 2):
        value = -value
        notes.append("a decrease: value negative")
    # rate of which metric
    rate_of = ""
    if metric.kind in ("rate", "share", "rank"):
        rate_of = _rate_of(hits, cue, numeral, sentence, reference, earlier, text, level_kinds)
    # status and period
    status = _status(norm, sentence[0], numeral.start, unit.tier)
    explicit_target = status == "target"
    near = norm[max(sentence[0], numeral.start - 20):numeral.start]
    is_stock = bool(cues.STOCK.search(near)) or (metric.kind == "count" and not cues.FLOW.search(near))
    period = period_of(years, sentence, clause, paragraph, numeral.start, explicit_target, published_year, is_stock)
    if period.basis:
        notes.append(period.basis)
    kind = _period_kind(norm, clause, sentence, numeral.start, metric, period)
    # place, cluster, enterprise
    levels = reference.place_levels
    place_mention = places.nearest(place_mentions, sentence, numeral.start, norm, levels)
    place_key = None
    if place_mention is None:
        place_mention = places.nearest([m for m in place_mentions if m.end <= numeral.start
                                        and levels.get(m.key) not in ("region", "country")], section,
                                       numeral.start, norm, levels)
        if place_mention is not None:
            notes.append("place from earlier in the paragraph" if place_mention.start >= paragraph[0]
                         else "place from the paragraphs before")
    if place_mention is not None:
        place_key = place_mention.key
        if place_mention.name in places.IMPLIED:
            place = written[place_key]
            notes.append(f"place from {text.span(place_mention.start, place_mention.end)}")
        else:
            place = text.span(place_mention.start, place_mention.end)
    elif subject is not None:
        place, place_key = subject
        notes.append("place not in the sentence: the document's subject place")
    else:
        place = ""
        notes.append("no place found: fill it in")
    cluster_mention = places.nearest([m for m in cluster_mentions if m.end <= numeral.start], sentence,
                                     numeral.start)
    cluster = text.span(cluster_mention.start, cluster_mention.end) if cluster_mention else ""
    if metric.code == "cluster_count":
        cluster = ""
    enterprise_mention = places.nearest([m for m in enterprise_mentions if m.end <= numeral.start], sentence,
                                        numeral.start)
    enterprise = text.span(enterprise_mention.start, enterprise_mention.end) if enterprise_mention else ""
    # evidence
    starts = [s for s in (cue.start if cue else None, qualifier_start) if s is not None]
    if rank is not None:
        found = re.search(r"(?:位居|居|排名|进入|位列|跻身)", norm[max(line[0], numeral.start - 12):numeral.start])
        if found:
            starts.append(max(line[0], numeral.start - 12) + found.start())
    if unit.tier:
        starts.append(max(clause[0], numeral.start - 6))
    if not starts:
        starts.append(max(clause[0], numeral.start - 8))
    if cue is not None and cue.start >= end:  # 6个先进制造业集群: what is counted follows the number
        end = cue.end
    span = evidence(text, numeral.start, end, starts, line)
    if not holds(value, span):
        notes.append("the evidence check may not read this number: check evidence")
    if unit.read_as == "大":
        notes.append(f"unit read from {text.span(numeral.end, numeral.end + 1)} (X大 = X items)")
    base = Figure(text.original_start(numeral.start), place, cluster, enterprise, metric.code, rate_of, period, kind,
                  value, unit.unit, status, qualifier, span, notes, place_key)
    # one figure per item of a list that shares the number
    items: list[tuple[int, int]] = []
    if unit.tier or (metric.kind in ("level", "rank") and "count" not in unit.measures):
        stops = [h.start for h in hits]
        items = enumerations.items_before(norm, clause[0], numeral.start, stops, names, place_spans)
        if not items and unit.tier:
            items = enumerations.items_after(norm, end, sentence[1], names)
    if len(items) < 2:
        if base.cluster and base.cluster not in reference_names(reference):
            pass
        return [base]
    out = []
    for start, stop in items:
        item = text.span(start, stop)
        notes_i = list(notes) + [f"one of a list sharing the number: cluster {item} as listed"]
        if place_mention is not None and place_mention.start > stop:
            pass
        out.append(Figure(base.number_start, place, item, enterprise, metric.code, rate_of, period, kind, value,
                          unit.unit, status, qualifier, span, notes_i, place_key))
    return out


def reference_names(reference: Reference) -> set[str]:
    return set(reference.clusters)


def _count_metric(hits, numeral: Numeral, unit: units.UnitMatch, clause, reference: Reference):
    """A count's cue is the nearest word naming what is counted, before (规上工业企业超1300家) or
    after it (6个先进制造业集群), within its clause."""
    best, best_distance = None, None
    for hit in hits:
        if hit.metric.unit_measure not in unit.measures or hit.metric.kind != "count":
            continue
        if clause[0] <= hit.start and hit.end <= numeral.start:
            distance = numeral.start - hit.end
        elif unit.end <= hit.start <= clause[1]:
            distance = hit.start - unit.end
        else:
            continue
        if best_distance is None or distance < best_distance:
            best, best_distance = hit, distance
    if best is not None:
        return best.metric, best
    return cues.choose_metric([], numeral.start, frozenset({"count"}) & unit.measures or unit.measures, reference)


def _rate_of(hits, cue, numeral, sentence, reference, earlier: list[Figure], text: Text, level_kinds) -> str:
    until = cue.start if cue else numeral.start
    levels = [h for h in hits if h.metric.kind in level_kinds and h.end <= until]
    previous = [f for f in earlier if sentence[0] <= _norm_at(text, f.number_start) < numeral.start
                and reference.metric(f.metric_code).kind in level_kinds]
    if previous and (not levels or _norm_at(text, previous[-1].number_start) > levels[-1].end):
        return previous[-1].metric_code
    if levels:
        return max(levels, key=lambda h: (h.end, h.end - h.start)).metric.code
    return ""


def _norm_at(text: Text, original_index: int) -> int:
    from bisect import bisect_left

    return bisect_left(text.origin, original_index)


def _status(norm: str, sentence_start: int, at: int, tier: bool) -> str:
    before = norm[sentence_start:at]
    target = None
    for target in cues.TARGET.finditer(before):
        pass
    actual = None
    for actual in cues.ACTUAL.finditer(before):
        pass
    if target and (actual is None or actual.start() < target.start()):
        return "target"
    if tier and actual is None:
        return "target"
    return "actual"


def _period_kind(norm: str, clause, sentence, at: int, metric: Metric, period: Period) -> str:
    near = norm[max(sentence[0], at - 20):at]
    if cues.AVERAGE.search(near):
        return "average"
    if cues.CUMULATIVE.search(near):
        return "cumulative"
    if cues.STOCK.search(near):
        return "as_of"
    if period.start is not None and period.start != period.end:
        return "cumulative"
    if metric.kind == "count" and period.inferred:
        return "as_of"
    return "year"
