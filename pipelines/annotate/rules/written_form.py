"""A place is written as the figure's own sentence writes it (防城港市喜传捷报…GDP增长22.1% → 防城港市, in a text
that says 防城港 more often): the place as written in the document (raw/README.md, place). A figure whose
sentence does not write its place (a place from the paragraph before, 全市, the subject) takes the form the
document uses most (桂林市 in a text that says 桂林市 six times and 桂林 twice), not the form of a body's name
(广西壮族自治区统计局 in a source line: the text says 广西) nor of a place inside a company's or a project's name
(恒逸钦州…一体化项目: the text says 钦州市). Reviewers write it so."""

from __future__ import annotations

from .. import places


def as_the_document_writes_it(figure, doc, earlier):
    written = doc.written.get(figure.place_key) if figure.place_key else None
    if written and figure.place != written and not written_in_its_sentence(figure, doc):
        figure.place = written
    return figure


def written_in_its_sentence(figure, doc) -> bool:
    """Whether the figure's sentence names its place in the very form drafted, as a place: starting a word
    (not 恒逸钦州, 深蓝南宁), not signing a dateline or a body (防城港讯, …统计局), not opening a company's name."""
    if figure.at < 0:
        return False
    norm, reference = doc.norm, doc.reference
    signs = reference.words_of("place_frame", "frame", "after_place")
    ends = {m.end for m in doc.places}
    for m in places.within(doc.places, figure.sentence):
        if m.key != figure.place_key or m.name in places.IMPLIED or doc.text.name(m.start, m.end) != figure.place:
            continue
        starts_a_word = m.start == 0 or m.start in ends or places.BEFORE_A_PLACE.match(norm, m.start - 1)
        if starts_a_word and not norm.startswith(signs, m.end) and not places.names_a_company(norm, m, reference):
            return True
    return False
