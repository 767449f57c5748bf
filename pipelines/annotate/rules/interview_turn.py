"""An interview's answers are about the interviewee's place (专访象州县委书记王建国 … 记者:去年成效如何? 王建国:…
规上工业总产值增长25%): a figure in an answer turn whose own clause names no place is the place that opens the
interviewee's title, not a city or region named in an earlier clause of its sentence (在来宾市委的领导下,我们…
增长9.1%; 我们积极融入粤港澳大湾区,承接项目30个), nor one guessed from outside its sentence.

A turn opens a line or follows a sentence's end with a short label and a colon; a label that is a question
word (cue_kind place_frame, code interview, line_start: 记者, 问) opens a question, the next other label an
answer that runs to the next question. The interviewee's place is the place in the answer's label
(象州县委书记王建国:), else the lowest place in the text before the first question that an official's title
follows (cue_kind place_frame, code interview, after_place: 书记, 县长, 区长), innermost of a chain (来宾市象州县).
A place that opens an earlier clause of the sentence (来宾市今年…增长15%,固定资产投资…) stays its subject."""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from .. import places
from .comparison_place import is_comparison
from .mentions import starting_in

LABEL = 12  # characters of a turn's label: a name, a title, or both (象州县委书记王建国)
TITLE_REACH = 8  # characters from a place to its official's title word (工业和信息化局局长)
GUESSED = ("place from earlier in the paragraph", "place from the paragraphs before", "place not in the sentence")
LEVEL_ORDER = ("district", "county", "prefecture", "province")
# Before a clause's own subject only a time, a list word or punctuation: 2021年,象州…; 其中,象州…
_OPENER = re.compile(r"(?:[^\u4e00-\u9fff]|[年月份日季度上下半今去前全其中同期])*")


# a turn's label: a line's or sentence's opening words, then a colon (记者:, 问:, 王建国:, 县委书记:)
_TAG = re.compile(rf"(?:^|(?<=[。?!]))[ \t]*([^\s:,。;!?“”、()]{{1,{LABEL}}})[ \t]*:", re.M)


@lru_cache(maxsize=8)
def _title(words: str) -> re.Pattern:
    return re.compile(rf"[^、,。;:!?\s]{{0,{TITLE_REACH}}}?(?:{words})")


def _turns(doc) -> tuple[list[tuple[int, int, tuple[int, int] | None]], int]:
    """(answer turns as (start, end, label span or None), where the first question starts), once per document.
    A question is a turn a question word labels (记者:…, to the next label or its line's end) or a line that
    ends with a question mark; an answer runs from a question's end to the next question."""
    words = doc.reference.words_of("place_frame", "interview", "line_start")
    norm = doc.norm
    tags = [(m.start(1), m.end(1), m.group(1) in words) for m in _TAG.finditer(norm)]
    questions = []
    for i, (start, _, is_question) in enumerate(tags):
        if is_question:
            line_end = norm.find("\n", start)
            line_end = len(norm) if line_end < 0 else line_end
            following = tags[i + 1][0] if i + 1 < len(tags) else len(norm)
            questions.append((start, min(line_end, following)))
    questions += [(s, e) for s, e in doc.lines if norm[s:e].rstrip().rstrip('”"').endswith("?")]
    questions = sorted(set(questions))
    labels = {start: (start, end) for start, end, is_question in tags if not is_question}
    turns = []
    for i, (start, end) in enumerate(questions):
        after = questions[i + 1][0] if i + 1 < len(questions) else len(norm)
        opening = end + len(norm[end:after]) - len(norm[end:after].lstrip())
        if opening < after and (not turns or turns[-1][1] <= opening):
            turns.append((opening, after, labels.get(opening), (start, end)))
    return turns, questions[0][0] if questions else -1


