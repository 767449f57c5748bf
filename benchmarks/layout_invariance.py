"""Does a document's layout change its draft? Each document is rewritten in the layouts real texts reach
the drafter in (hard-wrapped at a PDF's or e-paper's column of 18–40 characters, a break inside a word, a
number or a unit; spaces between Chinese and digits or Latin letters; full-width digits and punctuation;
Windows line ends; a full-width indent at each paragraph; paragraphs with or without blank lines between),
drafted with the same reference and published date, and its rows compared with the plain document's.

    python benchmarks/layout_invariance.py [--documents DIR ...] [--ids 000 001 ...]

Every difference is a bug: a number or unit split by a line break, a sentence or paragraph boundary moved,
a cue word missed across a break, an evidence that is no longer a span of the rewritten text. Evidence is
compared with layout whitespace removed and in half-width forms; it must be a span of the rewritten text. An
evidence the contract's limit of 40 written characters cuts shorter where line ends make it longer is no
difference (rules/evidence_limit.py).
"""

from __future__ import annotations

import re
import sys
import unicodedata
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks import invariance  # noqa: E402
from pipelines.annotate import reference as reference_module  # noqa: E402
from pipelines.annotate.extract import extract  # noqa: E402
from pipelines.load.contracts import EVIDENCE_MAX_LENGTH  # noqa: E402

# A drafted figure's fields compared between the two layouts (evidence apart: compared without layout).
FIELDS = invariance.FIELDS
INDENT = "\u3000\u3000"
_LAYOUT = re.compile(r"[\s\u3000]+")


@dataclass(frozen=True)
class Rewritten:
    text: str
    shape: str
    origin: dict[int, int]  # position in the document -> position in the rewritten text


class _Builder:
    def __init__(self) -> None:
        self.out: list[str] = []
        self.at = 0
        self.origin: dict[int, int] = {}

    def layout(self, written: str) -> None:
        self.out.append(written)
        self.at += len(written)

    def char(self, position: int, written: str) -> None:
        self.origin[position] = self.at
        self.layout(written)

    def done(self, shape: str, length: int) -> Rewritten:
        self.origin[length] = self.at
        return Rewritten("".join(self.out), shape, self.origin)


