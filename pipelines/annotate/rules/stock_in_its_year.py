"""A count of what exists is a stock, its year stated or not: 2011年5046家 (enterprises), 截至2015年,…规模以上
企业整合至26家 are held at a date in that year (period_kind as_of; raw/README.md: a stock as of a date
in end year), as 现有企业56家 is when no year is stated (extract reads that one). A count of what happened
in the year stays a year's: a flow word before it (新增, 引进, 接待: cue_words period flow) or an honour
after it (入选, 入围, 获评: subject honour, a list entered that year) or a year said after it in its
clause (18家企业入围2024年…百强), or a word of the whole year before it (2023年全年专利授权量5600件: whole_year_count.py)
."""

from __future__ import annotations

import re

from .count_of_occurrences import occurrence_unit
from .whole_year_count import whole_year_word

NEAR = 20  # characters before the number a period word is looked for in (extract's _period_kind)
NOTE = "a count of what exists, its year stated: as of a date in that year"


# 850家增加到2023年的1300家: the year after 到/至 is the later level's, no list the count entered
_CHANGED_TO = re.compile(r"[^\d,。;]{0,4}(?:到|至)\s*$")


def year_after(figure, doc) -> bool:
    """A year said after the number in its clause: the year of what the count entered (…入围2024年…百强)."""
    return any(
        figure.at < m.start < figure.clause[1] and not _CHANGED_TO.fullmatch(doc.norm, figure.unit_end, m.start)
        for m in doc.years
    )


def held_in_the_year(figure, doc, earlier):
    period = figure.period
    if figure.at < 0 or figure.period_kind != "year" or figure.status != "actual":
        return figure
    if period.start is None or period.start != period.end or period.inferred:
        return figure  # an inferred year's count is read as a stock in extract already
    reference = doc.reference
    if reference.metric(figure.metric_code).kind != "count":
        return figure
    norm = doc.norm
    near = norm[max(figure.clause[0], figure.at - NEAR) : figure.at]  # its own clause: 累计建成…,入驻企业560家
    if reference.cue("period", "flow").search(near) or reference.cue("period", "cumulative").search(near):
        return figure
    if reference.cue("period", "average").search(near):
        return figure
    clause = norm[figure.clause[0] : figure.clause[1]]
    if any(word in clause for word in reference.words_of("subject", "honour")):
        return figure
    if occurrence_unit(figure, doc):
        return figure  # 2023年,全市开展检查860次: occurrences, what the year did
    if whole_year_word(figure, doc):
        return figure  # 2023年全年专利授权量5600件: the whole year's count, a flow
    if year_after(figure, doc):
        return figure  # 18家企业入围2024年…百强: the year after the count names the list it entered
    figure.period_kind = "as_of"
    figure.notes.append(NOTE)
    return figure
