"""A place is written one way on every row of a document: the form the document uses most (桂林市 in a
text that says 桂林市 six times and 桂林 twice), not the form next to each number, and not the form of a
body's name (广西壮族自治区统计局 in a source line: the text says 广西). Reviewers write it so."""

from __future__ import annotations


def as_the_document_writes_it(figure, doc, earlier):
    written = doc.written.get(figure.place_key) if figure.place_key else None
    if written and figure.place != written:
        figure.place = written
    return figure
