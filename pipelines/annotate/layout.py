"""What of a document's layout is no text: the copy (script.read) reads these characters as nothing, as
markup.py reads a tag, so a figure reads the same however the text was laid out.

- the \\r of a Windows line end;
- the indent of a line (spaces, full-width spaces, tabs at its start);
- a space between a Chinese character and a digit or Latin letter (2021 年, 增长 5.2%): a typesetting
  habit, no word boundary;
- a soft wrap: the line break after a full line of a text hard-wrapped at a fixed width (a PDF's or an
  e-paper's column), which may fall inside a word, a number or a unit (1250.\\n3亿元). A text is hard-wrapped
  when most of its lines end at one width and almost none runs past it; a line that reaches the width
  goes on in the next line unless that one is blank or indented (a new paragraph).
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter

_INDENT = " \t\u3000\xa0"
_CLAUSE_MARKS = ",，。;；"
MIN_WIDTH = 12  # characters: a column narrower than this is a table's, not a text's
MAX_WIDTH = 50  # characters (a page's column; twice in columns): a longer line is a paragraph of its own
MID_SENTENCE_SHARE = 0.5  # of the full lines end inside a clause where a wrap cut them; paragraphs end at 。
_ENDS = "。!?;:,、”)！？；：，）"
FULL_SHARE = 0.3  # of the non-blank lines end at the width in a hard-wrapped text
LONGER_SHARE = 0.05  # at most this share runs past it


# A pinyin note after a character (業(yè)): a typesetting space after it is after that character (台(tái) 10).
_NOTE = re.compile(r"(?<=[\u4e00-\u9fff])[(（][a-zA-Züāáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜńňǹḿ]{1,8}[)）]")


def _notes_ending(text: str) -> dict[int, int]:
    """Where each pinyin note of `text` starts, by where it ends."""
    return {m.end(): m.start() for m in _NOTE.finditer(text)} if "(" in text or "（" in text else {}


def _cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _ascii_word(ch: str) -> bool:
    return ch.isascii() and ch.isalnum() or "\uff10" <= ch <= "\uff19" or "\uff21" <= ch <= "\uff5a"


def _columns(line: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in line)


def _wrap_width(lines: list[str], measure) -> int | None:
    """The width the text is hard-wrapped at by `measure`, or None."""
    lengths = [measure(line) for line in lines if line.strip()]
    if len(lengths) < 4:
        return None
    counts = Counter(lengths)
    width = max((n for n, c in counts.items() if c >= 3), default=0)
    slack = 1 if measure is len else 2  # a wide character that does not fit leaves a column
    if not MIN_WIDTH * slack <= width <= MAX_WIDTH * slack:
        return None
    full_lines = [line for line in lines if line.strip() and width - slack <= measure(line) <= width]
    cut = sum(1 for line in full_lines if line.rstrip()[-1] not in _ENDS)
    if cut < MID_SENTENCE_SHARE * len(full_lines):
        return None  # lines of one length that end their sentences: a repeated form, not a wrapped text
    full = len(full_lines)
    longer = sum(1 for n in lengths if n > width)
    if full < FULL_SHARE * len(lengths) or longer > LONGER_SHARE * len(lengths):
        return None
    return width


def _a_space_cut(line: str) -> bool:
    """A line that starts with the one space a wrap fell on (2021\n 年): no indent, which is wider."""
    return line[0] == " " and line[1:2] not in _INDENT


def _cells(line: str) -> bool:
    """A line of a table's cells set apart by spaces (指标 本月(%) 累计(%), 城市 0.2 0.2): three or more words, no
    clause mark, and a space between two Chinese characters or two numbers, where typesetting puts none (its
    spaces fall between Chinese and a digit or Latin letter: 上市 200 天). Rows of one table are often of one
    length, as a hard-wrapped text's lines are, but a row ends where its line does."""
    text = line.strip(_INDENT + "\r")
    if len(text.split()) < 3 or any(mark in text for mark in _CLAUSE_MARKS):
        return False
    return any(
        ch.isspace()
        and ((_cjk(text[i - 1]) and _cjk(text[i + 1])) or (text[i - 1].isdigit() and text[i + 1].isdigit()))
        for i, ch in enumerate(text[1:-1], start=1)
    )


