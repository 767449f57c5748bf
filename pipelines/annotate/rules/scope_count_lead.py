"""An amount whose clause opens with a count of what earned it (全市107家重点工业企业共完成工业总产值434.15亿元; 市区
40家重点工业企业完成工业总产值301.59亿元): the count and its noun are the set the amount is of (its subject), and
the span starts at the verb after that noun (subject noun_end: 共, 完成, 实现), as reviewers cut it: 共完成工业总产值
434.15亿元. An amount with no such verb (等2个产业产值超2000亿元) is of what the count counts: the span keeps it."""

from __future__ import annotations

import re

from ..evidence import holds, occurs_more_than_once, span_start

_NOUN = 2  # characters the counted noun holds at least (重点企业), so that the verb is not the count's own word


def _count(reference) -> re.Pattern:
    """A number and a count unit (107家, 40个)."""
    units = sorted((u for u, measures in reference.units.items() if "count" in measures), key=len, reverse=True)
    return re.compile(rf"\d+(?:\.\d+)?\s*(?:{'|'.join(map(re.escape, units))})")


def _verb(reference) -> re.Pattern:
    return re.compile(reference.alternation("subject", "noun_end", "after_noun"))


def from_the_verb(figure, doc, earlier):
    begin = span_start(doc.text, figure)  # None: the span is not around the number (a rule rewrote it)
    if begin is None or doc.reference.metric(figure.metric_code).kind != "level":
        return figure
    text, norm, reference, span = doc.text, doc.norm, doc.reference, figure.evidence
    count = reference.pattern("scope_count_lead.count", _count).search(norm, figure.clause[0], figure.at)
    if count is None or text.origin[count.start()] < begin:
        return figure  # no count in the span before the amount
    verb = reference.pattern("scope_count_lead.verb", _verb).search(norm, count.end() + _NOUN, figure.at)
    if verb is None or any(ch.isdigit() for ch in norm[count.end() : verb.start()]):
        return figure
    own = text.original[text.origin[verb.start()] : begin + len(span)].strip()
    if holds(figure.value, own) and not occurs_more_than_once(text, own):
        figure.evidence = own
    return figure
