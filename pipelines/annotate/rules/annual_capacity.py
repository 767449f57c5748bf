"""年产X万吨 of a production line, plant or project is what it can make in a year, a capacity, not what was
made: 建成年产10万吨铜箔生产线, 年产20万吨正极材料项目开工, 项目建成后可年产50万吨. An amount right after an
annual-output word (cue_words.csv capacity annual: 年产, 年生产) is a capacity when its clause names a facility
right after the unit (capacity facility: 生产线, 项目, 工厂) or a word of building before it (capacity build:
建成, 新建, 投产); 实现年产3万台 with neither stays a production. Which metric is the capacity of the unit's
measure is read from the catalogue: the stock metric (period stock word among its cues: 产能) one of whose cue
words opens with the annual word (年产能); a measure with none (辆) keeps its metric."""

from __future__ import annotations

import re

from ..script import simplified

BEFORE = 12  # how far before the number the annual word may end (年产钢材1000万吨: a product between)
AFTER = 20  # how far after the unit the facility word may start (年产30万吨高性能电子级铜箔及配套材料生产线)
NAMED_AFTER = 10  # the same with no annual word: a facility a size names (200万吨氧化铝项目)
_TO_ANNUAL = "[后可将达一个座条家]{0,3}"  # 建成后可年产, 新建一条年产: the building word is the annual word's
_ANOTHER = re.compile(r"[\d、,;:。!?()]")  # another number, item or clause between


def _capacity_of(reference, measures: set[str], annual: tuple[str, ...]):
    stock = set(reference.words_of("period", "stock"))
    for metric in reference.metrics:
        if metric.kind != "level" or metric.unit_measure not in measures or not stock & set(metric.cues):
            continue
        if any(cue.startswith(word) and cue != word for cue in metric.cues for word in annual):
            return metric
    return None


def located_level(figure, doc) -> bool:
    """A level found in the text: the only figures a capacity rule may turn into a capacity."""
    return figure.at >= 0 and doc.reference.metric(figure.metric_code).kind == "level"


def of_a_facility(figure, doc, earlier):
    if not located_level(figure, doc):
        return figure
    reference, norm = doc.reference, doc.norm
    annual = reference.words_of("capacity", "annual", "before_number")
    per_year = re.match(
        reference.alternation("capacity", "annual", "after_unit"), norm[figure.unit_end : figure.clause[1]]
    )
    if per_year:  # 1000万吨/年: the unit says a yearly amount, written so only of a capacity
        return to_capacity(figure, doc, annual, per_year.group())
    lo = max(figure.clause[0], figure.at - BEFORE - 4)
    clause_before = norm[lo : figure.at]
    said = None
    annual_words = [c.regex for c in reference.words("capacity", "before_number") if c.code == "annual"]
    for found in re.finditer("|".join(annual_words) or "(?!)", clause_before):
        if not clause_before[found.start() - 1 : found.start()].isdigit():  # 2023年生产企业: a year's 年
            said = found
    after = norm[figure.unit_end : min(figure.clause[1], figure.unit_end + AFTER + 4)]
    facility = re.search(reference.alternation("capacity", "facility"), after)
    facility_named = (
        facility is not None and facility.start() <= AFTER and not _ANOTHER.search(after, 0, facility.start())
    )
    if said is None or _ANOTHER.search(clause_before, said.end()):
        # 华昇200万吨氧化铝项目: a project or line named by its size, no 年产 needed (not 能力, 规模: 的 before)
        named = facility_named and facility.group() in reference.words_of("capacity", "facility", "after_size")
        built = re.search(reference.alternation("capacity", "build"), norm[figure.clause[0] : figure.at])
        # 投产了两条10万吨的生产线: a facility after 的 is named by its size where building is said before it
        if named and facility.start() <= NAMED_AFTER and ("的" not in after[: facility.start()] or built):
            return to_capacity(figure, doc, annual, f"a facility named by its size ({facility.group()})")
        return figure
    built = re.search(
        f"(?:{reference.alternation('capacity', 'build')}){_TO_ANNUAL}$", norm[figure.clause[0] : lo + said.start()]
    )
    if not (facility_named or built):
        return figure
    why = (
        doc.text.span(figure.unit_end + facility.start(), figure.unit_end + facility.end())
        if facility_named
        else "built"
    )
    return to_capacity(figure, doc, annual, f"{said.group()} of a facility ({why})")


def to_capacity(figure, doc, annual: tuple[str, ...], why: str):
    reference = doc.reference
    capacity = _capacity_of(reference, reference.units.get(simplified(figure.unit), set()), annual)
    if capacity is None or capacity.code == figure.metric_code:
        return figure
    was = figure.metric_code
    figure.metric_code = capacity.code
    stale = (f"metric {was} ", *(f"{word} is " for word in annual))  # the guess and the "no such metric" it led to
    figure.notes = [n for n in figure.notes if not any(s in n for s in stale)]
    figure.notes.append(f"{why}: a capacity, {capacity.code}")
    return figure
