"""A Simplified, half-width copy of a document's text that remembers where each character came from.

Matching is done on the copy (so 南寧 matches 南宁, ５７ matches 57, and the pinyin that a machine
conversion left in parentheses, 業(yè), does not split a word); what is written into a draft is cut
from the original text through `origin`, so it stays as the document has it.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

from . import layout, markup

# Pinyin in parentheses after a character, left by a machine conversion: 業(yè), 經(jīng)濟(jì).
_PINYIN_NOTE = re.compile(r"\([a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,8}\)")


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config).convert


def _to_simplified():
    return _converter("t2s")


def _same_length(convert, original: str) -> str:
    """`original` converted, one character for one: a phrase converted to another length is converted
    character by character instead, so that positions in the copy map back to the original."""
    converted = convert(original)
    if len(converted) != len(original):
        converted = "".join(c if len(c := convert(ch)) == 1 else ch for ch in original)
    return converted


def _converted(original: str) -> tuple[str, str]:
    """(The Simplified form of a text, the OpenCC configuration that made it). Text in Traditional script
    (more characters that only Traditional writes than ones only Simplified writes) is read with Taiwan's
    variants too: 著 for 着 (著力培育 is 着力培育; 顯著 stays 显著), which t2s keeps, for 著 is a Simplified
    character of its own. A Simplified text's 著 stays 著 (显著)."""
    converted = _same_length(_to_simplified(), original)
    traditional_only = sum(a != b for a, b in zip(original, converted, strict=True))
    if traditional_only == 0:
        return converted, "t2s"
    simplified_only = sum(a != b for a, b in zip(original, _same_length(_converter("s2t"), original), strict=True))
    if traditional_only > simplified_only:
        return _same_length(_converter("tw2s"), original), "tw2s"
    return converted, "t2s"


def simplified(text: str) -> str:
    """Simplified script of a short string (a name, a cue word), same length when OpenCC keeps it."""
    return _to_simplified()(text) if text else text


def plain(text: str) -> str:
    """A written span as the copy reads it (Simplified, half-width, pinyin notes and line layout dropped): to
    look a subject the draft keeps verbatim (發動(dòng)機) up in the reference, or to measure it, as its
    Simplified twin."""
    return read(text, layout_of=layout.in_a_span).norm if text else text


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
    config: str = "t2s"  # how it was converted: a span of it is read the same way (reading)
    wraps: frozenset[int] = frozenset()  # in original: the soft wraps and \r that layout.py reads as nothing

    def length(self, start: int, end: int) -> int:
        """The length of norm[start:end] as read: its layout (a PDF's wrap, an indent), pinyin notes and tags
        not counted, so a span is chosen as in the same text laid out otherwise or in its Simplified twin
        (rules/evidence_limit.py cuts one that the contract's limit as written refuses)."""
        return max(end - start, 0)

    def exact(self, start: int, end: int) -> str:
        """The original text behind norm[start:end], layout and notes and all: an evidence, a span of the text."""
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

    def name(self, start: int, end: int) -> str:
        """The original characters behind norm[start:end], without the pinyin notes among them: a name that
        the warehouse resolves by its spelling (南寧(níng)市 is 南寧市), where evidence keeps them verbatim."""
        return "".join(self.original[self.origin[k]] for k in range(start, end))

    def reading(self, span: str) -> Text:
        """A span of the original (an evidence) read as the whole text was: its own copy and origin, so a
        rule matches words on the copy and cuts the span where they end (著力培育(yù)先進 → 先進)."""
        return _read_span(span, self.config)

    def original_start(self, start: int) -> int:
        return self.origin[start]


def read(original: str, config: str | None = None, layout_of=layout.dropped) -> Text:
    """The copy of `original`; `config` (t2s, tw2s) converts a span as its document was converted, and
    `layout_of` finds what of it is layout (a span's own, layout.in_a_span, has no lines to measure). The
    pinyin notes are left out before converting, so a phrase they split converts as one (藉(jiè)助 is 借助)."""
    dropped = [False] * len(original)
    no_text = layout_of(original)
    for i in no_text:  # a soft wrap, an indent, a \r: no text (layout.py)
        dropped[i] = True
    wraps = frozenset(i for i in no_text if original[i] in "\r\n")
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
    kept = [i for i, gone in enumerate(dropped) if not gone]
    bare = "".join(original[i] for i in kept)
    converted, config = _converted(bare) if config is None else (_same_length(_converter(config), bare), config)
    chars, origin = [], []
    tag_break = False  # the last character is a line break a tag made: a line break after it adds none
    for i, ch in zip(kept, converted):
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
    return Text(original, "".join(chars), tuple(origin), config, wraps)


@lru_cache(maxsize=4096)
def _read_span(span: str, config: str) -> Text:
    # a span is read again by several rules (its lead, its uniqueness); it lies on one line of the copy, so
    # every line end in it is a wrap (layout.in_a_span)
    return read(span, config, layout.in_a_span)
