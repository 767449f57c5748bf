"""Why a reviewer edits a draft's cluster or enterprise: each edit of a found row, by cause.

Drafts the seed and development documents as benchmarks/suggest_loo.py does (a reference without the
strings only the drafted document holds, counting only seed and development documents as the others:
held-out texts are never read here), matches drafted rows to raw/figures the same way, and sorts each
cluster and enterprise edit into a cause:

    cluster   drafted_none   drafted a cluster, gold has none (a whole-economy or all-industry figure)
              missed         none drafted, gold has one (gold's name in the reference or not)
              form           the same cluster key, written otherwise (电子信息 vs 电子信息业)
              wrong          another cluster (gold's name in the sentence before the number, or not)
    enterprise drafted_none / missed / wrong

    python benchmarks/cluster_edits.py [--rows]   (--rows: one line per edit)
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from decimal import Decimal
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import suggest_loo as loo  # noqa: E402

from pipelines.annotate import reference as reference_module  # noqa: E402
from pipelines.annotate.extract import extract  # noqa: E402
from pipelines.annotate.script import read, simplified  # noqa: E402

FOLDERS = (Path("/work/shared/seeds"), Path("/work/shared/corpus"))


def matched(original: str, figures, gold: list[dict]):
    """(gold row, drafted figure) for every gold figure found, as suggest_loo.score pairs them."""
    used: set[int] = set()
    for row in gold:
        value, unit = Decimal(row["value"]), simplified(row["unit"])
        spans, at = [], original.find(row["evidence"])
        while at >= 0:
            spans.append((at, at + len(row["evidence"])))
            at = original.find(row["evidence"], at + 1)
        candidates = [
            i
            for i, f in enumerate(figures)
            if i not in used
            and abs(f.value) == abs(value)
            and simplified(f.unit) == unit
            and (not spans or any(s <= f.number_start < e for s, e in spans))
        ]
        if candidates:
            chosen = ([i for i in candidates if figures[i].cluster == row["cluster"]] or candidates)[0]
            used.add(chosen)
            yield row, figures[chosen]


def cluster_cause(drafted: str, gold: str, figure, doc_norm: str, aliases: dict[str, str]) -> str:
    if not gold:
        return "drafted_none"
    known = "known" if simplified(gold) in aliases else "not_in_reference"
    if not drafted:
        return f"missed ({known})"
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
    raw = loo.REPO / "raw"
    published = {r["document_id"]: r["published"] for r in loo.rows(raw / "documents.csv")}
    ids = []
    paths = {}
    for p in sorted((raw / "figures").glob("*.csv")):
        if loo.group_of(p.stem) == "held-out":
            continue  # never read here
        found = [f / f"{p.stem}.txt" for f in FOLDERS if (f / f"{p.stem}.txt").exists()]
        if found:
            ids.append(p.stem)
            paths[p.stem] = found[0]
    originals = {i: paths[i].read_text(encoding="utf-8") for i in ids}
    copies = {i: read(originals[i]).norm for i in ids}
    full = reference_module.load(raw)
    causes: dict[str, Counter] = {"seed": Counter(), "development": Counter()}
    enterprise: dict[str, Counter] = {"seed": Counter(), "development": Counter()}
    for document_id in ids:
        group = loo.group_of(document_id)
        others = [copies[o] for o in ids if o != document_id]
        ref = loo.held_out_reference(full, copies[document_id], others, raw, document_id)
        figures = extract(originals[document_id], published[document_id], ref)
        gold = loo.rows(raw / "figures" / f"{document_id}.csv")
        for row, figure in matched(originals[document_id], figures, gold):
            if figure.cluster != row["cluster"]:
                cause = cluster_cause(figure.cluster, row["cluster"], figure, copies[document_id], full.clusters)
                causes[group][cause] += 1
                if args.rows:
                    print(
                        f"C {row['figure_id']} {cause}: drafted [{figure.cluster}] gold [{row['cluster']}]"
                        f" | {row['evidence']} | {row['note'][:60]}"
                    )
                    print(
                        f"    subject [{row['subject']}] metric {row['metric_code']} notes {'; '.join(figure.notes)[:150]}"
                    )
                    print("    " + copies[document_id][figure.sentence[0] : figure.at + 12].replace("\n", " / "))
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
