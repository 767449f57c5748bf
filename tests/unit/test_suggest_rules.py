"""Each rule of pipelines/annotate/rules (RULES), tested from its fixture file
tests/fixtures/suggest/<rule module>.txt, one case a line: `text | published | expected`.

`expected` is one or more groups separated by `|`, each `field=value; field=value` for the drafted
figure whose value is `value=`; a group starting `none` says no figure with that value is drafted.
Fields: value, unit, place, start_year, end_year, inferred (true/false), start_month, end_month, period_kind, status, qualifier, metric,
subject, evidence, rate_of, cluster, enterprise.
`\\n` in a text is a line break. Texts are the tests' own, written like the corpus documents."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.annotate import reference, rules
from pipelines.annotate.extract import extract

REPO = Path(__file__).resolve().parents[2]
FIXTURES = REPO / "tests" / "fixtures" / "suggest"


def rule_modules() -> list[str]:
    return list(dict.fromkeys(rule.__module__.rsplit(".", 1)[1] for rule in rules.RULES))


def cases():
    for module in rule_modules():
        path = FIXTURES / f"{module}.txt"
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
            if line.strip() and not line.startswith("#"):
                text, published, *expected = (part.strip() for part in line.split(" | "))
                yield pytest.param(text.replace("\\n", "\n"), published, expected, id=f"{module}:{number}")


@pytest.fixture(scope="module")
def known():
    return reference.load(REPO / "raw")


def field(figure, name: str) -> str:
    values = {
        "value": figure.value,
        "unit": figure.unit,
        "place": figure.place,
        "status": figure.status,
        "qualifier": figure.qualifier,
        "metric": figure.metric_code,
        "period_kind": figure.period_kind,
        "end_year": figure.period.end,
        "start_year": figure.period.start,
        "inferred": str(figure.period.inferred).lower(),
        "start_month": figure.start_month,
        "end_month": figure.end_month,
        "subject": figure.subject,
        "evidence": figure.evidence,
        "rate_of": figure.rate_of_metric_code,
        "cluster": figure.cluster,
        "enterprise": figure.enterprise,
    }
    value = values[name]
    return "" if value is None else str(value)


def test_every_rule_has_its_fixture_file():
    assert all((FIXTURES / f"{m}.txt").exists() for m in rule_modules()), rule_modules()


@pytest.mark.parametrize("text, published, expected", list(cases()))
def test_rule_case(text, published, expected, known):
    figures = extract(text, published, known)
    drafted = [(str(f.value), f.unit, f.place, f.period.end, f.start_month, f.period_kind, f.status) for f in figures]
    for group in expected:
        absent = group.startswith("none")
        pairs = dict(p.strip().split("=", 1) for p in group.removeprefix("none").split(";") if p.strip())
        value = Decimal(pairs.pop("value"))
        matching = [f for f in figures if f.value == value]
        if absent:
            assert not matching, (group, drafted)
            continue
        assert matching, (group, drafted)
        figure = matching[0]
        for name, want in pairs.items():
            assert field(figure, name) == want, (name, group, drafted, figure.notes)


def test_a_company_keeps_the_city_it_is_named_after_but_not_a_province(known):
    city = extract("广西工业运行平稳。柳州五菱公司产量增长5%。", "2023-05-01", known)
    # (an enterprise no annotation places: 玉柴, placed in Yulin by the annotations, is enterprise_city's case)
    province = extract("南宁工业运行平稳。广西华峰集团销量增长5%。", "2023-05-01", known)
    assert [f.place for f in city] == ["柳州"]
    assert any("company" in note for note in city[0].notes)
    assert [f.place for f in province] == ["南宁"]


def test_a_list_sharing_a_tier_starts_after_the_number_before_it(known):
    """钢铁、有色、食品3个三千亿和石化、…、电力3个两千亿产业: 两千亿 is of the three items after 3个三千亿和,
    not of all five (which drafted 两千亿 again for 钢铁 and 有色)."""
    from pipelines.annotate import enumerations

    norm = "形成钢铁、有色、食品3个三千亿和石化、造纸、电力3个两千亿产业"
    at = norm.index("3个两千亿")
    items = enumerations.items_before(norm, 2, at, [], [], [], known)
    assert [norm[s:e] for s, e in items] == ["石化", "造纸", "电力"], items


def test_and_above_joins_no_two_items(known):
    """中层及以上管理人员平均工资: 及以上 is a bound (and above), no list of 中层 and 以上管理人员 sharing the wage
    (which drafted the wage twice)."""
    from pipelines.annotate import enumerations

    norm = "广西中层及以上管理人员平均工资(222668元/年)"
    assert enumerations.items_before(norm, 0, norm.index("222668"), [], [], [], known) == []
    figures = extract(norm, "2025-01-01", known)
    assert [f.value for f in figures].count(222668) == 1


def test_an_item_with_its_own_number_shares_none(known):
    """由规划面积3000亩的A园和规划面积4000亩的B园组成: 4000亩 is B's alone; with B's name unknown the 和 split
    made 'A园' and '规划' two items sharing it (a duplicate row)."""
    from pipelines.annotate import enumerations

    norm = "广西北海工业园区由规划面积3000亩的中国电子北海产业园和规划面积4000亩"
    park = norm.index("产业园")  # a cluster word the reference knows; 面积 the level cue that ends the last item
    items = enumerations.items_before(norm, 0, norm.index("4000"), [norm.rindex("面积")], [(park, park + 3)], [], known)
    assert items == [], [norm[s:e] for s, e in items]
