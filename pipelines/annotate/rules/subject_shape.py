"""A subject cut in the middle of a phrase is worse than none: one that starts or ends with a particle or a
list's joiner (的, 、, 和, 及, 与: cue_words.csv list joiner) holds a piece of the words around its noun, not
the noun (个大类中的 of 41个大类中的34个). It is left empty for the analyst, with a note, as a subject the
rules cannot find is."""

from __future__ import annotations

from ..script import simplified

_PARTICLES = ("的", "、")  # 的 ends no noun and opens none; 、 only separates items


def no_particle_at_its_edge(figure, doc, earlier):
    if not figure.subject:
        return figure
    edges = (*_PARTICLES, *doc.reference.words_of("list", "joiner", "between_items"))
    written = simplified(figure.subject)
    if written.startswith(edges) or written.endswith(edges):
        figure.notes.append(f"subject {figure.subject} cut inside a phrase: left empty, fill it in")
        figure.subject = ""
    return figure
