"""A weight whose own clause names only a mineral is a reserve when a frame clause before it in its sentence says
what the weights are: 全区有色金属矿产资源中,锡50万吨,锑30万吨 (a clause closing with 中 or 方面), 已发现矿产145种,
其中锡矿120万吨、锑矿60万吨 (其中 opens the parts of the clause before it). in_the_ground.py reads the number's own
clause only; here the held words (资源, 探明, 发现) of the frame clause carry to each weight under it when an ore
(矿, 岩) is named in the frame or the weight's clause, unless a verb of making stands in either, or the weight's
clause has a cue word of the metric it was given (锰矿产量800万吨 keeps its output). The frame words are data
(cue_words.csv reserve frame). A sentence of its own before the weight's frames it when the weight's clause opens
its sentence and names an ore (广西矿产资源丰富。全区锡矿120万吨), and an ore's weight listed right after a reserve
is one (铝土矿8亿吨,锰矿2亿吨,锡矿50万吨)."""

from __future__ import annotations

import re

from ..script import simplified
from . import in_the_ground, lead_metric

NOTE = "{} read from {}: a stock in the ground, held as of its date"
REACH = 80  # how far back a frame clause may open: a sentence's few clauses, not its whole length
SEPARATOR = re.compile(r"[,;:]")


def _frame_pattern(reference) -> re.Pattern:
    """中, / 方面, closing a clause, or a clause opening with 其中: built once (Reference.pattern)."""

    def make(ref):
        words = [c for c in ref.cue_words if c.kind == "reserve" and c.code == "frame"]
        closing = "|".join(c.regex for c in sorted(words, key=lambda c: -len(c.word)) if c.word != "其中")
        opening = "|".join(c.regex for c in words if c.word == "其中")
        return re.compile(rf"(?:{closing or '(?!)'})(?=[,:])|(?<=[,;:。!?\n])(?:{opening or '(?!)'})")

    return reference.pattern("held_frame.frame", make)


def _frame(doc, figure) -> tuple[int, int] | None:
    """The clause that frames the number's clause: the last one before it in its sentence closing with a frame
    word, or the clause before the 其中 that opens a clause between it and the number."""
    norm = doc.norm
    lo = max(figure.sentence[0], figure.clause[0] - REACH)
    hits = list(_frame_pattern(doc.reference).finditer(norm, lo, min(figure.at, figure.clause[0] + 2)))
    if not hits:
        return None
    last = hits[-1]
    if last.group().startswith("其中") and last.start() == figure.sentence[0]:
        return _lead(doc, figure, last.start())  # 已探明储量的矿产有97种。其中,锡矿120万吨: the sentence before
    close = last.end() if not last.group().startswith("其中") else last.start() - 1
    cuts = [m.end() for m in SEPARATOR.finditer(norm, lo, close)]
    start = cuts[-1] if cuts else lo
    return (start, close) if close > start else None


def _lead(doc, figure, opening: int | None = None) -> tuple[int, int] | None:
    """The sentence right before the number's, when the number's clause (or a 其中 at `opening`) opens its
    sentence: a lead that says what the ore weights after it are (广西矿产资源丰富。全区锡矿120万吨)."""
    if (figure.clause[0] if opening is None else opening) != figure.sentence[0]:
        return None
    lo = lead_metric.lead_start(doc, figure)
    return (lo, figure.sentence[0]) if figure.sentence[0] - REACH <= lo < figure.sentence[0] else None


def under_a_frame(figure, doc, earlier):
    if figure.at < 0:
        return figure
    reference, norm = doc.reference, doc.norm
    metric = in_the_ground._metric_in_the_ground(reference, reference.units.get(simplified(figure.unit), set()))
    if metric is None or metric.code == figure.metric_code:
        return figure
    taken = reference.metric(figure.metric_code)
    if taken.kind != "level" or taken.unit_measure != metric.unit_measure:
        return figure
    start, end = figure.clause
    made = reference.cue("reserve", "made")
    if made.search(norm, start, end) or any(cue in norm[start : figure.at] for cue in taken.cues):
        return figure  # 年产重钙粉500万吨, 锰矿产量800万吨: the clause says what it is
    ore = reference.cue("reserve", "ore")
    if _listed_after_a_reserve(doc, figure, earlier, metric.code) and ore.search(norm, earlier[-1].unit_end, figure.at):
        return _held(figure, metric.code, f"the reserve listed before it ({earlier[-1].value}{earlier[-1].unit})")
    frame = _frame(doc, figure)
    if frame is None and ore.search(norm, start, figure.at):
        frame = _lead(doc, figure)  # 广西矿产资源丰富。全区锡矿120万吨: the sentence before leads
    if frame is None or made.search(norm, *frame):
        return figure
    held = reference.cue("reserve", "held").search(norm, *frame)
    if held is None or not (ore.search(norm, *frame) or ore.search(norm, start, figure.at)):
        return figure  # 发现问题中,整改…50万吨: what was found is no mineral
    return _held(figure, metric.code, f"the frame clause before it ({held.group()})")


def _listed_after_a_reserve(doc, figure, earlier, code: str) -> bool:
    """铝土矿8亿吨,锰矿2亿吨,锡矿50万吨: an ore's weight listed right after a reserve (a separator and the item's
    name between) is a reserve too, though in_the_ground.py reads a bare ore as held only in 亿吨."""
    return bool(earlier) and earlier[-1].metric_code == code and lead_metric._same_list(doc, earlier[-1], figure)


def _held(figure, code: str, why: str):
    figure.notes = [n for n in figure.notes if not n.startswith("no cue word: metric") and code not in n]
    figure.metric_code = code
    figure.period_kind = "as_of"
    figure.notes.append(NOTE.format(code, why))
    return figure
