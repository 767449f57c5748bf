"""A sentence may open with a clause that only says its amounts are estimated: 据估算,平果氧化铝产能260万吨。,
据粗略统计,…, 初步估计,… make each amount of the sentence about (raw/README.md, qualifier: 约 → about), as a lead
of bare amounts does (lead_qualifier.py: 粗略算,平果260万吨) though here the amounts name what they measure. The
opening clause holds no number and little beside the word (cue_words.csv qualifier about before_number, two
characters or more: 估算, 估计, 粗略): a few characters before it (据, 根据, 初步) and after it (统计, 算了一下); a
longer clause says something of its own (大概是因为原材料涨价,产值增长10%). An amount with a word of its own keeps it."""

from __future__ import annotations

import re

AROUND = 4  # characters the opening clause may hold before and after the word
OPENING = 16  # characters of such a clause at most (据粗略估算, 大概算了一下): no longer clause is read
_CLAUSE_END = re.compile(r"[,;:]")


def _about(reference) -> re.Pattern:
    words = [c.regex for c in reference.words("qualifier", "before_number") if c.code == "about" and len(c.word) >= 2]
    return re.compile(
        f"^(?P<before>[^\\d\\s]{{0,{AROUND}}}?)(?:{'|'.join(words) or '(?!)'})(?P<after>[^\\d\\s]{{0,{AROUND}}})$"
    )


def of_the_sentence(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact":
        return figure
    lo = figure.sentence[0]
    if figure.clause[0] <= lo:
        return figure  # the number is in the opening clause: its own words are read by extract
    end = _CLAUSE_END.search(doc.norm, lo, min(figure.clause[0], lo + OPENING))
    if end is None:
        return figure  # no opening clause short enough to hold only the word
    opening = doc.norm[lo : end.start()].strip()
    if not doc.reference.pattern("estimate_opening", _about).match(opening):
        return figure
    figure.qualifier = "about"
    figure.notes.append(f"the sentence opens with {opening}: an estimate, about")
    return figure
