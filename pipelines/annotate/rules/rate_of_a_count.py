"""A rate is of a count only when the text counts: 企业数量增长12%, 高新技术企业数同比增长25% (a counting word right
after the count's cue word), or a count of that metric stands before it in its sentence (汽车企业达到32家,增长10%).
A count's cue word with neither names what grew, not how many: 汽车产业增长18.5%, 规上工业中,轻工业增长4.2%,
战略性新兴产业同比增长15.3%, 汽车产业对全市工业增长的贡献率达35% (产业, 规上 are cue words of cluster_count and
enterprise_count). Such a rate is of the amount before it in its paragraph (全年实现工业总产值1580亿元。从行业看,
汽车产业增长18.5%: output value), and of none when there is none (the subject then says what grew: docs/codes.md,
Subjects). The counting words are data (cue_words.csv rate_of count, after_cue)."""

from __future__ import annotations

import re

from .. import cues
from . import share_of_the_whole

KINDS = ("rate",)  # a growth, a change in points; a share of a count (企业数只占16%) is the count's
REACH = 300  # characters back where the count or the amount a rate is of may stand
SHARE = "share"
CONTRIBUTION = "contribution_rate"  # a share of a growth (汽车产业对工业增长的贡献率): of an amount, never a count
NOTE = "{} is named but not counted before the rate: {}"


def _counted(reference, cues: tuple[str, ...]) -> re.Pattern:
    def make(ref):
        counting = ref.alternation("rate_of", "count", "after_cue")
        names = "|".join(map(re.escape, sorted(cues, key=len, reverse=True))) or "(?!)"
        return re.compile(f"(?:{names})(?:{counting})")

    return reference.pattern(f"rate_of_a_count {cues}", make)


def counted_or_not(figure, doc, earlier):
    code = figure.rate_of_metric_code
    if figure.at < 0 or not code:
        return figure
    reference, norm = doc.reference, doc.norm
    counted = reference.metric(code)
    if counted.kind != "count":
        return figure
    if reference.metric(figure.metric_code).kind == SHARE and figure.metric_code != CONTRIBUTION:
        return _share_of_the_whole(figure, doc, counted)
    if reference.metric(figure.metric_code).kind not in KINDS and figure.metric_code != CONTRIBUTION:
        return figure
    if _counted(reference, counted.cues).search(norm, max(figure.sentence[0], figure.at - REACH), figure.at):
        return figure
    from ..extract import _within

    paragraph = _within(doc.paragraphs, figure.at)
    amount = None
    since = max(paragraph[0], figure.at - REACH)
    for before in reversed(earlier):  # back REACH characters in the paragraph only: no pass over the whole draft
        if 0 <= before.at < since:
            break
        if before.at < 0 or before.at >= figure.at:
            continue
        if reference.metric(before.metric_code).kind == "count" and before.at >= figure.sentence[0]:
            figure.rate_of_metric_code = before.metric_code  # 汽车企业达到32家,增长10%: the count before it grows
            return figure
        if amount is None and reference.metric(before.metric_code).kind == "level":
            amount = before.metric_code
    named = _amount_named_before(doc, figure)  # 工业投资方面,受重大项目集中开工拉动,全年增长25%
    amount = named or amount
    figure.rate_of_metric_code = amount or ""
    if not amount and not figure.subject:
        figure.subject = _kind_of_enterprise(figure, doc)
    figure.notes.append(NOTE.format(code, f"a rate of {amount}, the amount before it" if amount else "of no metric"))
    return figure


def _kind_of_enterprise(figure, doc) -> str:
    """股份制企业累计增长3.0%: a clause of a kind of enterprise and its growth alone is that set's growth; with no
    metric to rate, the set is the subject (scope.py names it so for a rate of a metric)."""
    from .scope import _ENTERPRISE_KIND_GROWS, SHORT_CLAUSE
    from .subject import after_the_lead

    norm, start = doc.norm, figure.clause[0]
    if figure.at - start > SHORT_CLAUSE:
        return ""
    opening = after_the_lead(doc, start, figure.at)
    grows = _ENTERPRISE_KIND_GROWS.fullmatch(norm[opening : figure.at].strip())
    if not grows:
        return ""
    at = opening + norm[opening : figure.at].index(grows.group(1))
    return doc.text.span(at, at + len(grows.group(1)))


def _share_of_the_whole(figure, doc, counted):
    """汽车产业占全市工业总产值的35%: a share whose whole after 占 is an amount (a level's cue word between 占 and
    the number) is a share of that amount, not of the count its holder's word (产业) is a cue of; 民营企业占80% and
    高新技术企业占规上工业企业的25% (no amount in the whole) stay shares of the count."""
    reference, norm = doc.reference, doc.norm
    if _counted(reference, counted.cues).search(norm, max(figure.sentence[0], figure.at - REACH), figure.at):
        return figure
    found = share_of_the_whole.amount_of_the_whole(doc, figure.clause[0], figure.at, figure.metric_code)  # 占…的比重
    if found is None:
        return figure
    amount = found[1]
    figure.notes.append(NOTE.format(counted.code, f"a share of {amount}, the whole after 占"))
    figure.rate_of_metric_code = amount
    return figure


def _amount_named_before(doc, figure) -> str:
    """The amount a cue word names last before the rate in its sentence (within REACH): 工业投资方面,…增长25%,
    营业收入方面,规上工业企业全年实现增长6%. It says what grew before an amount drafted in an earlier sentence."""
    lo = max(figure.sentence[0], figure.at - REACH)
    hits = [h for h in cues.cue_hits(doc.norm, (lo, figure.at), doc.reference) if h.metric.kind == "level"]
    return max(hits, key=lambda h: (h.end, h.end - h.start)).metric.code if hits else ""
