"""The evidence of a figure: the shortest verbatim span of the document, of at most 40 characters,
that holds the number as written with its unit and the words that say what it is (its cue word and
qualifier, where they fit), grown until it occurs once in the document where 40 characters allow."""

from __future__ import annotations

import re

from ..load.numbers import value_in_evidence
from . import layout
from .script import Text

LIMIT = 40
_STOP = ",;:。!?\n"  # the span grows within its clause
_CLOSING = "”’」』)]】"


def _length(text: Text, start: int, end: int) -> int:
    """A span's length as read (its copy's: Text.length), so that a span is chosen as in the same text laid out
    otherwise or in its Simplified twin though a PDF's wraps or pinyin notes (業(yè)) make it longer as written;
    rules/evidence_limit.py then cuts one the contract's limit refuses."""
    return text.length(start, end)


def written_length(text: Text, start: int, end: int) -> int:
    return text.origin[end - 1] + 1 - text.origin[start]


def read_length(text: Text, span: str) -> int:
    """The length of a span of the document as its copy reads it (pinyin notes and line layout left out)."""
    return len(text.reading(span).norm)


def span_start(text: Text, figure) -> int | None:
    """Where a figure's evidence starts in the original text, when it starts at or before the figure's number
    and runs on past it; None when a rule has rewritten it away from the number, or the figure has no number in
    the copy (figure.at < 0)."""
    if figure.at < 0:
        return None
    span = figure.evidence
    begin = text.original.rfind(span, 0, figure.number_start + len(span))
    return begin if 0 <= begin <= figure.number_start else None


def evidence(
    text: Text, number_start: int, end: int, context_starts: list[int], line: tuple[int, int], clause: tuple[int, int]
) -> str:
    """The figure's whole clause when it fits in LIMIT original characters on the number's line and
    occurs once (what reviewers keep: 研发投入同比增长4.2%, not 增长4.2%); else from the earliest of
    context_starts that keeps the span within LIMIT, to `end` or on to the clause's end where that fits (not
    past a bracket or a 的: 8个产业产值超1000亿元); the number and its unit alone when none fits."""
    # the list is judged on the whole clause: a line break inside it (a PDF's wrapped line) must not
    # hide the other items' numbers (木材加工及木制品业(20.13%)、非金属矿物\n制品业(15.28%): one item each)
    whole = _clause_on_line(text.norm, _own_item(text.norm, clause, number_start, end), line)
    if whole[0] <= number_start and end <= whole[1] and _length(text, *whole) <= LIMIT:
        span = text.exact(*whole).strip()
        if not occurs_more_than_once(text, span):
            return span
    start = number_start
    for candidate in sorted(s for s in context_starts if line[0] <= s < number_start):
        if _length(text, candidate, end) <= LIMIT:
            start = candidate
            break
    while end > number_start + 1 and _length(text, start, end) > LIMIT:
        end -= 1  # a cue after the number that does not fit: keep the number and what fits
    rest = text.norm[end : whole[1]]
    if end < whole[1] <= line[1] and _length(text, start, whole[1]) <= LIMIT and not any(c in rest for c in "()的"):
        end = whole[1]  # the span from its cue word runs on to its clause's end where that fits
    end = _closing_bracket(text, start, end)
    start, end = _unique(text, start, end, line)
    return text.exact(start, end).strip()


def _closing_bracket(text: Text, start: int, end: int) -> int:
    """A number in brackets (经费投入强度(0.84%)): the span closes the bracket it opens."""
    norm = text.norm
    opened = norm.count("(", start, end) > norm.count(")", start, end)
    if opened and end < len(norm) and norm[end] == ")" and _length(text, start, end + 1) <= LIMIT:
        return end + 1
    return end


def _clause_on_line(norm: str, clause: tuple[int, int], line: tuple[int, int]) -> tuple[int, int]:
    start, end = max(clause[0], line[0]), min(clause[1], line[1])
    while start < end and (norm[start].isspace() or norm[start] in _CLOSING):
        start += 1  # a quote or bracket closed after the last punctuation ends the clause before: ”从2020年…
    while end > start and (norm[end - 1].isspace() or _footnote_mark(norm, end - 1)):
        end -= 1
    return start, end


_SUPERSCRIPT_DIGITS = "⁰¹²³⁴⁵⁶⁷⁸⁹"


