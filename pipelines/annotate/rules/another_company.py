"""A city that opens one company's name (柳州钢铁集团有限公司以营业收入620亿元位列第98位) is that company's, not
the place of another company's figures after it in the sentence (上汽通用五菱…以营业收入580亿元位列第105位;
广西玉柴机器集团…营业收入410亿元: a ranking list's rows, each its own company's): the figure of another company
takes the document's place, which enterprise_city and enterprise_city_by_name then refine to the company's own
city where they know it."""

from __future__ import annotations

from .. import places
from ..script import simplified
from .company_name import _company
from .mentions import starting_in


def _source(doc, figure):
    """The company-opening mention the figure's place was read from: the nearest before its number."""
    found = [
        m
        for m in starting_in(doc.places, figure.sentence[0], figure.at)
        if m.key == figure.place_key and m.end <= figure.at and not places.is_frame(doc.norm, m, doc.reference)
    ]
    if not found or not places.names_a_company(doc.norm, found[-1], doc.reference):
        return None
    return found[-1]


def not_its_city(figure, doc, earlier):
    if figure.at < 0 or not figure.enterprise or doc.subject is None:
        return figure
    mention = _source(doc, figure)
    if mention is None:
        return figure
    name = _company(doc.reference)[0].match(doc.norm, mention.end, figure.at)
    company = doc.norm[mention.start : name.end()] if name else ""
    own = simplified(figure.enterprise)
    if not company or own in company or company in own or doc.norm.find(own, name.end(), figure.at) < 0:
        return figure  # the figure's own company, or no other company named between it and the number
    other = doc.text.name(mention.start, mention.end)
    figure.place, figure.place_key = doc.subject
    figure.notes = [n for n in figure.notes if not n.startswith("place from")]
    figure.notes.append(
        f"place of the document: {other} opens another company's name, not {figure.enterprise}'s (check)"
    )
    return figure