def soft_wraps(text: str) -> list[int]:
    """Positions of the line breaks that only wrap a line (in a text with \\n line ends)."""
    lines = text.split("\n")
    widths = [(m, w) for m in (len, _columns) if (w := _wrap_width([line.rstrip("\r") for line in lines], m))]
    if not widths:
        return []
    found, at = [], 0
    for line, after in zip(lines, lines[1:], strict=False):
        at += len(line)
        body = line.rstrip("\r")
        full = any(measure(body) >= width - (1 if measure is len else 2) for measure, width in widths)
        if full and after.strip() and not _cells(body) and (after[0] not in _INDENT or _a_space_cut(after)):
            found.append(at)
        at += 1
    return found


def _spaced_prose(text: str, start: int) -> bool:
    """The line starting at `start` is prose spaced by typesetting (2021 年全市增长 5.2%): a clause mark, no space
    between two Chinese characters or two digits, no run of spaces; a line of fields (阅读 3.2万 评论 128,
    来源: 某某日报 2021-07-24 08:15) or a table's row (南宁 12.5 13.6) keeps its spaces."""
    end = text.find("\n", start)
    line = _NOTE.sub("", text[start : end if end >= 0 else len(text)]).strip(_INDENT + "\r")
    if " " not in line:
        return True
    if "  " in line or not any(mark in line for mark in _CLAUSE_MARKS):
        return False  # no clause mark: a heading or a table's header (指标 2019年 2020年) keeps its spaces
    for i, ch in enumerate(line):
        if ch == " ":
            before, after = line[i - 1], line[i + 1]
            between_words = _cjk(before) or _cjk(after) or (before.isalpha() and after.isalpha())
            if (_cjk(before) and _cjk(after)) or (before.isdigit() and after.isdigit()) or not between_words:
                return False
    return True


def dropped(text: str) -> set[int]:
    """Positions of the layout characters that read as nothing."""
    gone: set[int] = set(soft_wraps(text))
    notes = _notes_ending(text)
    line_start, prose = True, _spaced_prose(text, 0)
    for i, ch in enumerate(text):
        if ch == "\r" and text[i + 1 : i + 2] == "\n":
            gone.add(i)
        elif ch == "\n":
            line_start = i not in gone
            prose = _spaced_prose(text, i + 1)
            continue
        elif line_start and ch in _INDENT:
            gone.add(i)
            continue
        elif ch == " " and 0 < i < len(text) - 1:
            before, after = text[notes.get(i, i) - 1], text[i + 1]
            if before == "\n" and i - 1 in gone and i > 1:  # the neighbours across a soft wrap
                before = text[i - 2 - (text[i - 2] == "\r")]
            if after in "\r\n" and (i + 1 in gone or i + 2 in gone) and i + 3 < len(text):
                after = text[i + 2 + (after == "\r")]
            if ((_cjk(before) and _ascii_word(after)) or (_ascii_word(before) and _cjk(after))) and prose:
                gone.add(i)
        line_start = False
    return gone


# What of a span of one line of the copy (an evidence) is layout: a line end and the indent after it (the
# span lies on one line, so any line end in it is a wrap), a full-width space, a space typeset between
# Chinese and a digit or Latin letter.
_SPAN_LAYOUT = re.compile(
    r"\r|\n[ \t\u3000]*|\u3000|(?<=[\u4e00-\u9fff]) (?=[0-9A-Za-z])|(?<=[0-9A-Za-z]) (?=[\u4e00-\u9fff])"
)


def in_a_span(span: str) -> set[int]:
    """Positions of the layout characters of a span read on its own (no lines to measure a wrap by); a
    typesetting space after a pinyin note is after the character the note reads (台(tái) 10)."""
    found = {i for match in _SPAN_LAYOUT.finditer(span) for i in range(*match.span())}
    for end, start in _notes_ending(span).items():
        if span[end : end + 1] == " " and end + 1 < len(span) and _ascii_word(span[end + 1]) and _cjk(span[start - 1]):
            found.add(end)
    return found


def flattened(text: str) -> str:
    """`text` with what in_a_span reads as layout left out: two readings of the same words compared."""
    return _SPAN_LAYOUT.sub("", text)
