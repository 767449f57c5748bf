"""A qualifier said once before a list of named items is said of every item's value: 产能约有A厂300万吨、B厂200万吨,
产能约为氧化铝260万吨、电解铝50万吨, 产能大概如下:华银200万吨,信发260万吨, 电解铝产能(约):百色150万吨 are all
about (raw/README.md, qualifier: 约 → about), as 分别约为100万吨、200万吨 is (listed_qualifier.py, values with no
names between). The qualifier word (cue_words.csv qualifier before_number) stands before the first item's name
with glue after it (subject no_noun: 有, 为, 是) or a colon, a list's lead word (list lead: 如下) allowed between
(an about word of two characters or more, 大约 or 估计, needs neither: 大约平果260万吨, 估计平果有260万吨);
a qualifier written in brackets before a colon is the header's. An item's name is a few characters of no number
or punctuation (约有两成企业增长15% has a numeral: no item's name). A later value takes the
qualifier when only a separator (、 , ; a line break) and its own item's name stand after the value before it;
a value with a qualifier word of its own keeps that."""

from __future__ import annotations

import re
from bisect import bisect_right

from .. import cues
from ..script import simplified
from .qualifier_gap import strip_words

ITEM = 8  # the longest item name: 田东锦鑫, 铝加工, A厂
# no digit, numeral or punctuation: 约有两成企业增长15% is no item's name (百色, 万华 are: no 百 or 万 left out)
_NAME = re.compile(r"[^\d\s,;:。!?、()%零〇一二两三四五六七八九十]*")
_COLON = ":"  # the copy writes full-width punctuation half-width
MARK = "the qualifier said before the first item"
_DIGIT = re.compile(r"\d")
_REACH = ITEM + 16  # the item's name, a colon, a lead word, glue and the qualifier word itself


def _floor(doc, figure) -> int:
    """The figure's sentence, and the lead before it when the lead holds no number and ends in a colon or a line
    break (a header: 产能大概如下: / 两地的产能(约)\n平果 260万吨 / 产能大约是\n平果260万吨)."""
    start = figure.sentence[0]
    norm = doc.norm
    before = norm[:start].rstrip(" ")
    if not before.endswith((_COLON, "\n")):
        return start
    index = bisect_right(doc.sentences, len(before.rstrip()) - 1, key=lambda s: s[0]) - 1
    lead = doc.sentences[max(0, index)][0]
    return start if _DIGIT.search(norm, lead, start) else lead


def _said_before(doc, at: int, floor: int) -> tuple[str, int] | None:
    """(qualifier, where its word starts) for a qualifier said before an item's name that ends at `at`."""
    norm, reference = doc.norm, doc.reference
    while at > floor and norm[at - 1] in " \n":
        at -= 1
    if at > floor and norm[at - 1] == _COLON:  # 百色:150万吨, an item named before a colon
        at -= 1
    words = doc.once(
        ("qualifier_over_items", "words"),
        lambda d: re.compile(d.reference.alternation("qualifier", None, "before_number")),
    )
    if not words.search(norm, max(floor, at - _REACH), at):
        return None  # no qualifier word within reach: most numbers (the check below tries each item length)
    glue = reference.words_of("subject", "no_noun")
    # 如下 (list lead), 分别 (respectively) may stand between the qualifier's glue and the list: 大约分别是
    leads = reference.words_of("list", "lead", "before_items") + reference.words_of("list", "respectively")
    for length in range(ITEM + 1):
        start = at - length
        if start < floor or not _NAME.fullmatch(norm, start, at):
            break
        head = start
        while head > floor and norm[head - 1] in " \n":
            head -= 1
        colon = head > floor and norm[head - 1] == _COLON
        if colon:
            head -= 1
            while head > floor and norm[head - 1] == " ":
                head -= 1
        if head > floor and norm[head - 1] == ")":  # (约):
            said = cues.qualifier_before(norm, head - 1, floor, reference)
            if said is not None and said[1] > floor and norm[said[1] - 1] == "(":
                return said
            continue
        lead = next((w for w in leads if norm.endswith(w, floor, head)), "")
        glued = strip_words(norm, head - len(lead), floor, glue)
        said = cues.qualifier_before(norm, glued, floor, reference)
        if said is None:
            continue
        # 近年来, 超大型: a qualifier's character opening a word, no glue or colon after it; an about word of
        # two characters or more (大约, 估计) needs neither: 大约平果260万吨, 估计平果有260万吨
        if colon or glued < head or (said[0] == "about" and glued - said[1] >= 2):
            return said
    return None


def said_before_the_first_item(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact":
        return figure
    said = _said_before(doc, figure.at, _floor(doc, figure))
    if said is None:
        return figure
    figure.qualifier = said[0]
    head = " ".join(doc.norm[said[1] : figure.at].split())
    figure.notes.append(f"qualifier {head} before its item: {said[0]}, {MARK}")
    return figure


_SEPARATOR = re.compile(r"\s*[、,;\n]\s*")


def like_the_item_before(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact" or not earlier:
        return figure
    before = earlier[-1]
    if before.unit_end < 0 or before.unit_end > figure.at:
        return figure  # (the separator and a name are all that may stand between: the list's next line too)
    if not any(n.endswith(MARK) for n in before.notes):
        return figure
    units = doc.reference.units
    if not units.get(simplified(before.unit), set()) & units.get(simplified(figure.unit), set()):
        return figure
    norm = doc.norm
    separator = _SEPARATOR.match(norm, before.unit_end, figure.at)
    if separator is None:
        return figure
    name = _NAME.match(norm, separator.end(), figure.at)
    rest = norm[name.end() : figure.at].strip()
    if name.end() - separator.end() > ITEM or rest not in ("", _COLON):
        return figure
    figure.qualifier = before.qualifier
    figure.notes.append(f"listed after {before.value}{before.unit}: {before.qualifier}, {MARK}")
    return figure
