"""What a figure counts or produces, as written, where the metric alone does not say: the noun after a
count (5372家规模以上工业企业 → 规模以上工业企业), the words before a count's cue (专精特新企业32家), or
the product before 产量/产能 (钢材产量 → 钢材)."""

from __future__ import annotations

import re

from . import growth_clause, list_item

# The noun after a count ends before a verb or an adverb (421个贫困村全部出列 → 贫困村)
_NOUN_AFTER = re.compile(
    r"[\u4e00-\u9fff()]{2,14}?(?=[,。;:、!?和及与的在]|$|\s|实现|完成|达|共|占|中|全部|均|都|已|分别)"
)
_NOUN_BEFORE = re.compile(r"([\u4e00-\u9fff]{2,12}?)(?:数量|总数|总量|数)?(?:达到|达|为|有|超过|超|近|约)?\s*$")
_DATE_LEFT = re.compile(r"[年月日份]")  # 2015年全市接待游客: the end of a date is no part of the noun
_PRODUCT = re.compile(r"([\u4e00-\u9fff]{1,6}?)(?:年?产量|年?产能)")
PRODUCED = (
    "production_tonnes",
    "production_units",
    "production_vehicles",
    "capacity_tonnes",
    "capacity_units",
    "capacity_energy",
    "capacity_power",
    "reserves_tonnes",
)
_LEAD = re.compile(r"(?:全市|全区|全省|全县|其中|共有|现有|已有|新增|累计|培育|每年)")  # matched at a position: no ^
RATED = ("rate", "rank", "share")
# 氧化铝增长29.3%, 钢材产量同比增长25.6%: the product opens the clause, before its growth
_PRODUCT_GROWS = re.compile(r"([\u4e00-\u9fff]{1,12}?)(?:年?产量|年?产能)?(?:同比|累计|当月)*(?:增长|下降)")
_INDUSTRY = re.compile(r"[业]$")  # 制造业累计增长0.1%: an industry is a cluster, not a product


def what_is_counted(figure, doc, earlier):
    if figure.subject or figure.at < 0:
        return figure
    metric = doc.reference.metric(figure.metric_code)
    norm = doc.norm
    if metric.kind == "count":
        after = _NOUN_AFTER.match(norm, figure.unit_end, figure.clause[1])
        named = after and (not metric.cues or any(cue in after.group() for cue in metric.cues))
        if named and not after.group().startswith(("以上", "左右", "多", "的")):
            figure.subject = doc.text.span(after.start(), after.end())
            return figure
        before = _NOUN_BEFORE.search(norm[figure.clause[0] : figure.at])
        if before:
            start, end = figure.clause[0] + before.start(1), figure.clause[0] + before.end(1)
            start = _after_the_lead(doc, start, end)
            starts_a_word = start > figure.clause[0] + before.start(1) or start == figure.clause[0]
            starts_a_word = starts_a_word or not re.match(r"[\u4e00-\u9fff]", norm[start - 1])
            # 有色金属规模以上企业整合至26家: a noun cut inside a word (属规模…) is left for the analyst
            if starts_a_word and end - start >= 2 and not _LEAD.fullmatch(norm, start, end):
                figure.subject = doc.text.span(start, end)
    elif figure.metric_code in PRODUCED:
        found = list(_PRODUCT.finditer(norm, figure.clause[0], figure.at))
        if found:
            start, end = found[-1].start(1), found[-1].end(1)
            lead = _LEAD.match(norm, start)
            start = lead.end() if lead and lead.end() < end else start
            figure.subject = doc.text.span(start, end)
    return figure


def _after_the_lead(doc, start: int, end: int) -> int:
    """Past the end of a date (年), the places (全市, 港南区) and the lead words (其中, 新增) before a noun."""
    norm = doc.norm
    names = doc.place_names[0]
    moved = True
    while moved and start < end:
        moved = False
        for pattern in (_DATE_LEFT, _LEAD):
            found = pattern.match(norm, start)
            if found and found.end() < end:
                start, moved = found.end(), True
        if names and norm.startswith(names, start):
            name = next(n for n in names if norm.startswith(n, start))
            if start + len(name) < end:
                start, moved = start + len(name), True
    return start


def product_of_a_rate(figure, doc, earlier):
    """A growth, rank or share of a production volume carries its product, as the volume does (docs/codes.md,
    Subjects): 钢材增长25.6% → 钢材, as 钢材产量1700万吨 is; 乘用车、氧化铝产量进入全国前五 → each its item."""
    if figure.subject or figure.at < 0 or figure.rate_of_metric_code not in PRODUCED:
        return figure
    if doc.reference.metric(figure.metric_code).kind not in RATED or growth_clause.bare_clause(figure, doc):
        return figure  # 产量131.8万辆,同比增长14.5%: the level's subject (scope.py), not a word of its own
    if figure.cluster and any(note.startswith(list_item.LISTED) for note in figure.notes):
        figure.subject = figure.cluster  # 乘用车、工程机械…产量进入全国前五: the row's own item
        return figure
    norm, start = doc.norm, figure.clause[0]
    found = list(_PRODUCT.finditer(norm, start, figure.at))
    if found:
        begin, end = found[-1].start(1), found[-1].end(1)
    else:
        grows = _PRODUCT_GROWS.match(norm, _after_the_lead(doc, start, figure.at), figure.at)
        if not grows:
            return figure
        begin, end = grows.start(1), grows.end(1)
    begin = _after_the_lead(doc, begin, end)
    if end - begin >= 2 and not _INDUSTRY.search(norm, begin, end):
        figure.subject = doc.text.span(begin, end)
    return figure