def _is_cjk(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def wrapped(document: str, width: int, indent: str = "", blank: bool = False, ending: str = "\n") -> Rewritten:
    """Each paragraph (a line of the document) cut every `width` characters, wherever that falls; an
    indent before each paragraph, a blank line between paragraphs where asked."""
    shape = f"wrap {width}" + (" indent" if indent else "") + (" blank lines" if blank else "")
    shape += " crlf" if ending != "\n" else ""
    built, column, position = _Builder(), 0, 0
    for number, line in enumerate(document.split("\n")):
        if number:
            built.char(position, ending)
            position += 1
            if blank and line.strip():
                built.layout(ending)
        column = 0
        if line.strip() and indent:
            built.layout(indent)
            column = len(indent)
        for ch in line:
            if column >= width:
                built.layout(ending)
                column = 0
            built.char(position, ch)
            position += 1
            column += 1
    return built.done(shape, len(document))


def spaced(document: str) -> Rewritten:
    """A space between Chinese and a digit or Latin letter, either way round (2021 年, 增长 5.2%)."""
    built = _Builder()
    for position, ch in enumerate(document):
        before = document[position - 1] if position else ""
        if before and (
            (_is_cjk(before) and ch.isascii() and ch.isalnum())
            or (before.isascii() and before.isalnum() and _is_cjk(ch))
        ):
            built.layout(" ")
        built.char(position, ch)
    return built.done("spaced", len(document))


def full_width(document: str) -> Rewritten:
    """Digits, Latin letters and ASCII punctuation in full-width forms (２０２１年, ５．２％)."""
    built = _Builder()
    for position, ch in enumerate(document):
        built.char(position, chr(ord(ch) + 0xFEE0) if "!" <= ch <= "~" else ch)
    return built.done("full-width", len(document))


def _each_line_break(document: str, shape: str, written: str, after: str = "") -> Rewritten:
    built = _Builder()
    for position, ch in enumerate(document):
        built.char(position, written if ch == "\n" else ch)
        if ch == "\n" and after and position + 1 < len(document) and document[position + 1] != "\n":
            built.layout(after)
    return built.done(shape, len(document))


def blank_lines_collapsed(document: str) -> Rewritten:
    """Paragraphs with no blank line between them: a run of line breaks written as one."""
    built = _Builder()
    for position, ch in enumerate(document):
        if ch == "\n" and position and document[position - 1] == "\n":
            continue  # the later breaks of a run have no place of their own: map to the first
        built.char(position, ch)
    text = built.done("no blank lines", len(document))
    origin = dict(text.origin)
    for position in range(len(document)):
        if position not in origin:
            origin[position] = origin[position - 1]
    return Rewritten(text.text, text.shape, origin)


def rewritings(document: str) -> list[Rewritten]:
    return [
        wrapped(document, 18),
        wrapped(document, 25),
        wrapped(document, 40),
        wrapped(document, 30, indent=INDENT),
        wrapped(document, 30, blank=True),
        wrapped(document, 22, indent=INDENT, ending="\r\n"),
        spaced(document),
        full_width(document),
        _each_line_break(document, "crlf", "\r\n"),
        _each_line_break(document, "indent", "\n", INDENT),
        _each_line_break(document, "blank lines", "\n\n"),
        blank_lines_collapsed(document),
    ]


def _plain(evidence: str) -> str:
    """Evidence without layout: no whitespace, half-width forms."""
    return _LAYOUT.sub(
        "", "".join(unicodedata.normalize("NFKC", c) if "\uff01" <= c <= "\uff5e" else c for c in evidence)
    )


def _over_the_limit(evidence: str, document: str, number_start: int, rewritten: Rewritten) -> bool:
    """The plain draft's evidence is longer than the evidence limit as the rewritten text writes it (its line
    ends and indents count: evidence is verbatim): a shorter evidence there is the contract's
    (rules/evidence_limit.py), no bug."""
    begin = document.rfind(evidence, 0, number_start + len(evidence))
    if begin < 0 or not evidence:
        return False
    first, last = rewritten.origin[begin], rewritten.origin[begin + len(evidence) - 1]
    return last + 1 - first > EVIDENCE_MAX_LENGTH


def differences(document: str, published: str, reference, shapes=None) -> list[str]:
    """Each way the drafts of the document's rewritings differ from its own draft, as a line."""
    plain_rows = invariance.by_number(extract(document, published, reference))
    found: list[str] = []
    for rewritten in rewritings(document):
        if shapes and rewritten.shape not in shapes:
            continue
        back: dict[int, int] = {}
        for position, at in sorted(rewritten.origin.items(), reverse=True):
            back[at] = position  # the first of a run of positions written at one place
        drafted = invariance.by_number(extract(rewritten.text, published, reference), back)
        for a, b in invariance.paired(document, plain_rows, drafted, rewritten.shape, "layout", found):
            changed = invariance.changed(a, b)
            if _plain(a.evidence) != _plain(b.evidence) and not (
                _over_the_limit(a.evidence, document, a.number_start, rewritten)
                and len(b.evidence) <= EVIDENCE_MAX_LENGTH
                and _plain(b.evidence) in _plain(a.evidence)
            ):
                changed.append(f"evidence {a.evidence!r} → {b.evidence!r}")
            elif b.evidence not in rewritten.text:
                changed.append(f"evidence {b.evidence!r} is no span of the text")
            if changed:
                found.append(f"{rewritten.shape}: «{a.evidence}»: " + "; ".join(changed))
    return found


documents = invariance.documents


def main() -> int:
    parser = invariance.arguments(__doc__.splitlines()[0])
    parser.add_argument("--shapes", nargs="*", default=None)
    parser.add_argument("--quiet", action="store_true", help="counts per shape only")
    args = parser.parse_args()
    reference = reference_module.load(REPO / "raw")
    total, per_shape = 0, {r.shape: 0 for r in rewritings("")}
    for document_id, text, published in invariance.texts(args, REPO / "raw"):
        found = differences(text, published, reference, args.shapes)
        total += len(found)
        print(f"{document_id}: {len(found)} differences")
        for line in found:
            per_shape[line.split(":")[0]] += 1
            if not args.quiet:
                print("   ", line)
    for shape, count in per_shape.items():
        print(f"  {shape}: {count}")
    print(f"total: {total}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
