"""Why a drafted row's evidence differs from the reviewed one, on seed and development documents only.

Drafts each seed and development document and pairs each gold figure with its drafted row as `make
bench-suggest` does (draft_pairs.py), finds both spans in the document around the
figure's number, and sorts every evidence edit by where the spans part:

    start early / late   the draft starts before / after the gold span
    end early / late     the draft ends before / after the gold span
    elsewhere            the two spans do not overlap (or one is not in the document)

and, for each boundary that differs, by the words between the two starts (or ends): a punctuation mark,
a place, a year or period, a cue word of raw/reference/cue_words.csv, a unit, or other words; where the starts
differ, by what the reviewed span starts on (a number, a place, a subject, a cluster, a cue word, other words).

Each edit is also set against the written rule (raw/README.md: the figure's clause, or its own item of a 、 list
that holds other numbers, where it fits in 40 characters, else a shorter span from its cue word):

    gold is the clause        the reviewed span is what the written rule gives: the draft is wrong
    gold cuts the clause      the clause fits, the reviewed span is a part of it (a lead cut, as evidence_lead
                              does, or a cut the written rule does not make: the annotation contradicts it)
    gold crosses the clause   the reviewed span reaches past the clause (a clause before or after taken in)
    clause too long           the clause does not fit: the span is cut short, judged by its words

Held-out documents are never drafted here (issue 22's rule): only their counts are read, from SUGGEST_RESULTS.md.

    python benchmarks/evidence_causes.py [--rows]   (--rows: print every edit, draft -> gold)
"""

from __future__ import annotations

import argparse
import collections
import re
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "benchmarks"))
sys.path.insert(0, str(REPO))

import suggest_loo as loo  # noqa: E402
from draft_pairs import drafted_documents  # noqa: E402

from pipelines.annotate.evidence import LIMIT, _clause_on_line, _own_item  # noqa: E402
from pipelines.annotate.script import read, simplified  # noqa: E402

PUNCTUATION = set(",，;；:：。、()（）“”《》\n ")
PERIOD = re.compile(r"^(\d{4}年|\d{1,2}[—\-~至]\d{1,2}月|\d{1,2}月|今年|去年|上年|全年|同期|年底|年末|累计|末)+$")


def written_rule(text, figure) -> tuple[int, int] | None:
    """The span the written rule gives, in the original (the clause on its line, or its own 、 item), when it
    fits in LIMIT; None when it does not (a shorter span from the cue word is then the rule)."""
    if figure.at < 0:
        return None
    norm = text.norm
    line = (
        norm.rfind("\n", 0, figure.at) + 1,
        len(norm) if norm.find("\n", figure.at) < 0 else norm.find("\n", figure.at),
    )
    start, end = _clause_on_line(norm, _own_item(norm, figure.clause, figure.at, figure.unit_end), line)
    if end <= start or text.origin[end - 1] + 1 - text.origin[start] > LIMIT:
        return None
    return text.origin[start], text.origin[end - 1] + 1


def against_the_rule(g: tuple[int, int] | None, rule: tuple[int, int] | None) -> str:
    if rule is None:
        return "clause too long"
    if g is None:
        return "gold not found"
    if g == rule:
        return "gold is the clause"
    if rule[0] <= g[0] and g[1] <= rule[1]:
        return "gold cuts the clause"
    return "gold crosses the clause"


def around(original: str, span: str, number_start: int) -> tuple[int, int] | None:
    """Where span lies in the document around the number (its first place otherwise); None if absent."""
    found, at = [], original.find(span)
    while at >= 0:
        found.append(at)
        at = original.find(span, at + 1)
    if not found:
        return None
    holding = [a for a in found if a <= number_start < a + len(span)]
    start = (holding or found)[0]
    return start, start + len(span)


def kind_of(words: str, cues: set[str], places: set[str], units: set[str]) -> str:
    """What the words between the two boundaries are."""
    core = simplified(words).strip()
    if not core or all(ch in PUNCTUATION for ch in core):
        return "punctuation"
    bare = core.strip("".join(PUNCTUATION))
    if bare in places or any(bare.startswith(p) and len(bare) - len(p) <= 1 for p in places if len(p) >= 2):
        return "place"
    if PERIOD.match(bare):
        return "period"
    if bare in cues:
        return "cue word"
    if bare in units:
        return "unit"
    if any(cue in bare for cue in cues if len(cue) >= 2):
        return "words with a cue"
    return "other words"


