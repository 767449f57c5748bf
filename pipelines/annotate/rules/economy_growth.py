"""A growth of the economy is a growth of GDP: 经济增长5.8%, 全市经济增速达6.5%, 拉动全市经济增长18.5个百分点,
对经济增长的贡献率达83.7% are rates of gdp (docs/codes.md: GDP增长22.1% has rate_of_metric_code gdp), though
no cue word of gdp (地区生产总值, GDP) stands before them: the cue words of growth read 增长 alone, and what grew
was left empty or taken from a count (第二产业: cluster_count). The words are data (cue_words.csv rate_of 经济, before a word of
change: the code is the metric grown), with the economies that are no GDP kept out (工业经济, 数字经济: not_preceded_by).
A level cue or another number between the words and the figure makes them another figure's."""

from __future__ import annotations

import re

from .. import cues
from . import growth_clause

KINDS = ("rate", "share")  # a growth, a pull in points, a contribution to the growth
NEAR = 10  # how far before the number the words may end (对经济增长的贡献率达)
_GLUE = r"[^\d,;:。!?]{0,4}?"  # 同比, 实现 between the economy and its change word
_NUMBER = re.compile(r"\d")
_ANOTHER = re.compile(r"[\d,;:。!?]")


def of_the_economy(figure, doc, earlier):
    if figure.at < 0:
        return figure
    reference, norm = doc.reference, doc.norm
    if reference.metric(figure.metric_code).kind not in KINDS:
        return figure
    lo = max(figure.clause[0], figure.at - NEAR - 8)
    change = reference.alternation("change", "rate", "in_clause")
    for cue in reference.words("rate_of", "before_rate"):
        grows = re.compile(f"(?:{cue.regex}){_GLUE}(?:{change})")  # 经济增长, 经济同比增长, 经济实现增长
        found = next(reversed(list(grows.finditer(norm, lo, figure.at))), None)  # the last before it
        if found is None or figure.at - found.end() > NEAR or _ANOTHER.search(norm, found.end(), figure.at):
            continue
        levels = [h for h in cues.cue_hits(norm, (found.end(), figure.at), reference) if h.metric.kind == "level"]
        if levels or figure.rate_of_metric_code == cue.code:
            return figure
        return _of(figure, doc, cue.code, found)
    if not figure.rate_of_metric_code and growth_clause.bare_clause(figure, doc):
        return _topic_of_the_sentence(figure, doc)
    return figure


def _topic_of_the_sentence(figure, doc):
    """全市经济运行总体平稳,同比增长5.5%: a bare growth (its clause only 同比增长) after a clause on the economy,
    with no amount named or number between, is the economy's."""
    reference, norm = doc.reference, doc.norm
    for cue in reference.words("rate_of", "before_rate"):
        found = next(reversed(list(cue.pattern.finditer(norm, figure.sentence[0], figure.clause[0]))), None)
        if found is None or _NUMBER.search(norm, found.end(), figure.at):
            continue
        if any(h.metric.kind == "level" for h in cues.cue_hits(norm, (found.end(), figure.at), reference)):
            continue
        return _of(figure, doc, cue.code, found)
    return figure


def _of(figure, doc, code: str, found):
    was = figure.rate_of_metric_code or "none"
    figure.rate_of_metric_code = code
    figure.notes.append(f"a change of {doc.text.span(found.start(), found.end())}: of {code} (was {was})")
    return figure