def _official_place(doc, start: int, end: int):
    """The lowest place in [start, end) an official's title follows, innermost of a chain."""
    pattern = _title(doc.reference.alternation("place_frame", "interview", "after_place"))
    levels, parents = doc.reference.place_levels, doc.reference.place_parents
    found = places.within(doc.places, (start, end))
    chosen = None
    for i, m in enumerate(found):
        if m.name in places.IMPLIED or places.qualifies_the_next(m, found, parents):
            continue
        title = pattern.match(doc.norm, m.end, end)
        # 来宾市委常委、象州县委书记: a title after another place is that place's
        if title is None or (i + 1 < len(found) and found[i + 1].start < title.end()):
            continue
        if chosen is None or _rank(levels.get(m.key)) < _rank(levels.get(chosen.key)):
            chosen = m
    return chosen


def _rank(level: str | None) -> int:
    return LEVEL_ORDER.index(level) if level in LEVEL_ORDER else len(LEVEL_ORDER)


def _interviewee(doc, turn) -> places.Mention | None:
    label = turn[2]
    if label is not None:
        own = _official_place(doc, label[0], label[1] + 1) or next(
            (m for m in places.within(doc.places, label) if m.name not in places.IMPLIED), None
        )
        if own is not None:
            return own
    _, first = doc.once("interview_turns", _turns)
    return doc.once("interviewee_from_the_head", lambda d: _official_place(d, 0, first))


def _source(doc, figure) -> places.Mention | None:
    """The mention in the figure's sentence before its number that its place was read from."""
    found = [
        m
        for m in starting_in(doc.places, figure.sentence[0], figure.at)
        if m.key == figure.place_key and m.end <= figure.at and not places.is_frame(doc.norm, m, doc.reference)
    ]
    return found[-1] if found else None


def _opens_a_clause(doc, mention) -> bool:
    i = bisect_right(doc.clauses, (mention.start, len(doc.norm))) - 1
    clause_start = doc.clauses[i][0] if i >= 0 else 0
    return _OPENER.fullmatch(doc.norm, clause_start, mention.start) is not None


def _own_place_in_clause(doc, figure) -> bool:
    return any(
        m.end <= figure.at
        and not places.is_frame(doc.norm, m, doc.reference)
        and not is_comparison(doc.norm, m.start, m.end, doc.reference)
        for m in starting_in(doc.places, figure.clause[0], figure.at)
    )


def _asked_about(doc, question: tuple[int, int]) -> places.Mention | None:
    """The place the question names last as a place (记者:广西今年的目标是什么?): what its answer is about."""
    named = [
        m
        for m in places.within(doc.places, question)
        if m.name not in places.IMPLIED
        and not places.is_frame(doc.norm, m, doc.reference)
        and not is_comparison(doc.norm, m.start, m.end, doc.reference)
    ]
    return named[-1] if named else None


def of_the_interviewee(figure, doc, earlier):
    if figure.at < 0:
        return figure
    turns, _ = doc.once("interview_turns", _turns)
    i = bisect_right(turns, (figure.at, len(doc.norm) + 1)) - 1
    if i < 0 or not (turns[i][0] <= figure.at < turns[i][1]) or _own_place_in_clause(doc, figure):
        return figure
    guessed = any(n.startswith(GUESSED) for n in figure.notes) or figure.place_key is None
    source = None if guessed else _source(doc, figure)
    if not guessed and (source is None or _opens_a_clause(doc, source)):
        return figure
    mention = None
    if guessed and not starting_in(doc.places, figure.sentence[0], figure.at):
        mention = _asked_about(doc, turns[i][3])
    mention = mention or _interviewee(doc, turns[i])
    if mention is None or mention.key == figure.place_key:
        return figure
    figure.place, figure.place_key = (
        doc.written.get(mention.key) or doc.text.name(mention.start, mention.end),
        mention.key,
    )
    figure.notes = [n for n in figure.notes if not n.startswith(("place from", "no place", "place not"))]
    figure.notes.append(
        f"place: the interviewee's ({figure.place}), the answer's clause names no place of its own (check)"
    )
    return figure
