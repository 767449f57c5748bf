"""A place that a figure is compared with (比全国高, 高于全区平均水平, 比江西少30%), or the field a rank is
within (保持全区…增速第一), is not the figure's place: the figure keeps the place of its sentence before the
comparison, or the document's subject place."""

from __future__ import annotations

import re

from .. import places
from ..periods import TIMES_OF
from .mentions import starting_in

# The words are cue words: cue_kind place_frame, code comparison (before_place: 比, 高于; after_place: 平均).
_BEFORE = r"(?:{})\s*(?:全)?$"
_AFTER = r"\s*(?:的)?\s*(?:{})"


# 分别比全国、全区高2.6和0.6个百分点: a later item of the list the comparison word opens is compared too
_LISTED = r"(?:{})([\u4e00-\u9fff]{{1,8}})[、和与及]\s*(?:全)?$"
LIST_REACH = 12


def _compared_before(norm: str, start: int, words: str, reference) -> bool:
    """The place is the second of a list of places the comparison word opens (比全国、全区高)."""
    listed = re.search(_LISTED.format(words), norm[max(0, start - LIST_REACH) : start])
    if listed is None:
        return False
    item = listed.group(1)
    return item in reference.places or item in places.IMPLIED or item.removeprefix("全") in reference.places


def is_comparison(norm: str, start: int, end: int, reference) -> bool:
    words = reference.alternation("place_frame", "comparison", "before_place")
    before = _BEFORE.format(words)
    after = _AFTER.format(reference.alternation("place_frame", "comparison", "after_place"))
    return bool(
        re.search(before, norm[max(0, start - 4) : start])
        or _compared_before(norm, start, words, reference)
        or re.match(after, norm[end : end + 6])
        or TIMES_OF.match(norm, end, end + 16)  # 是靖西市的1.8倍: the base of a multiple
    )


FIELD_REACH = 12  # 保持全区工业投资总量、增速第一: the field a few words before the rank


def is_field(doc, figure, mention) -> bool:
    """The place a rank is within (全区…第一): the field of the ranking, not the ranked place. A place
    named right before the ranking's verb is the one ranked (江州区排名第一, 柳州位居全区第一); a whole (全区,
    全国) before it stays the field (全市排名第一)."""
    if figure.metric_code != "rank" or not (mention.end <= figure.at <= mention.end + FIELD_REACH):
        return False
    if places.names_a_company(doc.norm, mention, doc.reference):
        return False  # 柳州钢铁集团(第230位): the place opens the ranked company's name, no field
    if _CLAUSE_BREAK.search(doc.norm, mention.end, figure.at):
        return False
    verbs = doc.reference.alternation("rank", "exact", "before_ordinal")
    wholes = doc.reference.words_of("rank", "exact", "field")
    ranked = re.match(f"\\s*(?:{verbs})", doc.norm[mention.end : figure.at])
    return not (ranked and doc.text.span(mention.start, mention.end) not in wholes and mention.name not in wholes)


_CLAUSE_BREAK = re.compile(r"[,。;!?]")
# between a compared place's words and the number only a verb of being or a bracket: the place's own value
# (全国平均水平(2.65%)); a bare number after them is a difference (高于全国平均水平1.3个百分点)
_OWN_VALUE = r"\s*(?:的)?\s*(?:{})*\s*(?:为|是|达到|达|[((])\s*"


def not_the_comparison(figure, doc, earlier):
    if figure.at < 0 or figure.place_key is None:
        return figure
    sentence = figure.sentence
    keyed = [m for m in starting_in(doc.places, sentence[0], sentence[1]) if m.key == figure.place_key]
    # the mention the place was read from (the nearest before the number), not another of the sentence:
    # 全市增长5.2%,江州区增速高于全市平均水平1.2个百分点 (1.2's 全市 is a comparison, 5.2's is not)
    mentions = [m for m in keyed if m.end <= figure.at][-1:] or keyed
    own = _OWN_VALUE.format(doc.reference.alternation("place_frame", "comparison", "after_place"))
    if mentions and re.fullmatch(own, doc.norm[mentions[0].end : figure.at]):
        return figure  # 全国平均水平(2.65%), 全区平均为5%: the number is the average itself, of that place
    if not mentions or not all(
        is_comparison(doc.norm, m.start, m.end, doc.reference) or is_field(doc, figure, m) for m in mentions
    ):
        return figure
    others = [
        m
        for m in starting_in(doc.places, sentence[0], figure.at)
        if m.end <= figure.at
        and not is_comparison(doc.norm, m.start, m.end, doc.reference)
        and not is_field(doc, figure, m)
        and m.key != figure.place_key
        and not places.is_frame(doc.norm, m, doc.reference)
    ]
    compared = doc.text.span(mentions[0].start, mentions[0].end)
    if others:
        chosen = others[-1]
        figure.place, figure.place_key = doc.text.name(chosen.start, chosen.end), chosen.key
        if chosen.name in places.IMPLIED:
            figure.place = doc.written.get(chosen.key, figure.place)
    elif doc.subject is not None:
        figure.place, figure.place_key = doc.subject
    else:
        return figure
    figure.notes = [n for n in figure.notes if not n.startswith("place from")]
    figure.notes.append(f"{compared} is a comparison, not the figure's place: place {figure.place} guessed")
    return figure
