"""A count of the things whose amount passes a threshold counts those things only (docs/codes.md, Subjects: what
the figure counts): 食品、冶金等2个产业产值超2000亿元 → 产值超2000亿元的产业, 9家企业产值超10亿元 → 产值超10亿元的企业,
as 产值超亿元的企业有61家 already reads. The clause after the count's unit is the counted noun, then a level
metric's cue word (产值, 营业收入), a word of passing (cue_kind qualifier more_than / at_least: 超, 突破) and an
amount of money closing the clause; the subject is the threshold before the noun, joined by 的, as a reviewer
writes it. A subject named otherwise (a list's kind, an honour's list) is kept."""

from __future__ import annotations

import re

from ..script import half_width, simplified

PASSING = ("more_than", "at_least")  # 超, 超过, 突破, 不低于: the amount is a floor the things pass
_NOUN = r"[\u4e00-\u9fff]{1,8}?"  # 企业, 产业, 工业企业: what is counted, right after the unit
# the amount: digits or written digits (百亿元, 10亿元, 亿元), then a unit of money, then a qualifier after it
_AMOUNT = r"(?:[\d.]+|[一二三四五六七八九十两百千])*\s*[万亿]*(?:美元|元)"


def _threshold(reference) -> re.Pattern:
    levels = {cue for metric in reference.metrics if metric.kind == "level" for cue in metric.cues}
    levels = {cue for cue in levels if len(cue) >= 2}  # 税: one character opens too many nouns
    cues = "|".join(map(re.escape, sorted(levels, key=len, reverse=True))) or "(?!)"
    passing = [c.regex for c in reference.words("qualifier", "before_number") if c.code in PASSING]
    after = [c.regex for c in reference.words("qualifier", "after_unit") if c.code in PASSING]
    return re.compile(
        rf"(?P<noun>{_NOUN})(?P<threshold>年?(?:{cues})(?:{'|'.join(passing) or '(?!)'}){_AMOUNT}"
        rf"(?:{'|'.join(after) or '(?!)'})?)\s*$"
    )


def of_those_over_it(figure, doc, earlier):
    if figure.at < 0 or figure.unit_end < 0 or doc.reference.metric(figure.metric_code).kind != "count":
        return figure
    found = doc.reference.pattern("count_threshold", _threshold).match(doc.norm, figure.unit_end, figure.clause[1])
    if not found:
        return figure
    noun = doc.text.span(*found.span("noun"))
    if figure.subject and simplified(figure.subject) != simplified(noun):
        return figure  # named otherwise: 3家企业入选…名单
    figure.subject = f"{_composed(doc, *found.span('threshold'))}的{noun}"
    return figure


def _composed(doc, start: int, end: int) -> str:
    """The threshold in a subject the rule writes (no span of the text): its digits half-width and no
    typesetting space, so 超 2000 亿元 and 超２０００亿元 give the subject 超2000亿元 does."""
    return "".join(half_width(ch) for ch in doc.text.name(start, end) if not ch.isspace())