def starts_on(span: str, words: dict[str, set[str]]) -> str:
    """What the reviewed span starts on: a punctuation mark, a number, a place, a subject, a cluster, a cue
    word (of cue_words.csv or a metric's), or other words."""
    core = simplified(span).strip()
    if not core:
        return "nothing"
    if core[0] in PUNCTUATION or core[0] in "‘’「」【】":
        return "punctuation"
    if core[0].isdigit():
        return "number"
    for kind in ("place", "subject", "cluster", "cue word"):
        if any(core.startswith(w) for w in words[kind] if len(w) >= 2):
            return kind
    return "other words"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", action="store_true", help="print every edit, draft -> gold")
    args = parser.parse_args()
    raw = REPO / "raw"
    cues = {simplified(r["cue_word"]) for r in loo.rows(raw / "reference" / "cue_words.csv")}
    places = {
        simplified(r[c])
        for r in loo.rows(raw / "reference" / "places.csv")
        for c in ("name_zh_hans", "short_name_zh_hans")
        if r[c]
    }
    places |= {simplified(r["alias"]) for r in loo.rows(raw / "reference" / "place_aliases.csv") if r.get("alias")}
    places |= {"全区", "全市", "全县", "全省", "全国", "自治区", "本市", "我区", "我市"}
    metric_cues = {
        simplified(w) for r in loo.rows(raw / "reference" / "metrics.csv") for w in r["cue_words"].split(";") if w
    }
    first_words = {
        "place": places,
        "subject": {simplified(r["alias"]) for r in loo.rows(raw / "reference" / "subjects.csv")},
        "cluster": {simplified(r["alias"]) for r in loo.rows(raw / "reference" / "cluster_aliases.csv")},
        "cue word": cues | metric_cues,
    }
    units = {simplified(r["unit"]) for r in loo.rows(raw / "reference" / "units.csv") if r.get("unit")}
    counts: dict[str, collections.Counter] = {"seed": collections.Counter(), "development": collections.Counter()}
    words: dict[str, collections.Counter] = {"seed": collections.Counter(), "development": collections.Counter()}
    rule: dict[str, collections.Counter] = {"seed": collections.Counter(), "development": collections.Counter()}
    first: dict[str, collections.Counter] = {"seed": collections.Counter(), "development": collections.Counter()}
    for document in drafted_documents(raw):
        group, original = document.group, document.original
        text = read(original)
        for (want, figure), (_, got) in zip(document.pairs(), document.row_pairs()):
            if want["evidence"] == got["evidence"]:
                continue
            number = original.find(want["evidence"])
            g = around(original, want["evidence"], max(number, 0))
            number_at = g[0] if g else 0
            d = around(original, got["evidence"], number_at)
            if g and d and not (d[1] <= g[0] or g[1] <= d[0]):
                parts = []
                if d[0] < g[0]:
                    parts.append(f"start early: {kind_of(original[d[0] : g[0]], cues, places, units)}")
                elif d[0] > g[0]:
                    parts.append(f"start late: {kind_of(original[g[0] : d[0]], cues, places, units)}")
                if d[1] < g[1]:
                    parts.append(f"end early: {kind_of(original[d[1] : g[1]], cues, places, units)}")
                elif d[1] > g[1]:
                    parts.append(f"end late: {kind_of(original[g[1] : d[1]], cues, places, units)}")
                for part in parts:
                    words[group][part] += 1
                why = " + ".join(parts)
            else:
                why = "elsewhere"
            counts[group][why] += 1
            verdict = against_the_rule(g, written_rule(text, figure))
            rule[group][verdict] += 1
            if g and d and d[0] != g[0]:
                first[group][starts_on(want["evidence"], first_words)] += 1
            if args.rows:
                print(f"{want['figure_id']} {verdict:24} {why:40} {got['evidence']!r:>44} -> {want['evidence']!r}")
    for group in counts:
        total = sum(counts[group].values())
        print(f"{group}: {total} evidence edits")
        print("  by boundary: " + ", ".join(f"{c} {n}" for c, n in words[group].most_common()))
        print(
            "  where the starts differ, gold starts on: " + ", ".join(f"{c} {n}" for c, n in first[group].most_common())
        )
        print("  against the written rule: " + ", ".join(f"{c} {n}" for c, n in rule[group].most_common()))
        print("  by row: " + ", ".join(f"{c} {n}" for c, n in counts[group].most_common()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
