"""A heading or a paragraph's first sentence that names an industry and holds no number (一、铝产业, (二)汽车产业
加快发展。, 一是铝产业提质增效。) opens the talk about that industry, as 在新能源工程机械上, does (topic_frame.py,
from the analysts' rows of seed 003): the figures after it that name no cluster of their own take it, as
written, through the heading's section (to the next heading; a line of no numbering, the paragraph after it)
or the sentence's paragraph. The heading's or
sentence's words open with the industry's name (after its numbering: 一、, (二), 1., 一是, ——) and are short: a
longer sentence says something of its own. A figure of the whole economy or industry (全市规上工业增加值, 地区
生产总值: whole_economy.py) takes no industry, and a cluster another rule took off on purpose stays off."""

from __future__ import annotations

import re
from bisect import bisect_right

from ..places import within
from .cluster_continued import _took
from .whole_economy import of_the_whole

SHORT = 16  # characters a topic's words may hold after its numbering (智能终端及机器人产业加快发展)
_NUMBERING = re.compile(
    r"\s*(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+[.、]|[一二三四五六七八九十]是|——)?\s*"
)
_HEADING_SHAPED = re.compile(r"\s*(?:[一二三四五六七八九十]+、|\([一二三四五六七八九十\d]+\)|\d+[.、])")
_NO_TOPIC = re.compile(r"[\d,;、!?]")
_END = re.compile(r"[。:]?\s*$")


def _topics(doc) -> tuple[list[int], list[tuple[int, tuple[int, int]]]]:
    """(where each topic's words end, (where its reach ends, where the industry's name is written))."""
    norm, found = doc.norm, []
    headings = [lo for lo, _ in doc.paragraphs if _HEADING_SHAPED.match(norm, lo)]
    for p_lo, p_hi in doc.paragraphs:
        line_end = norm.find("\n", p_lo, p_hi)
        line_end = p_hi if line_end < 0 else line_end
        sentence_end = norm.find("。", p_lo, line_end)
        # a line that is all the topic's words (一、铝产业; 汽车产业加快发展。 alone): a heading, its reach the section
        heading = sentence_end < 0 or not norm[sentence_end + 1 : line_end].strip()
        words_end = line_end if sentence_end < 0 else sentence_end + 1
        numbering = _NUMBERING.match(norm, p_lo, words_end)
        words = norm[numbering.end() : words_end]
        if not words or len(_END.sub("", words)) > SHORT or _NO_TOPIC.search(words):
            continue
        named = within(doc.clusters, (numbering.end(), numbering.end() + 1))
        if not named:
            continue
        if not heading:
            reach = p_hi
        elif numbering.group().strip():
            reach = _section_end(doc, headings, p_hi - 1)
        else:  # 汽车产业加快发展。 alone on its line, no numbering: the paragraph after it
            reach = _next_paragraph_end(doc, p_hi)
        found.append((words_end, (reach, (named[0].start, named[0].end))))
    return [at for at, _ in found], [topic for _, topic in found]


def _next_paragraph_end(doc, after: int) -> int:
    index = bisect_right(doc.paragraphs, after, key=lambda p: p[0])
    return doc.paragraphs[index][1] if index < len(doc.paragraphs) else len(doc.norm)


def _section_end(doc, headings: list[int], after: int) -> int:
    """Where the next heading starts (a paragraph opening with a section's numbering: 二、, (三), 2.), by bisection."""
    index = bisect_right(headings, after)
    return headings[index] if index < len(headings) else len(doc.norm)


def of_the_heading(figure, doc, earlier):
    if figure.cluster or figure.at < 0 or any(_took(n) for n in figure.notes):
        return figure
    ends, topics = doc.once(("heading_topic", "topics"), _topics)
    i = bisect_right(ends, figure.at) - 1
    if i < 0 or figure.at >= topics[i][0] or of_the_whole(figure, doc):
        return figure
    figure.cluster = doc.text.name(*topics[i][1])
    figure.notes.append(f"cluster {figure.cluster}: the industry its heading or paragraph opens with")
    return figure
