"""A qualifier may open the verb phrase whose object is the number: 约可年产30万吨铝材, 每年大约生产30万吨,
约年加工铝锭20万吨 say about 30万吨 as 年产约30万吨 does (raw/README.md, qualifier: 约 → about). Between the
qualifier word (cue_words.csv qualifier before_number) and the number stand only a modal (可, 将, 能), the
annual word (capacity annual: 年产) or a cue word of the figure's own metric (生产 of production_tonnes, 产能),
a short product name and glue (subject no_noun: 为, 达); 近年来 or 近三年 (no such verb) stays no qualifier. A
qualifier of two characters or more may stand before the product's name too: 大概氧化铝产能是260万吨."""

from __future__ import annotations

import re

from .. import cues

_MODAL = "[可将能需]{0,2}"  # 约需投资50亿元: need, as a modal
_PRODUCT = "[\u4e00-\u9fff]{0,6}?"  # 铝材, 电解锰: what is made, no number or clause between


_PRODUCT_BEFORE = 6  # 大概氧化铝产能是260万吨: what is made may stand between the qualifier and the verb
_NAME = re.compile(r"[^\d\s,;:。!?、()%零〇一二两三四五六七八九十]+")


def _reaching(reference) -> re.Pattern:
    """A verb of reaching (cue_words.csv outlook verb: 实现, 达到, 带动) or of a flow done in the period (period
    flow: 完成, 新增)."""
    return re.compile(f"{reference.alternation('outlook', 'verb')}|{reference.alternation('period', 'flow')}")


def _long_words(doc) -> re.Pattern:
    words = [w for w in doc.reference.words_of("qualifier", None, "before_number") if len(w) >= 2]
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def _before_the_product(doc, at: int, lo: int) -> tuple[str, int] | None:
    """A qualifier of two characters or more (大概, 大约) before a product's name that opens the verb phrase;
    one character (近期, 约定) opens a word of its own more often than not."""
    norm, reference = doc.norm, doc.reference
    if not doc.once(("qualifier_before_verb", "long"), _long_words).search(norm, max(lo, at - _PRODUCT_BEFORE - 4), at):
        return None  # no such word within reach (most verbs): no product to look past
    for length in range(1, _PRODUCT_BEFORE + 1):
        if at - length < lo or not _NAME.fullmatch(norm, at - length, at):
            return None
        said = cues.qualifier_before(norm, at - length, lo, reference)
        if said is not None and at - length - said[1] >= 2:
            return said
    return None


def opening_the_verb(figure, doc, earlier):
    if figure.at < 0 or figure.qualifier != "exact":
        return figure
    reference, norm = doc.reference, doc.norm
    verbs = [re.escape(c) for c in reference.metric(figure.metric_code).cues]
    verbs += [reference.alternation("capacity", "annual", "before_number")]
    glue = reference.alternation("subject", "no_noun")
    # 约可实现产值50亿元, 约完成投资50亿元: a verb of reaching or of a flow before the metric's cue
    reaching = doc.reference.pattern("qualifier_before_verb.reaching", _reaching).pattern
    tail = re.compile(f"{_MODAL}(?:{reaching})?(?:{'|'.join(verbs)}){_PRODUCT}(?:{glue})?\\s*$")
    lo = figure.clause[0]
    found = tail.search(norm, lo, figure.at)
    if found is None:
        return figure
    said = cues.qualifier_before(norm, found.start(), lo, reference) or _before_the_product(doc, found.start(), lo)
    if said is None:
        return figure
    figure.qualifier = said[0]
    figure.notes.append(
        f"qualifier {doc.text.span(said[1], found.start())} opening {doc.text.span(found.start(), figure.at).strip()}: {said[0]}"
    )
    return figure
