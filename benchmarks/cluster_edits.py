"""Why a reviewer edits a draft's cluster or enterprise: each edit of a found row, by cause.

Drafts the seed and development documents and matches drafted rows to raw/figures as `make bench-suggest`
does (draft_pairs.py), and sorts each
cluster and enterprise edit into a cause:

    cluster   drafted_none   drafted a cluster, gold has none (a whole-economy or all-industry figure)
              missed         none drafted, gold has one (gold's name in the reference or not; where the text
                             writes it: in its sentence before or after the number, earlier in its
                             paragraph, in an earlier paragraph, later, or not at all)
              form           the same cluster key, written otherwise (电子信息 vs 电子信息业)
              wrong          another cluster (gold's name in the sentence before the number, or not)
    enterprise drafted_none / missed / wrong

    python benchmarks/cluster_edits.py [--rows]   (--rows: one line per edit)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from draft_pairs import RAW, drafted_documents  # noqa: E402

from pipelines.annotate import reference as reference_module  # noqa: E402
from pipelines.annotate.script import simplified  # noqa: E402


def where_named(gold: str, figure, doc_norm: str) -> str:
    """Where the text writes the reviewer's cluster, seen from the figure: what a rule would have to read."""
    paragraph = doc_norm.rfind("\n", 0, figure.sentence[0]) + 1
    if gold in doc_norm[figure.sentence[0] : figure.at]:
        return "in its sentence before the number"
    if gold in doc_norm[figure.at : figure.sentence[1]]:
        return "in its sentence after the number"
    if gold in doc_norm[paragraph : figure.sentence[0]]:
        return "earlier in its paragraph"
    if gold in doc_norm[:paragraph]:
        return "in an earlier paragraph"
    return "later in the text" if gold in doc_norm else "not in the text"


def cluster_cause(drafted: str, gold: str, figure, doc_norm: str, aliases: dict[str, str]) -> str:
    if not gold:
        return "drafted_none"
    known = "known" if simplified(gold) in aliases else "not_in_reference"
    if not drafted:
        return f"missed ({known}, {where_named(simplified(gold), figure, doc_norm)})"
    if aliases.get(simplified(drafted)) is not None and aliases.get(simplified(drafted)) == aliases.get(
        simplified(gold)
    ):
        return "form"
    before = doc_norm[figure.sentence[0] : figure.at]
    where = "gold named before" if simplified(gold) in before else "gold not before"
    return f"wrong ({known}, {where})"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", action="store_true", help="one line per edit")
    args = parser.parse_args()
    causes: dict[str, Counter] = {"seed": Counter(), "development": Counter()}
    enterprise: dict[str, Counter] = {"seed": Counter(), "development": Counter()}
    full = reference_module.load(RAW)  # "known": a cluster the whole reference has, before leave-one-out
    for document in drafted_documents():
        group, ref, norm = document.group, document.reference, document.norm
        for row, figure in document.pairs():
            if figure.cluster != row["cluster"]:
                cause = cluster_cause(figure.cluster, row["cluster"], figure, norm, full.clusters)
                causes[group][cause] += 1
                if args.rows:
                    print(
                        f"C {row['figure_id']} {cause}: drafted [{figure.cluster}] gold [{row['cluster']}]"
                        f" | {row['evidence']} | {row['note'][:60]}"
                    )
                    print(
                        f"    subject [{row['subject']}] metric {row['metric_code']} notes {'; '.join(figure.notes)[:150]}"
                    )
                    print("    " + norm[figure.sentence[0] : figure.at + 12].replace("\n", " / "))
            if figure.enterprise != row["enterprise"]:
                cause = "drafted_none" if not row["enterprise"] else "missed" if not figure.enterprise else "wrong"
                known = "" if not row["enterprise"] or simplified(row["enterprise"]) in ref.enterprises else " (new)"
                enterprise[group][cause + known] += 1
                if args.rows:
                    print(
                        f"E {row['figure_id']} {cause}{known}: drafted [{figure.enterprise}] gold "
                        f"[{row['enterprise']}] | {row['evidence']}"
                    )
    for group in ("development", "seed"):
        print(
            f"{group} cluster: {sum(causes[group].values())} — "
            + ", ".join(f"{c} {n}" for c, n in causes[group].most_common())
        )
        print(
            f"{group} enterprise: {sum(enterprise[group].values())} — "
            + ", ".join(f"{c} {n}" for c, n in enterprise[group].most_common())
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
