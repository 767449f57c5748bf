"""A clause opened by a word that points back at a company (该公司, 该企业, 工厂提前两个多月完成…: cue_kind company,
code anaphor) is about the company named last before it: the enterprise of the nearest figure before that has
one, or a company named whole by its form (广西祥云亿航智能科技有限公司), whichever is nearer; none further back
than a few sentences (REACH). The anaphor opens the number's clause or one before it in its sentence."""

from __future__ import annotations

import re
from functools import lru_cache

from .company_short import _named_by_form
from .mentions import spans_starting_in

REACH = 300  # characters back to the company the anaphor points at: the paragraph it is in


@lru_cache(maxsize=8)
def _anaphor(words: str) -> re.Pattern:
    return re.compile(rf"\s*(?:{words})")


def _opens_a_clause(doc, figure) -> bool:
    pattern = _anaphor(doc.reference.alternation("company", "anaphor"))
    return any(
        pattern.match(doc.norm, start, figure.at)
        for start, _ in spans_starting_in(doc.clauses, figure.sentence[0], figure.clause[0] + 1)
    )


def the_one_named_before(figure, doc, earlier):
    if figure.enterprise or figure.at < 0 or not _opens_a_clause(doc, figure):
        return figure
    since = max(0, figure.sentence[0] - REACH)
    found = None  # (where it is named, the name as written)
    for f in reversed(earlier):
        if f.at < since:
            break
        if f.enterprise:
            found = (f.at, f.enterprise)
            break
    named = _named_by_form(doc, since, figure.sentence[0])
    if named and (found is None or doc.norm.rfind(named[0], since, figure.sentence[0]) > found[0]):
        at = doc.norm.rfind(named[0], since, figure.sentence[0])
        found = (at, doc.text.name(at, at + len(named[0])))
    if found:
        figure.enterprise = found[1]
        figure.notes.append(f"enterprise {figure.enterprise}: the company named before, that the clause points back at")
    return figure
