"""A company named whole before (广西玉柴机器集团, 华锦新材集团: by a place opening it or by its ending), then by
the short name it goes by: its name without place and ending (company_name.core: 玉柴机器) or that core's first
two characters (玉柴). The short name must stand before the number in the figure's sentence and start a word,
and be no place's, industry's or cue word's (广西投资集团's 投资 is a metric's word, not the company), nor be
listed with others."""

from __future__ import annotations

from .company_abbreviation import _starts_a_word
from .company_ending import _named
from .company_name import LOOK_BACK, _in_a_list, core
from .company_short import _named_by_form

SHORT = 2  # 玉柴 of 玉柴机器: the two characters Chinese short names keep


def _words(reference) -> frozenset[str]:
    """Words that are no company's short name: the metrics' and the cue words' (投资, 产值, 新增)."""
    return frozenset({c for m in reference.metrics for c in m.cues} | {c.word for c in reference.cue_words})


def _by_ending(doc, start: int, end: int) -> list[str]:
    return [doc.norm[s:e] for s, e in doc.once("company_ending", _named) if start <= s and e <= end][::-1]


def by_its_short_name(figure, doc, earlier):
    if figure.enterprise or figure.at < 0:
        return figure
    reference, norm = doc.reference, doc.norm
    words = doc.once("company_core_words", lambda d: _words(d.reference))
    since, said = max(0, figure.sentence[0] - LOOK_BACK), figure.sentence[0]
    for whole in _named_by_form(doc, since, figure.at) + _by_ending(doc, since, figure.at):
        head = core(whole, reference)
        for short in dict.fromkeys((head, head[:SHORT])):
            if len(short) < SHORT or short in reference.places or short in reference.clusters or short in words:
                continue
            at = norm.rfind(short, said, figure.at)
            if at < 0 or _inside(norm, whole, at):
                continue
            if not (_starts_a_word(doc, at) or _after_a_lead(doc, at)) or _in_a_list(reference).match(
                norm, at + len(short)
            ):
                continue
            figure.enterprise = doc.text.name(at, at + len(short))
            figure.notes.append(f"enterprise {figure.enterprise}: the short name of {whole}, named before")
            return figure
    return figure


def _inside(norm: str, whole: str, at: int) -> bool:
    """Whether the short name at `at` is part of the whole name written there (广西玉柴机器集团's 玉柴)."""
    w = norm.rfind(whole, max(0, at - len(whole)), at + len(whole))
    return w >= 0 and w <= at < w + len(whole)


def _after_a_lead(doc, at: int) -> bool:
    """After a word before a noun (其中, 新增: cue_kind subject, code lead): a name may start there."""
    return doc.norm.endswith(doc.reference.words_of("subject", "lead", "before_noun"), max(0, at - 4), at)
