"""HTML left in a copied page (a broken fragment: <p class=…>, <br>, &nbsp;, a tag cut by a line break or by
the end of the excerpt) is no text: the copy reads a tag as nothing, or as a line break where it breaks a
line (<br>, </p>), and an entity as the character it stands for. Python's html module unescapes entities."""

from __future__ import annotations

import html
import re
from bisect import bisect_right

# A tag: < and a letter (a < before a digit or a space is a comparison: <5%), cut at the text's end too.
_TAG = re.compile(r"<!--.*?(?:-->|$)|<(/?)([a-zA-Z][a-zA-Z0-9]*)\b[^<>]{0,500}?(?:>|$)", re.DOTALL)
_ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,9});")
# Tags that end a line as a browser shows them.
BREAKS = frozenset({"br", "p", "div", "li", "tr", "table", "ul", "ol", "h1", "h2", "h3", "h4", "h5", "h6", "section"})
BREAK = "\n"
BLANK_LINE = "\n\n"  # what the end of an empty paragraph (<p></p>, <p>&nbsp;</p>) reads as: a blank line
_EMPTY = re.compile(r"<(p|div)\b[^<>]{0,500}>(?:\s|&nbsp;|&#160;)*+</(?:p|div)\s*>", re.IGNORECASE)
_SPACES = {"\xa0": " ", "\u2002": " ", "\u2003": " ", "\u2009": " "}


def edits(original: str) -> list[tuple[int, int, str]]:
    """(start, end, what it reads as) of each tag and entity: "" (nothing), BREAK, BLANK_LINE, or one
    character."""
    if "<" not in original and "&" not in original:
        return []
    empty_ends = {match.end() for match in _EMPTY.finditer(original)}
    found = []
    for match in _TAG.finditer(original):
        name = (match.group(2) or "").lower()
        if match.end() in empty_ends:
            found.append((match.start(), match.end(), BLANK_LINE))
        else:
            found.append((match.start(), match.end(), BREAK if name in BREAKS else ""))
    starts = [start for start, _, _ in found]
    for match in _ENTITY.finditer(original):
        index = bisect_right(starts, match.start()) - 1
        if index >= 0 and match.start() < found[index][1]:
            continue  # an entity inside a tag's attributes goes with the tag
        char = html.unescape(match.group())
        if len(char) == 1 and char != match.group():
            found.append((match.start(), match.end(), _SPACES.get(char, char)))
    return sorted(found)
