"""A figure said by someone whose title names a place (“…力争2021年智能家电产业实现产值100亿元。”…柳州市柳江区
工业和信息化局副局长李哲表示) is of the speaker's place, where the figure's own sentence names none: the place
opening the body in the speaker's title (a place, a few characters, a speech word: cue_kind place_frame, code
speaker: 表示, 说, 介绍), in the attribution after its quotation (or before it, 李哲说:“…”), or for a figure
outside quotation marks, in its sentence after the number. So is a figure whose place is the speaker's own
word for it (我市, 我县: 桂林市市长李四说:“去年,我市接待游客1亿人次。” in a text about 柳州)."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import places

GUESSED = ("place from earlier in the paragraph", "place from the paragraphs before", "place not in the sentence")
QUOTE_REACH = 400  # characters from the number back to the quotation's opening mark and on to its close
TITLE_REACH = 16  # characters from the place to the speech word: the body and the speaker's title and name


@lru_cache(maxsize=8)
def _title(words: str) -> re.Pattern:
    return re.compile(rf"[^,。;!?“”\"]{{0,{TITLE_REACH}}}?(?:{words})")


def _speakers_place(doc, start: int, end: int):
    pattern = _title(doc.reference.alternation("place_frame", "speaker"))
    found = places.within(doc.places, (start, end))
    for i, m in enumerate(found):
        if m.name not in places.IMPLIED and m.end > start and pattern.match(doc.norm, m.end, end):
            return _innermost(found, i, doc.reference.place_parents)
    return None


def _innermost(found: list, i: int, parents: dict[str, str]):
    """柳州市柳江区工业和信息化局: a city written right before a place in it says where that place is; the
    title is the last place's of the chain (柳江区), not the city's."""
    while places.qualifies_the_next(found[i], found, parents):
        i += 1
    return found[i]


def _attribution(doc, figure) -> tuple[int, int] | None:
    """Where the speaker of the figure is named: after or before its quotation, or after it in its sentence."""
    norm = doc.norm
    opened = norm.rfind("“", max(0, figure.at - QUOTE_REACH), figure.at)
    if opened < 0 or norm.find("”", opened, figure.at) >= 0:
        return figure.at, figure.sentence[1]  # no quotation: the rest of its sentence
    closed = norm.find("”", figure.at, figure.at + QUOTE_REACH)
    if closed < 0:
        return None
    # the attribution ends with its sentence, its line, or the next quotation (…”\n桂林市市长李四说:“…)
    ends = [at for at in (norm.find(mark, closed + 1) for mark in ("。", "\n", "“")) if at >= 0]
    return closed, min(ends, default=len(norm))


# 我市, 我县, 我区 said in a quotation or by an official: the speaker's own place, not the document's subject
FIRST_PERSON = "place from 我"


def of_the_speaker(figure, doc, earlier):
    if figure.at < 0 or not any(n.startswith(GUESSED + (FIRST_PERSON,)) for n in figure.notes):
        return figure
    span = _attribution(doc, figure)
    if span is None:
        return figure
    mention = _speakers_place(doc, *span)
    if mention is None:
        opened = doc.norm.rfind("“", max(0, figure.at - QUOTE_REACH), figure.at)
        if opened >= 0 and doc.norm.find("”", opened, figure.at) < 0:  # 李哲说:“…”: named before the quotation
            before = doc.sentences[max(0, _sentence_index(doc, opened))]
            mention = _speakers_place(doc, before[0], opened)
    if mention is None or mention.key == figure.place_key:
        return figure
    figure.place, figure.place_key = doc.text.name(mention.start, mention.end), mention.key
    figure.notes = [n for n in figure.notes if not n.startswith(GUESSED + (FIRST_PERSON,))]
    figure.notes.append(f"place from the speaker's title ({figure.place}…): the figure is said by its official")
    return figure


def _sentence_index(doc, at: int) -> int:
    from bisect import bisect_right

    return bisect_right(doc.sentences, (at, len(doc.norm))) - 1
