"""Script invariance of `clusterdw suggest`: a document in Traditional script must draft as its Simplified twin.

Each Simplified seed and development document is converted to Traditional with OpenCC (s2t, s2hk, s2tw, and
s2t with pinyin notes after some converted characters, 業(yè), as a machine conversion leaves them). Both are
drafted with the same reference; every drafted row is compared field by field, the Traditional draft's
written columns read back to Simplified (script.read: t2s, half-width, pinyin notes dropped). Each difference
is a place where Traditional text or its artefacts are read otherwise than Simplified text.

    python benchmarks/script_invariance.py [--show]   (--show prints each differing field)

Held-out documents are never read: only the seed and development documents of corpus_split.py.
"""

from __future__ import annotations

import argparse
import difflib
import sys
from collections import Counter
from functools import lru_cache
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from benchmarks.corpus_split import SHARED, readable  # noqa: E402
from benchmarks.invariance import published_dates  # noqa: E402
from pipelines.annotate import reference as reference_module  # noqa: E402
from pipelines.annotate.draft import rows as draft_rows  # noqa: E402
from pipelines.annotate.extract import extract  # noqa: E402
from pipelines.annotate.script import Text, plain, read  # noqa: E402
from pipelines.load.contracts import EVIDENCE_MAX_LENGTH  # noqa: E402
from pipelines.load.numbers import value_in_evidence  # noqa: E402

SEEDS, CORPUS = SHARED
TRADITIONAL = ("001", "025", "027")  # written in Traditional already: no Simplified twin to convert
# +pinyin: a note after every second converted character; +pinyin-all: after each (notes split phrases: 藉(jiè)助)
CONVERSIONS = ("s2t", "s2hk", "s2tw", "s2t+pinyin", "s2t+pinyin-all")
# Columns compared as codes or numbers, and columns of written text compared through their Simplified form
CODED = (
    "metric_code",
    "rate_of_metric_code",
    "period_start_year",
    "period_end_year",
    "period_start_month",
    "period_end_month",
    "period_kind",
    "value",
    "status",
    "qualifier",
    "is_year_inferred",
)
WRITTEN = ("unit", "place", "cluster", "subject", "enterprise", "evidence")
# Names that staging resolves to a key by their exact spelling: a pinyin note left in one (南寧(níng)) is a
# difference, for the name resolves to no key
RESOLVED = ("place", "cluster", "enterprise")
PINYIN_EVERY = 2  # a note after every second converted character: a machine conversion leaves them unevenly


@lru_cache(maxsize=4)
def _converter(config: str):
    import opencc

    return opencc.OpenCC(config).convert


def with_pinyin_notes(simplified_text: str, traditional: str, every: int = PINYIN_EVERY) -> str:
    """`traditional` with the pinyin of every `every`-th character that conversion changed written after it
    in parentheses (產業(yè)), as a machine conversion leaves them. Same length texts only (char by char)."""
    from pypinyin import Style, pinyin

    if len(simplified_text) != len(traditional):
        raise ValueError("texts of different lengths")
    out, changed = [], 0
    for source, ch in zip(simplified_text, traditional, strict=True):
        out.append(ch)
        if source != ch:
            changed += 1
            if changed % every == 0:
                out.append(f"({pinyin(source, style=Style.TONE)[0][0]})")
    return "".join(out)


def convert(text: str, conversion: str) -> str:
    config, _, extra = conversion.partition("+")
    traditional = _converter(config)(text)
    if extra == "pinyin-all":
        return with_pinyin_notes(text, traditional, every=1)
    return with_pinyin_notes(text, traditional) if extra == "pinyin" else traditional


def documents() -> dict[str, Path]:
    """Simplified seed and development documents by id (held-out ones are never listed)."""
    return {i: path for i, path in readable((SEEDS, CORPUS)).items() if i[:3] not in TRADITIONAL}


