"""A company named whole in the text before (广西祥云亿航智能科技有限公司, even as a partner or in a list), then
by the first words of its name (祥云亿航就生产了4000多台): the short name it goes by is the head of the name
without its place and ending (company_name.core), the words that say its trade (智能科技) dropped. The short
name must be before the number in its sentence, of MIN_SHORT characters at least, and no place's or industry's
name (柳州 of 柳州钢铁集团 is a place, not 柳钢)."""

from __future__ import annotations

from .. import places
from .company_name import LOOK_BACK, _company, _in_a_list, core

MIN_SHORT = 3  # 祥云亿航: a two-character head (华兴) of a longer core would match words that are no name


def _named_by_form(doc, start: int, end: int) -> list[str]:
    """Company names by form (a place, a few characters, a company ending) between start and end, last first."""
    pattern = _company(doc.reference)[0]
    names = []
    for mention in places.within(doc.places, (start, end)):
        if mention.name in places.IMPLIED:
            continue
        name = pattern.match(doc.norm, mention.end, end)
        if name and name.end() > mention.end:
            names.append(doc.norm[mention.start : name.end()])
    return names[::-1]


def prefix_of_one_named_before(figure, doc, earlier):
    if figure.enterprise or figure.at < 0:
        return figure
    said = doc.norm[figure.sentence[0] : figure.at]
    reference = doc.reference
    for whole in _named_by_form(doc, max(0, figure.sentence[0] - LOOK_BACK), figure.sentence[0]):
        head = core(whole, reference)
        for k in range(len(head), MIN_SHORT - 1, -1):
            short = head[:k]
            if short in reference.places or short in reference.clusters:
                break
            at = said.rfind(short)
            if at >= 0 and not _in_a_list(reference).match(doc.norm, figure.sentence[0] + at + k):
                start = figure.sentence[0] + at
                figure.enterprise = doc.text.name(start, start + k)
                figure.notes.append(f"enterprise {figure.enterprise}: the short name of {whole}")
                return figure
    return figure
