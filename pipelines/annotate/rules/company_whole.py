"""A company found by a name an annotation knew (玉柴集团) is written whole, as the text names it there: with
its company ending run on (玉柴集团有限公司) and, where the name then ends as a company's does, the place that
opens it (广西玉柴集团: a registered name opens with its place, as company_name.named_before reads). A short
name with no ending (玉柴发动机, 柳州五菱) keeps no place: there the place is where the company is, not its name.
Endings: cue_words.csv, cue_kind company (name_end, name_part)."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import places
from ..script import half_width, simplified
from .company_name import endings


@lru_cache(maxsize=8)
def _ending(words: str) -> tuple[re.Pattern, re.Pattern]:
    return re.compile(f"(?:{words})+"), re.compile(f"(?:{words})$")


def as_written_whole(figure, doc, earlier):
    if not figure.enterprise or figure.at < 0:
        return figure
    norm = doc.norm
    # as the copy reads it: Simplified and half-width (梧州制药(集团)股份有限公司 with its brackets)
    name = "".join(half_width(c) for c in simplified(figure.enterprise))
    start = norm.rfind(name, figure.sentence[0], figure.at)
    if start < 0:
        return figure  # named in another sentence (a paragraph's topic): nothing to widen here
    end = start + len(name)
    run_on, ends = _ending(endings(doc.reference))
    more = run_on.match(norm, end, figure.at)
    end = more.end() if more else end
    if ends.search(norm, start, end):
        opening = [m for m in places.within(doc.places, (start - places.COMPANY_REACH, start)) if m.end == start]
        if opening and opening[-1].name not in places.IMPLIED:
            start = opening[-1].start
    whole = doc.text.name(start, end)
    if whole != figure.enterprise:
        figure.notes.append(f"enterprise {whole}: {figure.enterprise} as the text writes it whole")
        figure.enterprise = whole
    return figure
