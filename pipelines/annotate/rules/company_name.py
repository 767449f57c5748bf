"""A company named before the number in its sentence is the figure's enterprise, where no annotation knew it:
a place, a few characters and a company's ending (广西美斯达集团有限公司, 柳州津晶公司, 广西玉柴集团; places.py
reads the same names to keep their place off the figure). Not a company listed with others (广西有色再生金属
有限公司、…等9家企业: a count of enterprises) nor one named as a partner (与…公司合作)."""

from __future__ import annotations

import re
from functools import lru_cache

from .. import places
from ..script import simplified


@lru_cache(maxsize=8)
def _links(joiners: str, group_end: str, partner: str) -> tuple[re.Pattern, re.Pattern]:
    """After a name, 、 or a list word (广西A公司、B公司等: many companies, none the figure's own); before it, a
    joiner or partner word (由梧松集团与广州黄埔化工有限公司合作: a partner): cue_words.csv, cue_kind list."""
    return re.compile(f"、|{joiners}|{group_end}"), re.compile(f"{joiners}|{partner}")


def _in_a_list(reference) -> re.Pattern:
    return _links(*(reference.alternation("list", code) for code in ("joiner", "group_end", "partner")))[0]


def _a_partner(reference) -> re.Pattern:
    return _links(*(reference.alternation("list", code) for code in ("joiner", "group_end", "partner")))[1]


@lru_cache(maxsize=8)
def _patterns(endings: str, words: str) -> tuple[re.Pattern, re.Pattern]:
    """A company's name after the place that opens it (places.names_a_company, with its whole ending:
    广西美斯达集团有限公司), and the ending alone: cue_words.csv, cue_kind company."""
    # a bracketed word inside the name is part of it: 广西梧州制药(集团)股份有限公司
    name = re.compile(
        rf"(?:[\u4e00-\u9fff]|[(（][\u4e00-\u9fff]{{1,6}}[)）]){{0,{places.COMPANY_REACH}}}?(?:{endings})(?:{words})*"
    )
    return name, re.compile(rf"(?:{words})+$")


def endings(reference) -> str:
    """The words of a company's ending, closing or running on (not the anaphors of the same cue_kind)."""
    return "|".join(filter(None, (reference.alternation("company", code) for code in ("name_end", "name_part"))))


def _company(reference) -> tuple[re.Pattern, re.Pattern]:
    return _patterns(reference.alternation("company", "name_end"), endings(reference))


def named_before(figure, doc, earlier):
    if figure.enterprise or figure.at < 0:
        return figure
    norm = doc.norm
    found = None
    lead = doc.reference.words_of("subject", "lead", "before_noun")
    for mention in places.within(doc.places, (figure.sentence[0], figure.at)):
        if mention.name in places.IMPLIED:
            continue  # 全市…公司: the text's own place opens no company's name
        name = _company(doc.reference)[0].match(norm, mention.end, figure.at)
        if name and name.end() > mention.end and not any(w in name.group() for w in lead):
            found = (mention.start, name.end())  # 南宁市新增公司: a count's lead word, no name
    if found is None:
        return figure
    start, end = found
    if _in_a_list(doc.reference).match(norm, end) or _a_partner(doc.reference).match(norm, start - 1):
        return figure
    figure.enterprise = doc.text.name(start, end)
    figure.notes.append(f"enterprise {figure.enterprise}: a company's name before the number")
    return figure


def core(name: str, reference) -> str:
    """广西玉柴集团 → 玉柴: the name without the place that opens it and its company ending."""
    name = _company(reference)[1].sub("", simplified(name))
    for k in range(len(name) - 1, 1, -1):
        if name[:k] in reference.places:
            return name[k:]
    return name


LOOK_BACK = 2000  # characters back to the figure that gave the full name (a paragraph or two)
MIN_CORE = 2  # a one-character core (柳州X公司 → X) would match anywhere


def short_name_of_one_before(figure, doc, earlier):
    """玉柴仍创造了累计实现销售收入450亿元 after 广西玉柴集团: the company by the short name it goes by, before the
    number in its sentence or after it in its clause (约370辆搭载玉柴发动机的客车)."""
    if figure.enterprise or figure.at < 0 or not earlier:
        return figure
    said = doc.norm[figure.sentence[0] : figure.at]
    seen: set[str] = set()
    for f in reversed(earlier):
        if f.at < figure.at - LOOK_BACK:
            break  # a name given pages before: no pass over the whole draft per figure
        if not f.enterprise or f.enterprise in seen:
            continue
        seen.add(f.enterprise)
        short = core(f.enterprise, doc.reference)
        at = said.rfind(short)
        start = figure.sentence[0] + at
        if at < 0 and figure.unit_end > 0:  # 约370辆搭载玉柴发动机的客车: named after the number, in its clause
            start = doc.norm.find(short, figure.unit_end, figure.clause[1])
            at = start
        if len(short) >= MIN_CORE and at >= 0 and not _in_a_list(doc.reference).match(doc.norm, start + len(short)):
            figure.enterprise = doc.text.name(start, start + len(short))
            figure.notes.append(f"enterprise {figure.enterprise}: the short name of {f.enterprise}")
            break
    return figure