def _footnote_mark(norm: str, at: int) -> bool:
    """A superscript digit that closes a clause (排名第28位⁵。) marks a note: not the figure's words.
    After a Latin letter it is a unit's power (万m²) and stays."""
    return norm[at] in _SUPERSCRIPT_DIGITS and at > 0 and not (norm[at - 1].isascii() and norm[at - 1].isalpha())


# a joiner after the figure's number that opens the next list, not the next listed value (185万台套和1780万件)
_NEXT_LIST = re.compile(r"[和及与]\s*(?![\d一二三四五六七八九十两百千万])")


def _own_item(norm: str, clause: tuple[int, int], number_start: int, end: int) -> tuple[int, int]:
    """The item of a 、 list in the clause that holds the figure, when another item holds a number too
    (6条铁路干线、8条高速公路: one figure each); the clause otherwise."""
    items, at = [], clause[0]
    for k in range(clause[0], clause[1]):
        if norm[k] == "、":
            items.append((at, k))
            at = k + 1
    items.append((at, clause[1]))
    own = [item for item in items if item[0] <= number_start < item[1]]
    # its own item holds a number though written in Chinese (超百亿元); the others' numbers are in digits
    numbered = [item for item in items if item in own or any(ch.isdigit() for ch in norm[item[0] : item[1]])]
    if len(numbered) > 1 and own and end <= own[0][1]:
        # 食品3个三千亿和石化、…、电力3个两千亿产业: a joiner right after the unit opens the next list
        joiner = _NEXT_LIST.search(norm, end, own[0][1])
        return (own[0][0], joiner.start()) if joiner else own[0]
    return clause


def _unique(text: Text, start: int, end: int, line: tuple[int, int]) -> tuple[int, int]:
    """Grow the span by one character at a time, to the right first, within its clause and LIMIT,
    until the document holds it once (6条 twice in a text; 6条铁路 once)."""
    norm = text.norm
    while _twice(norm, norm[start:end]):
        if end < line[1] and norm[end] not in _STOP and _length(text, start, end + 1) <= LIMIT:
            end += 1
        elif start > line[0] and norm[start - 1] not in _STOP and _length(text, start - 1, end) <= LIMIT:
            start -= 1
        else:
            break
    return _with_the_clause_before(text, start, end, line)


def _with_the_clause_before(text: Text, start: int, end: int, line: tuple[int, int]) -> tuple[int, int]:
    """A whole clause the document holds twice (排全区第一): the span takes in the clause before it in
    its sentence, where both fit in LIMIT and hold once (占全区的23.4%,排全区第一)."""
    norm = text.norm
    if start <= line[0] or norm[start - 1] not in ",;" or not _twice(norm, norm[start:end]):
        return start, end
    before = start - 1
    while before > line[0] and norm[before - 1] not in _STOP:
        before -= 1
    while before < start and norm[before].isspace():
        before += 1
    if _length(text, before, end) <= LIMIT and not _twice(norm, norm[before:end]):
        return before, end
    return start, end


_INDEX: dict[str, dict[str, list[int]]] = {}
_FLAT: dict[str, str] = {}


def occurs_more_than_once(text: Text, span: str) -> bool:
    """A span of the document, as written, that the document holds more than once, judged on its copy: the
    pinyin notes a machine conversion leaves unevenly (產業(yè) here, 產業 there) do not make one reading of
    the same words unique, so a span is unique as its Simplified twin's is."""
    return _twice(text.norm, text.reading(span).norm)


def _twice(document: str, span: str) -> bool:
    """document.count(span) > 1, without reading the whole document for every span (that made suggest
    quadratic: minutes for 1 MB): a span is looked for only where its rarest pair of characters is."""
    key = document
    if document not in _INDEX:  # one document at a time
        _INDEX.clear()
        _FLAT.clear()
        _FLAT[key] = flat = layout.flattened(document)
        index: dict[str, list[int]] = {}
        for at in range(len(flat) - 1):
            index.setdefault(flat[at : at + 2], []).append(at)
        _INDEX[document] = index
    # the same words wrapped at another place are the same span: compared with the lines' layout gone
    document, span = _FLAT[key], layout.flattened(span)
    if len(span) < 2:
        return document.count(span) > 1
    index = _INDEX[key]
    offset, places = min(
        ((k, index.get(span[k : k + 2], [])) for k in range(len(span) - 1)), key=lambda found: len(found[1])
    )
    found = 0
    for at in places:
        if at >= offset and document.startswith(span, at - offset):
            found += 1
            if found > 1:
                return True
    return False


def holds(value, span: str) -> bool:
    return value_in_evidence(value, span)
