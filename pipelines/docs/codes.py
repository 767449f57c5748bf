"""docs/codes.md's tables of the catalogue, written from raw/reference (metrics.csv, units.csv,
cue_words.csv), so a metric, unit or cue word added there is documented by running

    python -m pipelines.docs.codes        (or: make codes)

The prose around the tables stays hand-written; each table sits between two markers and is replaced
whole. What a cue word *gives* is the contract's (pipelines/load/contracts.py), so it is said here."""

from __future__ import annotations

import csv
import re
import sys
from pathlib import Path

from ..errors import ClusterdwError, Location

BEGIN = "<!-- generated from raw/reference/{name} by `python -m pipelines.docs.codes`: edit the CSV, not this table -->"
END = "<!-- end of generated table -->"

# What each (cue_kind, code) does to a drafted figure: fixed by the contract's CUE_CODES.
CUE_EFFECTS = {
    ("status", "target"): "the figure is a target: the last status word before the number in its sentence decides",
    ("status", "actual"): "the figure is achieved, even after a target word (已建成)",
    ("period", "average"): "`period_kind` `average`",
    ("period", "cumulative"): "`period_kind` `cumulative`",
    ("period", "stock"): "`period_kind` `as_of`: a stock; a year not stated is the publication year",
    ("period", "flow"): "a count made in the period, not a stock (with neither word near, a count is a stock)",
    (
        "period",
        "occurrence",
    ): "the unit ends in it (人次, 家次, 批次): a count of occurrences in the period, never a stock",
    ("direction", "decrease"): "a rate that fell: its value is written negative",
    ("direction", "reached"): "a change *to* the number (提高到35%): the level reached, no word of change; a bare "
    "percent after it is a share",
    ("direction", "above"): "比江西高40%: a percent above what it is compared with (relative_difference, positive)",
    ("direction", "below"): "比江西少30%: a percent below what it is compared with (relative_difference, negative)",
    ("list", "respectively"): "one value per listed item: the number is not shared by a list",
    # where one (cue_kind, code) does different things by position, the position is part of the key
    ("rank", "exact", "before_ordinal"): "居…第N: a position in a ranking (qualifier exact)",
    ("rank", "at_most", "before_top"): "进入…前N: among the top N (qualifier at_most)",
    ("rank", "exact", "evidence_start"): "where a rank's evidence span may start",
    ("rank", "exact", "field"): "the field of a ranking (保持全区…第一, 储量世界第一) when 第N closes its clause",
    ("furniture", "byline"): "a byline, source or contact line: no number on it is a figure",
    ("furniture", "reader_count"): "a reader count: no figure",
    ("furniture", "page"): "a word opening a page's own line above an article (a forum post's meta, a menu): no head",
    ("unit_guard", "not_a_unit"): "the unit's last character begins a longer word when `not_followed_by` one of its "
    "characters (个人, 项目)",
    ("place_frame", "frame", "before_place"): "the place after it is the field of a ranking, a whole or a "
    "destination, not the figure's place",
    ("place_frame", "frame", "after_implied"): "全区/全市 before it is the field of a comparison (在全区率先)",
    (
        "place_frame",
        "frame",
        "after_place",
    ): "the place before it names a dateline or a body (南宁讯, 广西壮族自治区统计局), "
    "not the figure's place nor the form the document writes the place in",
    ("place_frame", "frame", "title_end"): "a province opening a title or list that ends in it (广西高新技术企业百强, "
    "广西智能制造标杆企业) issues the title: not the place of the city's figures",
    ("place_frame", "comparison", "before_place"): "the place after it is compared with (比江西少30%): the figure "
    "keeps its own place",
    ("place_frame", "comparison", "after_place"): "the place before it is an average or base compared with "
    "(全区平均水平)",
    ("place_frame", "zone", "name_end"): "a park's or development zone's name ends in it (中国电子北海产业园, "
    "南宁东部新城): the zone, not the city in its name, is the place of the figures it opens or follows with 的",
    ("subject", "lead"): "a word before what a count counts that is no part of it (累计实施科技重大专项120个: "
    "科技重大专项)",
    (
        "subject",
        "noun_end",
    ): "what a count counts, written after the number, ends before it (421个贫困村全部出列: 贫困村)",
    ("subject", "pull"): "a pull (拉动全市经济增长18.5个百分点): the subject is the part that pulls, named before it, "
    "not the whole after it",
    ("subject", "metric_noun"): "a product word a volume's metric already says (汽车产量151.9万辆 is "
    "production_vehicles): no subject of its own; a narrower product (新能源汽车) is one, and a growth in a list of "
    "products (钢材增长25.6%,汽车增长15.9%) keeps it",
    ("subject", "honour"): "the list or title after it is what the count counts, as the reviewers write it "
    "(3家企业入选国家质量标杆典型经验: 国家质量标杆典型经验); with none after it, the noun before it",
    (
        "cluster_frame",
        "name",
    ): "ends the name of a company, project or list that a cluster word opens (金海不锈钢有限公司, "
    "石化炼化一体化项目): the name's word, not the figure's cluster",
    ("cluster_frame", "topic"): "around the topic a paragraph opens with (在新能源工程机械上, 在…方面): the "
    "paragraph's figures with no cluster of their own are the topic's, when it holds a cluster word",
    ("cluster_frame", "not_industry"): "a word ending in 业 that names no industry (企业, 工业, 就业): a run of "
    "words ending in it is no new industry's name",
    ("table", "total"): "a table's row label that is the whole of the table (合计, 全市): the document's own place, "
    "no subject, and no cumulative period of its own",
}


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8-sig", newline="") as handle:
        return list(csv.DictReader(handle))


