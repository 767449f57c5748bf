"""A qualifier word may stand a verb away from its number: 占比约为18.05%, 约占全国的30%, 总量近达1万家 are
about or nearly, as 约18.05% is (raw/README.md, qualifier: 约 → about, 近 → nearly). Between the word and the
number stand only words of no noun (cue_words.csv subject no_noun: 为, 有, 达, 是, 在…) or a share's 占 and
the whole it is of (占全国的), an adverb or a modal (已经, 能, 也就: 产能大约已经达到260万吨) and a year (大约在2020年
就达到了260万吨: a year is no figure); a noun or another number between makes the word another's."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import cues

_YEAR_BEFORE = re.compile(r"(?<!\d)(?:19|20)\d{2}年[底末初]?\s*$")
_WHOLE = 8  # characters of the whole a share is of: 占全国的, 占全市规上工业的
_NOT_IN_A_WHOLE = re.compile(r"[\d\s,，。;；、:：!?！？()（）%]")


def _gap_start(norm: str, at: int, floor: int, glue: tuple[str, ...]) -> int:
    """Where the glue before `at` starts: no-noun words, then 占 and its whole, then no-noun words again."""
    while at > floor and norm[at - 1] == " ":
        at -= 1
    at = strip_words(norm, at, floor, glue)
    year = _YEAR_BEFORE.search(norm, max(floor, at - 8), at)
    if year is not None:  # 大约在2020年就达到了260万吨: a year is no figure, the qualifier is the amount's
        at = strip_words(norm, year.start(), floor, glue)
    share = norm.rfind("占", max(floor, at - _WHOLE - 1), at)
    if share >= 0 and not _NOT_IN_A_WHOLE.search(norm, share + 1, at):
        whole = norm[share + 1 : at]
        if not whole or whole.endswith("的"):  # 约占30%, 约占全国的30%: not 占地面积约…
            at = strip_words(norm, share, floor, glue)
    return at


@lru_cache(maxsize=8)
def _longest_first(words: tuple[str, ...]) -> tuple[str, ...]:
    return tuple(sorted(words, key=len, reverse=True))


def strip_words(norm: str, at: int, floor: int, glue: tuple[str, ...]) -> int:
    moved = True
    while moved:
        moved = False
        for word in glue:  # longest first
            if at - len(word) >= floor and norm.startswith(word, at - len(word)):
                at -= len(word)
                moved = True
                break
    return at


def word_before(norm: str, at: int, floor: int, reference) -> tuple[str, int, int] | None:
    """(qualifier, where its word starts, where the glue after it starts) for a qualifier word before the
    number at `at`, right before it or with glue between; None when there is none."""
    # no-noun glue (为, 有, 达到) and adverbs (已经, 能, 也就: cue_words.csv glue adverb), longest first
    # and a verb of granting (glue grant: 最高奖励100万元, 最高可获得100万元: the bound is the amount's)
    glue = _longest_first(
        reference.words_of("subject", "no_noun")
        + reference.words_of("glue", "adverb")
        + reference.words_of("glue", "grant")
    )
    start = _gap_start(norm, at, floor, glue)
    found = cues.qualifier_before(norm, start, floor, reference)
    return None if found is None else (found[0], found[1], start)


def across_glue(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact":
        return figure
    norm = doc.norm
    found = word_before(norm, figure.at, figure.clause[0], doc.reference)
    if found is None or not norm[found[2] : figure.at].strip():
        return figure  # a word right before the number: extract read it already
    start = found[2]
    figure.qualifier = found[0]
    figure.notes.append(f"qualifier {norm[found[1] : start]} before {norm[start : figure.at].strip()}: {found[0]}")
    return figure
