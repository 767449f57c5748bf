"""What is to come is a target (raw/README.md, status), though no word of a plan stands before it: an outlook
is said by grammar more often than by one word. Three shapes (cue_kind outlook):
- a modal right before a verb of reaching, in the figure's clause: 年产值可达15亿元, 可实现年产值50亿元,
  可新增就业岗位800个 (可 + 达: a word list of 可达, 可实现 … would miss every pair it does not name);
- an event with 后 earlier in the sentence: 项目建成后, 全部投产后, 达产达效后, 年产值20亿元;
- a condition earlier in the sentence: 若保持这个速度, 三年可翻一番, 达到300亿元.
A word of what is done after the cue (建成后已入驻企业30家) keeps the actual, and so does a time of the
figure's own after an event or a condition (投产后运行良好,今年1-6月实现产值3亿元); a time that has ended
before the cue (去年投产后…) is past_year.py's to read back. A target's year is what its sentence says, or nothing
(DESIGN.md): the year inferred for the actual is taken off."""

from __future__ import annotations

import re

from . import sub_year
from .mentions import starting_in
from .restatus import restate

NOTE = "{} before it: what is to come, a target"
EVENT_GAP = 4  # characters an event may stand before its 后: 建成投产后, 达产达效后
REACH = 120  # characters before the number an event or a condition is looked for in: no sentence is read whole


def _modal_verb(reference) -> re.Pattern:
    modals = "|".join(c.regex for c in reference.cue_words if c.kind == "outlook" and c.code == "modal")
    verbs = reference.alternation("outlook", "verb")
    return re.compile(f"(?:{modals or '(?!)'})(?:{verbs})")


def _event(reference) -> re.Pattern:
    events = reference.alternation("outlook", "event")
    return re.compile(f"(?:{events})[\u4e00-\u9fff]{{0,{EVENT_GAP}}}?后")


def _dated(doc, start: int, end: int) -> bool:
    """A year or months stand between the event and the number: the figure has a time of its own."""
    return bool(starting_in(doc.years, start, end) or sub_year.spans(doc.norm, start, end))


def to_come(figure, doc, earlier):
    if figure.status != "actual" or figure.at < 0:
        return figure
    norm, reference = doc.norm, doc.reference
    start = max(figure.sentence[0], figure.at - REACH)
    found = doc.reference.pattern("outlook modal verb", _modal_verb).search(
        norm, max(figure.clause[0], start), figure.at
    )
    if found is None:
        found = doc.reference.pattern("outlook event", _event).search(norm, start, figure.at) or reference.cue(
            "outlook", "condition"
        ).search(norm, start, figure.at)
        if found is None or _dated(doc, found.end(), figure.at):
            return figure  # 项目投产后运行良好,今年1-6月实现产值3亿元: a time of its own after the event, a result
    if reference.cue("status", "actual").search(norm, found.end(), figure.at):
        return figure  # 建成后已入驻企业30家: done, though after the event
    restate(figure, doc, "target", NOTE.format(found.group()))
    return figure