def _read_back(value: str, field: str = "") -> str:
    # a written value is a span of one line: read as one (script.plain), its typesetting spaces as nothing
    if field in RESOLVED and len(plain(value)) != len(value):
        return value  # a pinyin note kept in a name
    return plain(value)


def _key(row: dict[str, str]) -> tuple[str, str]:
    return row["value"], _read_back(row["unit"])


def _over_the_limit(evidence: str, traditional: Text | None) -> bool:
    """The Simplified draft's evidence is longer than the evidence limit where the Traditional text writes it
    (its pinyin notes count: evidence is verbatim): a shorter evidence there is the contract's, no bug."""
    if traditional is None:
        return False
    at = traditional.norm.find(_read_back(evidence))
    if at < 0:
        return False
    end = at + len(_read_back(evidence))
    return traditional.origin[end - 1] + 1 - traditional.origin[at] > EVIDENCE_MAX_LENGTH


def compare(
    simplified_rows: list[dict], traditional_rows: list[dict], traditional: Text | None = None
) -> list[tuple[str, str, str, str]]:
    """(field, figure, Simplified draft's value, Traditional draft's read back) for each differing field; a
    row only one draft has is one difference in field 'row'. Rows are paired in order by value and unit.
    An evidence that the limit of 40 characters forces shorter in the Traditional text (pinyin notes make
    it longer) is no difference."""
    out = []
    left, right = list(map(_key, simplified_rows)), list(map(_key, traditional_rows))
    matcher = difflib.SequenceMatcher(a=left, b=right, autojunk=False)
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag != "equal":
            out += [("row", s["figure_id"], s["evidence"], "") for s in simplified_rows[a0:a1]]
            out += [("row", t["figure_id"], "", _read_back(t["evidence"])) for t in traditional_rows[b0:b1]]
            continue
        for s, t in zip(simplified_rows[a0:a1], traditional_rows[b0:b1], strict=True):
            if len(t["evidence"]) > EVIDENCE_MAX_LENGTH or not value_in_evidence(t["value"], t["evidence"]):
                out.append(("evidence contract", t["figure_id"], "", t["evidence"]))  # raw/figures would refuse it
            for field in CODED:
                if s[field] != t[field]:
                    out.append((field, s["figure_id"], s[field], t[field]))
            for field in WRITTEN:
                if _read_back(s[field], field) != _read_back(t[field], field) and not (
                    field == "evidence" and _over_the_limit(s[field], traditional)
                ):
                    out.append((field, s["figure_id"], s[field], _read_back(t[field], field)))
    return out


def differences(document_id: str, text: str, published: str, reference, conversions=CONVERSIONS) -> dict:
    """conversion -> the differing fields of the document's draft and its Traditional twin's."""
    simplified_rows = draft_rows(extract(text, published, reference), document_id)
    out = {}
    for conversion in conversions:
        traditional = convert(text, conversion)
        traditional_rows = draft_rows(extract(traditional, published, reference), document_id)
        out[conversion] = compare(simplified_rows, traditional_rows, read(traditional))
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show", action="store_true", help="print each differing field")
    args = parser.parse_args()
    raw = REPO / "raw"
    reference = reference_module.load(raw)
    published = published_dates(raw)
    totals: dict[str, Counter] = {c: Counter() for c in CONVERSIONS}
    for document_id, path in documents().items():
        found = differences(document_id, path.read_text(encoding="utf-8"), published[document_id], reference)
        for conversion, diffs in found.items():
            totals[conversion].update(field for field, *_ in diffs)
            if args.show:
                for field, figure, left, right in diffs:
                    print(f"{conversion}\t{figure}\t{field}\t{left!r}\t{right!r}")
    print("| conversion | differing fields | by field |")
    print("|---|---|---|")
    for conversion, counts in totals.items():
        by_field = ", ".join(f"{f} {n}" for f, n in counts.most_common())
        print(f"| {conversion} | {sum(counts.values())} | {by_field} |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
