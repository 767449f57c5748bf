"""An amount whose clause opens with a set of enterprises doing it: 重点企业完成工业产值85亿元, 30家重点企业完成…,
园区企业实现营业收入… → 重点企业 / 园区企业 (docs/codes.md, Subjects: the set of enterprises an amount is of). The
set is a noun ending in an enterprise count's word (metrics.csv: 企业), past the clause's date, place and lead
words, with only glue (完成, 实现, 共) between it and the amount's cue. A company's name is the enterprise column's,
no set."""

from __future__ import annotations

import re

from .level_noun import LEVEL, _is_a_company
from .subject import _COUNT_OF_ENTERPRISES, _cue_of, _no_noun, after_the_lead

_NOUN = re.compile(r"[\u4e00-\u9fff]+")
_SET_WORDS = ("企业",)  # of enterprise_count's words, those that end a set's name (not 公司: one company)


def named_at_the_opening(figure, doc, earlier):
    reference = doc.reference
    if figure.subject or figure.enterprise or figure.at < 0 or reference.metric(figure.metric_code).kind != LEVEL:
        return figure
    norm = doc.norm
    cue = _cue_of(doc, figure.metric_code).search(norm, figure.clause[0], figure.at)
    if cue is None:
        return figure
    start = after_the_lead(doc, figure.clause[0], cue.start())
    count = _COUNT_OF_ENTERPRISES.match(norm, start)  # 30家重点企业: the count says how many, the noun what
    start = count.end() if count else start
    words = norm[start : cue.start()]
    end = max(
        (i + len(w) for w in _SET_WORDS if w in reference.metric("enterprise_count").cues if (i := words.rfind(w)) > 0),
        default=0,
    )
    noun = words[:end]
    rest = words[end:]
    for sector in reference.words_of("scope", "sector"):  # 完成工业产值: the sector's, no noun of its own
        rest = rest.replace(sector, " ")
    if not end or not _NOUN.fullmatch(noun) or _is_a_company(doc, noun) or not _no_noun(doc, rest):
        return figure
    figure.subject = doc.text.span(start, start + end)
    return figure
