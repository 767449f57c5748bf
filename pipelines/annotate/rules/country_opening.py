"""A sentence that opens with the country as its subject (2023年,全国规模以上工业增加值比上年增长4.6%; 从全国看,…;
我国新能源汽车产量达958.7万辆,同比增长35.8%) states the country's figures, however far the number stands from
the name: extract takes the country only right before a number (全国平均水平2.65%), so that 全国两会 named in
passing does not make a city's figures national. Here the country must open the sentence or a clause of it
(after its time, a 从…看 or a source's clause: 国家统计局数据显示,), be no frame (全国人大代表, 位居全国第一),
and no other place may stand between it and the number."""

from __future__ import annotations

import re
from bisect import bisect_right

from .. import places
from .mentions import starting_in

COUNTRY = "country"
RANK = "rank"
_END = 1 << 62
# before the subject: a time, punctuation, 从 of 从全国看 (its 看 after the name)
_OPENER = re.compile(r"(?:[^\u4e00-\u9fff]|[年月份日季度上下半前今去])*?(?:从)?")
# a body, a meeting or a title the country names (全国人大代表, 全国两会, 全国文明城市): no subject
_NAMED = re.compile(r"\s*(?:人大|政协|两会|文明|劳模|代表|委员|工商联|总工会|妇联|团委)")


def of_the_country_it_opens_with(figure, doc, earlier):
    if figure.at < 0 or figure.enterprise or figure.metric_code == RANK:
        return figure  # 全国排名第一: the field of a rank (comparison_place)
    levels = doc.reference.place_levels
    if levels.get(figure.place_key) == COUNTRY:
        return figure
    sentence = figure.sentence
    named = [
        m
        for m in starting_in(doc.places, sentence[0], figure.at)
        if m.end <= figure.at and not places.is_frame(doc.norm, m, doc.reference)
    ]
    if not named or levels.get(named[0].key) != COUNTRY:
        return figure
    country = named[0]
    # the clause it opens: the sentence's first, or one after a source (国家统计局数据显示,2023年全国…)
    clause = doc.clauses[bisect_right(doc.clauses, (country.start, _END)) - 1]
    if not _OPENER.fullmatch(doc.norm, max(clause[0], sentence[0]), country.start) or _NAMED.match(
        doc.norm, country.end
    ):
        return figure
    if any(levels.get(m.key) != COUNTRY for m in named[1:]):
        return figure  # 全国…增长4.6%,广西增长6.6%: 广西's own
    said = doc.text.name(country.start, country.end)
    figure.place, figure.place_key = said, country.key
    figure.notes = [n for n in figure.notes if not n.startswith("place")]
    figure.notes.append(f"place: the country ({said}) the sentence opens with")
    return figure
