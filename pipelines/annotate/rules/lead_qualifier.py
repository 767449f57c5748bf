"""A lead that names what a list of bare amounts measures (lead_metric.py: 说说两地的产能。平果260万吨,靖西200万吨)
may say once that they are approximate: 两地大概的产能:, 两地产能大致情况如下。, 产能估计是这样的: make each listed
amount about (raw/README.md, qualifier: 约 → about). The word is a qualifier of code about (cue_words.csv qualifier
before_number) of two characters or more (大约, 大概, 大致, 估计) anywhere in the lead before the list, or 约 with
glue, a colon or a bracket after it (约有:, (约)); one character opening a word (近年来, 约定) says nothing of the
amounts, nor does a word of another code (两地产能不断突破 is no 'more than'). An amount with a qualifier word
of its own keeps it."""

from __future__ import annotations

import re

from .lead_metric import MARK as NAMED_IN_THE_LEAD
from .lead_metric import lead_start

MARK = "the qualifier said in the lead before its list"
_DIGIT = re.compile(r"\d+")


def _about_words(reference) -> re.Pattern:
    words = [c for c in reference.words("qualifier", "before_number") if c.code == "about"]
    glue = reference.alternation("subject", "no_noun")
    long = [c.regex for c in words if len(c.word) >= 2]
    short = [f"(?:{c.regex})(?=(?:{glue})?[:)])|(?:{c.regex})(?=(?:{glue}))" for c in words if len(c.word) < 2]
    return re.compile("|".join(long + short) or "(?!)")


def said_in_the_lead(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact" or not _named_before(figure, doc):
        return figure
    before = earlier[-1] if earlier else None
    if before is not None and any(MARK in n for n in before.notes):
        if before.unit_end <= figure.at and not re.search(r"[。!?]", doc.norm[before.unit_end : figure.at]):
            figure.qualifier = before.qualifier
            figure.notes.append(f"listed after {before.value}{before.unit}: {before.qualifier}, {MARK}")
        return figure
    if any("the value listed before" in n for n in figure.notes):
        return figure  # a later value of a list whose first took no qualifier from the lead
    words = doc.once(("lead_qualifier", "about"), lambda d: _about_words(d.reference))
    lo = lead_start(doc, figure)
    digits = [m.end() for m in _DIGIT.finditer(doc.norm, lo, figure.at)]  # a number's own words are its own
    found = list(words.finditer(doc.norm, digits[-1] if digits else lo, figure.at))
    if not found:
        return figure
    figure.qualifier = "about"
    figure.notes.append(f"{found[-1].group()} in the lead: about, {MARK}")
    return figure


def _named_before(figure, doc) -> bool:
    """The amount's clause names nothing of what it measures: the lead does (平果260万吨 after 两地大概的产能:)."""
    if any(NAMED_IN_THE_LEAD in n for n in figure.notes):
        return True
    cues = doc.reference.metric(figure.metric_code).cues
    clause = doc.norm[figure.clause[0] : figure.at]
    return figure.clause[0] > figure.sentence[0] and not any(cue in clause for cue in cues)
