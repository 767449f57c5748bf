"""Rows for raw/reference/places.csv: every county-level place of Guangxi (counties, county-level cities,
districts) with its administrative code, from the offline gazetteer inside JioNLP's wheel
(jionlp/dictionary/china_location.zip, a tab-indented tree: province, prefecture, county, ...).

    pip install jionlp==1.5.31   # only to regenerate; suggest does not import it
    python tools/gazetteer_places.py raw/reference/places.csv   # appends the rows missing (by admin_code)

Short names are written for counties and county-level cities (平果, 武宣), not for districts: a
district's short name (江南, 城中, 港南) is too often a word of another name.
"""

from __future__ import annotations

import csv
import io
import sys
import zipfile
from importlib.util import find_spec
from pathlib import Path

PROVINCE = "450000"


def counties(zip_path: Path) -> list[tuple[str, str, str, str]]:
    """(name, code, short name, parent code) of every county-level place under PROVINCE."""
    with zipfile.ZipFile(zip_path) as archive:
        text = archive.read("china_location.txt").decode("utf-8")
    out, province, prefecture = [], None, None
    for line in io.StringIO(text):
        depth = len(line) - len(line.lstrip("\t"))
        cells = line.strip().split("\t")
        if depth == 0:
            province = cells[1] if len(cells) > 1 else None
        elif depth == 1 and province == PROVINCE:
            prefecture = cells[1] if len(cells) > 1 else None
        elif depth == 2 and province == PROVINCE and len(cells) >= 2:
            out.append((cells[0], cells[1], cells[2] if len(cells) > 2 else "", prefecture))
    return out


def main(places_csv: Path) -> int:
    spec = find_spec("jionlp")
    if spec is None or not spec.submodule_search_locations:
        print("Error: jionlp not installed — pip install jionlp==1.5.31 — needed only to regenerate", file=sys.stderr)
        return 1
    import opencc

    to_traditional = opencc.OpenCC("s2t").convert
    zip_path = Path(spec.submodule_search_locations[0]) / "dictionary" / "china_location.zip"
    with places_csv.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    by_code = {r["admin_code"]: r["place_key"] for r in rows if r["admin_code"]}
    keys = {r["place_key"] for r in rows}
    added = []
    for name, code, short, parent in counties(zip_path):
        if code in by_code or parent not in by_code or name.endswith("市辖区"):
            continue
        level = "district" if name.endswith("区") else "county"
        key = f"gx_{code}"
        if key in keys:
            continue
        short = short if level == "county" and short and len(short) >= 2 and short != name else ""
        added.append(
            [
                key,
                code,
                name,
                to_traditional(name),
                short,
                to_traditional(short) if short else "",
                f"Guangxi county-level place {code}",
                level,
                by_code[parent],
            ]
        )
    with places_csv.open("a", encoding="utf-8", newline="") as handle:
        csv.writer(handle, lineterminator="\n").writerows(added)
    print(f"{len(added)} places added to {places_csv}")
    return 0


if __name__ == "__main__":
    sys.exit(main(Path(sys.argv[1])))
