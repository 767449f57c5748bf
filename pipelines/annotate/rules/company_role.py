"""A company the text gives a company's role (以南国铜业为龙头, 以X为链主: cue_kind company, code role) is a
company's name wherever the document names it again, though no annotation knew it: a figure whose sentence
names it before the number (2020年南国铜业实现产值118亿元) is that company's. The role's own frame (以X为龙头的
产业园) is no figure of the company, nor a name that is an industry's or a place's (以新能源为龙头)."""

from __future__ import annotations

import re

from .company_name import _in_a_list

NAME = r"以([\u4e00-\u9fff]{2,8}?)为(?:%s)"


def _names(doc) -> tuple[str, ...]:
    """The names the document gives a company's role, once per document."""
    roles = doc.reference.alternation("company", "role")
    if roles == "(?!)":
        return ()
    reference = doc.reference
    not_a_name = reference.words_of("cluster_frame", "not_industry")
    names = []
    for match in re.finditer(NAME % roles, doc.norm):
        name = match.group(1)
        if name in reference.clusters or name in reference.places or name.endswith(not_a_name):
            continue
        names.append(name)
    return tuple(dict.fromkeys(names))


def named_for_its_role(figure, doc, earlier):
    if figure.enterprise or figure.at < 0:
        return figure
    names = doc.once("company_role", _names)
    if not names:
        return figure
    norm, start = doc.norm, figure.sentence[0]
    best = None  # (where, name): the last named before the number, outside its role's frame
    for name in names:
        at = norm.rfind(name, start, figure.at)
        while at >= 0 and norm.startswith("以", at - 1) and norm.startswith("为", at + len(name)):
            at = norm.rfind(name, start, at)
        if at >= 0 and (best is None or at > best[0]):
            best = (at, name)
    if best is None or _in_a_list(doc.reference).match(norm, best[0] + len(best[1])):
        return figure
    at, name = best
    figure.enterprise = doc.text.name(at, at + len(name))
    figure.notes.append(f"enterprise {figure.enterprise}: a company the text names for its role (以…为龙头)")
    return figure
