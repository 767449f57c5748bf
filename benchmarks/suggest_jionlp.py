"""JioNLP's relative-time parser (offline, inside its wheel) against suggest's hand rules, on the time
expressions the corpus writes, each read against a publication date. JioNLP is no dependency of suggest:
`pip install -e '.[jionlp]'` (jionlp==1.5.31, offline from the package registry) to run this. Result
(2026-12, issue 22): hand rules 14/14, JioNLP 8/14 (1—5月, 1至7月 and 11月份 not parsed, 1-11月 read as
January, 过去一年 as the twelve months before the date) and `import jionlp` takes 1.6-3.4 s, beyond the
whole command's budget: the hand rules stay. Rerun 2026-12-07 with “十四五”以来 added (suggest6): hand
15/15, JioNLP 8/15 (“十四五”以来 not parsed), import 0.47-1.06 s. Its gazetteer is used as data instead
(tools/gazetteer_places.py).

    python benchmarks/suggest_jionlp.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))

from pipelines.annotate import reference  # noqa: E402
from pipelines.annotate.extract import extract  # noqa: E402

# expression, publication date, (start year, start month, end year, end month) wanted
CASES = [
    ("今年", "2021-10-25", (2021, 1, 2021, 12)),
    ("去年", "2022-01-20", (2021, 1, 2021, 12)),
    ("上年", "2021-06-23", (2020, 1, 2020, 12)),
    ("1—5月", "2024-06-20", (2024, 1, 2024, 5)),
    ("1-11月", "2020-12-16", (2020, 1, 2020, 11)),
    ("1至7月", "2015-08-20", (2015, 1, 2015, 7)),
    ("一季度", "2009-04-20", (2009, 1, 2009, 3)),
    ("上半年", "2023-07-20", (2023, 1, 2023, 6)),
    ("前三季度", "2023-10-20", (2023, 1, 2023, 9)),
    ("二季度", "2023-07-20", (2023, 4, 2023, 6)),
    ("2013年1-5月份", "2013-10-28", (2013, 1, 2013, 5)),
    ("11月份", "2020-12-16", (2020, 11, 2020, 11)),
    ("过去一年", "2022-02-10", (2021, 1, 2021, 12)),
    ("2011年以来", "2016-12-16", (2011, 1, 2016, 12)),
    ("“十四五”以来", "2023-06-15", (2021, 1, 2023, 12)),
]


def hand(known) -> list:
    out = []
    for text, base, _ in CASES:
        f = extract(f"{text},全市工业增加值增长5%。", base, known)[0]
        out.append((f.period.start, f.start_month or 1, f.period.end, f.end_month or 12))
    return out


def jionlp() -> tuple[list, float]:
    started = time.perf_counter()
    import jionlp as jio

    imported = time.perf_counter() - started
    out = []
    for text, base, _ in CASES:
        try:
            start, end = jio.parse_time(text, time_base=time.mktime(time.strptime(base, "%Y-%m-%d")))["time"]
            out.append((int(start[:4]), int(start[5:7]), int(end[:4]), int(end[5:7])))
        except Exception as error:  # noqa: BLE001 - what JioNLP cannot parse is a miss, reported
            out.append(f"error {type(error).__name__}")
    return out, imported


def main() -> int:
    wanted = [w for _, _, w in CASES]
    mine = hand(reference.load(REPO / "raw"))
    theirs, imported = jionlp()
    for (text, base, want), a, b in zip(CASES, mine, theirs):
        print(f"{text} @{base}: hand {'ok' if a == want else a}; jionlp {'ok' if b == want else b}")
    print(
        f"hand rules {sum(a == w for a, w in zip(mine, wanted))}/{len(CASES)}; "
        f"jionlp {sum(b == w for b, w in zip(theirs, wanted))}/{len(CASES)}; import jionlp {imported:.2f} s"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
