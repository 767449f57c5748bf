"""A Simplified, half-width copy of a document's text that remembers where each character came from.

Matching is done on the copy (so 南寧 matches 南宁, ５７ matches 57, and the pinyin that a machine
conversion left in parentheses, 業(yè), does not split a word); what is written into a draft is cut
from the original text through `origin`, so it stays as the document has it.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from . import layout, markup

# Pinyin in parentheses after a character, left by a machine conversion: 業(yè), 經(jīng)濟(jì).
_PINYIN_NOTE = re.compile(r"\([a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,8}\)")


@lru_cache(maxsize=1)
def _to_simplified():
    import opencc

    return opencc.OpenCC("t2s").convert


def simplified(text: str) -> str:
    """Simplified script of a short string (a name, a cue word), same length when OpenCC keeps it."""
    return _to_simplified()(text) if text else text


def half_width(ch: str) -> str:
    # Only full-width forms and the ideographic space: NFKC would also turn footnote marks ⁴ into digits.
    if "\uff01" <= ch <= "\uff5e" or ch == "\u3000":
        return unicodedata.normalize("NFKC", ch)
    return ch


@dataclass(frozen=True)
class Text:
    original: str
    norm: str  # Simplified, half-width, pinyin notes dropped
    origin: tuple[int, ...]  # origin[i]: index in original of norm[i]; origin[len(norm)] = len(original)
    wraps: frozenset[int] = frozenset()  # in original: the soft wraps and \r that layout.py reads as nothing
    layout: tuple[int, ...] = ()  # in original, in order: every character layout.py reads as nothing

    def length(self, start: int, end: int) -> int:
        """How many characters of the original norm[start:end] spans, its layout not counted: a span's
        length does not change with where a PDF wrapped its lines."""
        if end <= start:
            return 0
        lo, hi = self.origin[start], self.origin[end - 1] + 1
        return hi - lo - (bisect_left(self.layout, hi) - bisect_left(self.layout, lo))

    def exact(self, start: int, end: int) -> str:
        """The original text behind norm[start:end], layout and all: an evidence, a span of the text."""
        return self.original[self.origin[start] : self.origin[end - 1] + 1] if end > start else ""

    def span(self, start: int, end: int) -> str:
        """The original text behind norm[start:end] without the line breaks of its layout: a name as
        written (柳州市, not 柳州\n市 where a PDF's line wrapped)."""
        if end <= start:
            return ""
        lo, hi = self.origin[start], self.origin[end - 1] + 1
        piece = self.original[lo:hi]
        if not self.wraps or ("\n" not in piece and "\r" not in piece):
            return piece
        return "".join(ch for i, ch in enumerate(piece, lo) if i not in self.wraps)

    def original_start(self, start: int) -> int:
        return self.origin[start]


def read(original: str) -> Text:
    converted = _to_simplified()(original)
    if len(converted) != len(original):  # a phrase converted to a different length: convert char by char
        convert = _to_simplified()
        converted = "".join(c if len(c := convert(ch)) == 1 else ch for ch in original)
    dropped = [False] * len(original)
    gone = layout.dropped(original)
    for i in gone:  # a soft wrap, an indent, a \r: no text (layout.py)
        dropped[i] = True
    wraps = frozenset(i for i in gone if original[i] in "\r\n")
    # pinyin notes are found with the layout gone and in half-width forms: (jì\nn), （ｙè）
    kept = [i for i in range(len(original)) if not dropped[i]]
    view = "".join(half_width(original[i]) for i in kept)
    for match in _PINYIN_NOTE.finditer(view):
        if match.start() > 0 and "\u4e00" <= view[match.start() - 1] <= "\u9fff":
            for i in range(kept[match.start()], kept[match.end() - 1] + 1):
                dropped[i] = True
    reads_as: dict[int, str] = {}  # HTML tags and entities: what each reads as, at its first character
    for start, end, replacement in markup.edits(original):
        reads_as[start] = replacement
        for i in range(start + 1, end):
            dropped[i] = True
    chars, origin = [], []
    tag_break = False  # the last character is a line break a tag made: a line break after it adds none
    for i, ch in enumerate(converted):
        if dropped[i]:
            continue
        if i in reads_as:
            ch = reads_as[i]
            if ch == markup.BLANK_LINE:  # an empty paragraph: one blank line, never more
                if not chars or "".join(chars[-2:]) == "\n\n":
                    continue
                ch = markup.BREAK
            elif not ch or ((not chars or chars[-1] == "\n") and (ch == markup.BREAK or ch.isspace())):
                continue  # &nbsp;&nbsp; indenting a line is no text; a tag's break after a line's end adds none
        elif ch == "\n" and tag_break:
            tag_break = False
            continue
        tag_break = i in reads_as and ch == markup.BREAK
        chars.append(half_width(ch))
        origin.append(i)
    origin.append(len(original))
    return Text(original, "".join(chars), tuple(origin), wraps, tuple(sorted(gone)))
