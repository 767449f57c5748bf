"""The product of a volume named right at its number (docs/codes.md, Subjects: 钢材 vs 氧化铝 for a production
volume), where subject.py looks before the metric's cue word or after the unit:

- after the verb of making, before the number: 平果铝年产氧化铝200万吨, 2020年平果生产氧化铝260万吨 → 氧化铝 (the
  words before 生产 say who made it, not what);
- a listed volume of its own clause: 年产氧化铝200万吨、电解铝15万吨 → 电解铝, when the value before it in its
  sentence is a volume of the same metric with a product (listed_values.py gave it that metric).

The verbs are the metric's own cue words and cue_kind capacity annual (年产); the product is what subject.py
takes for one (two to MAX_PRODUCT characters, no 的, no word the metric already says: 汽车)."""

from __future__ import annotations

import re

from .. import places
from .subject import MAX_PRODUCT, PRODUCED, SOLD, _cue_of, _lead, _metric_noun, _no_noun, after_the_lead

_PRODUCT = re.compile(r"[\u4e00-\u9fff]+")
_MARK = re.compile(r"\s*(?:[、,,;;]|和|及|与)?\s*")  # between two listed values


def after_its_verb(figure, doc, earlier):
    if figure.subject or figure.at < 0 or figure.metric_code not in PRODUCED + SOLD:
        return figure
    norm, lo = doc.norm, figure.clause[0]
    verbs = doc.reference.pattern(f"product_at_the_number.{figure.metric_code}", _verbs(figure.metric_code))
    made = next(reversed(list(verbs.finditer(norm, lo, figure.at))), None)  # the verb nearest the number
    if made is None or (made.group() not in _annual(doc) and _named_before(doc, lo, made.start())):
        return figure  # 汽车产量有望突破200万辆: a product before the word, so a noun's head (产量), no verb
    span = _product(doc, made.end(), figure.at)
    if span:
        figure.subject = doc.text.span(*span)
    return figure


def of_a_listed_item(figure, doc, earlier):
    if figure.subject or figure.at < 0 or figure.metric_code not in PRODUCED + SOLD or not earlier:
        return figure
    before = earlier[-1]
    if before.at < figure.sentence[0] or before.metric_code != figure.metric_code or not before.subject:
        return figure
    # the item starts right after the value before and the list's mark (、, 和, a comma), past its lead words
    opening = max(figure.clause[0], before.unit_end)
    mark = _MARK.match(doc.norm, opening, figure.at)
    if mark is None:
        return figure
    start = after_the_lead(doc, mark.end(), figure.at)
    maker = _item_end(doc, start, figure.at)
    if _no_noun(doc, doc.norm[start:maker]) or _whose(figure, doc, start, maker):
        # 其中平果450万吨、靖西400万吨, 柳钢集团1200万吨: a maker's part of the volume before, of its product
        figure.subject = before.subject
        return figure
    span = _product(doc, start, figure.at)
    if span and _cue_of(doc, figure.metric_code).search(doc.norm, *span):
        return figure  # 电解铝产量20万吨: its own cue word, so subject.py reads the product before it
    if span and span[0] == start:
        figure.subject = doc.text.span(*span)  # 、电解铝15万吨: a product of its own
    return figure


def _item_end(doc, start: int, end: int) -> int:
    """Where the item's words end before the glue right before the number (约, 达: no noun; a few characters)."""
    for cut in range(max(start, end - 4), end + 1):
        if _no_noun(doc, doc.norm[cut:end]):
            return cut
    return end


def _whose(figure, doc, start: int, end: int) -> bool:
    """其中柳钢集团1200万吨, 平果450万吨: the item is a part's maker (a place, a company), not a product: the
    part is of the product before it, whose place or enterprise it says."""
    if figure.enterprise or places.within(doc.places, (start, end)) or doc.norm[start:end] in doc.reference.places:
        return True
    return any(word in doc.norm[start:end] for word in doc.reference.words_of("company", "name_end"))


def _annual(doc) -> tuple[str, ...]:
    return doc.reference.words_of("capacity", "annual")


def _named_before(doc, lo: int, at: int) -> bool:
    """Whether words of their own (past the date, the place and the lead words) stand right before the word at
    `at`: 汽车产量 names what the 产量 is of; 2020年,平果生产 names only who made it."""
    run = re.search(r"[\u4e00-\u9fff]+(?=\s*$)", doc.norm[lo:at])
    if not run:
        return False
    at = lo + run.end()  # 全市 生产: the spacing before the verb is no word
    start = after_the_lead(doc, lo + run.start(), at)
    # 全市生产, 我市共生产: a place, a lead word or glue alone right before the verb (after_the_lead keeps the last word
    # when nothing follows it) names who made it too
    words = doc.norm[start:at]
    # (汽车 before 产量 is a product word the metric says, not glue: 汽车产量有望突破 names a noun's head, no verb)
    glue = _no_noun(doc, words) and not _metric_noun(doc, start, at)
    only_a_lead = doc.reference.pattern("subject.lead", _lead).fullmatch(doc.norm, start, at) or glue
    return start < at and words not in doc.place_names[0] + places.IMPLIED and not only_a_lead


def _verbs(metric_code: str):
    def make(reference) -> re.Pattern:
        words = set(reference.metric(metric_code).cues) | set(reference.words_of("capacity", "annual"))
        return re.compile("|".join(map(re.escape, sorted(words, key=len, reverse=True))) or "(?!)")

    return make


def _product(doc, start: int, end: int) -> tuple[int, int] | None:
    """The product between start and the number: the words past the glue right before the number (约, 达, 超:
    cue_kind qualifier, period and subject no_noun), two to MAX_PRODUCT characters of one word."""
    norm = doc.norm
    while end > start and norm[end - 1].isspace():
        end -= 1
    while start < end and norm[start].isspace():  # 生产 氧化铝 850万吨: the spacing is no part of it
        start += 1
    end = _item_end(doc, start, end)
    found = _PRODUCT.fullmatch(norm, start, end)
    if not found or not 2 <= end - start <= MAX_PRODUCT or "的" in found.group():
        return None
    if _metric_noun(doc, start, end) or norm[start:end] in doc.place_names[0]:
        return None
    if doc.reference.pattern("subject.lead", _lead).search(norm, start, end):
        return None  # 产量有望突破200万辆: a goal's or a lead word, no product
    return start, end