def _number(text: str) -> str:
    """1e14 stays 1e14; 0 stays 0: as the catalogue writes it."""
    return (text or "").strip() or "–"


def metrics_table(rows: list[dict[str, str]]) -> list[str]:
    lines = [
        "| metric_code | 中文 | English | kind | unit measure | fact table | plausible range (base units) |",
        "|---|---|---|---|---|---|---|",
    ]
    for r in rows:
        lines.append(
            f"| `{r['metric_code']}` | {r['name_zh']} | {r['name_en']} | {r['metric_kind']} | "
            f"{r['unit_measure']} | {r['fact_table']} | {_number(r['min_value'])} – {_number(r['max_value'])} |"
        )
    return lines


def units_table(rows: list[dict[str, str]]) -> list[str]:
    by_measure: dict[str, list[str]] = {}
    for r in rows:
        by_measure.setdefault(r["unit_measure"], []).append(f"{r['unit']} ({r['unit_multiplier']})")
    return ["| unit measure | units as written (multiplier) |", "|---|---|"] + [
        f"| `{measure}` | {', '.join(units)} |" for measure, units in by_measure.items()
    ]


def _word(r: dict[str, str]) -> str:
    conditions = []
    if (r.get("not_followed_by") or "").strip():
        conditions.append(f"not followed by {'/'.join(w.strip() for w in r['not_followed_by'].split(';'))}")
    if (r.get("not_preceded_by") or "").strip():
        conditions.append(f"not preceded by {'/'.join(w.strip() for w in r['not_preceded_by'].split(';'))}")
    return r["cue_word"] + (f" ({'; '.join(conditions)})" if conditions else "")


def cue_words_table(rows: list[dict[str, str]]) -> list[str]:
    groups: dict[tuple[str, str, str], list[str]] = {}
    for r in rows:
        groups.setdefault((r["cue_kind"], r["code"], r["position"]), []).append(_word(r))
    lines = ["| `cue_kind` | `code` | `position` | what it gives | words |", "|---|---|---|---|---|"]
    for (kind, code, position), words in groups.items():
        effect = CUE_EFFECTS.get((kind, code, position)) or CUE_EFFECTS.get((kind, code), f"`{kind}` `{code}`")
        lines.append(f"| `{kind}` | `{code}` | `{position}` | {effect} | {', '.join(words)} |")
    return lines


TABLES = {"metrics.csv": metrics_table, "units.csv": units_table, "cue_words.csv": cue_words_table}


def render(project_dir: Path, text: str) -> str:
    """codes.md's text with every generated table written afresh from the project's raw/reference."""
    for name, table in TABLES.items():
        begin = BEGIN.format(name=name)
        pattern = re.compile(re.escape(begin) + r"\n.*?" + re.escape(END), re.DOTALL)
        if not pattern.search(text):
            raise ClusterdwError(
                f"docs/codes.md has no generated table of {name}",
                Location("docs/codes.md"),
                f"put the two marker lines where the table goes: {begin} ... {END}",
            )
        body = "\n".join([begin, *table(_rows(project_dir / "raw" / "reference" / name)), END])
        text = pattern.sub(lambda _, body=body: body, text)
    return text


def main(project_dir: Path) -> Path:
    from ..publish.atomic import write_atomic

    path = project_dir / "docs" / "codes.md"
    write_atomic(path, render(project_dir, path.read_text(encoding="utf-8")))
    return path


if __name__ == "__main__":
    print(f"Wrote {main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path.cwd())}")
