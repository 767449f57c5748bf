"""suggest: drafting figures from a document, on small texts of the tests' own."""

from __future__ import annotations

import csv
import shutil
from decimal import Decimal
from pathlib import Path

import pytest

from pipelines.annotate import reference
from pipelines.annotate.extract import extract
from pipelines.annotate.numerals import numerals
from pipelines.load.numbers import value_in_evidence

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def known():
    return reference.load(REPO / "raw")


def draft(text: str, known, year: int = 2023):
    return extract(text, year, known)


def one(text: str, known, year: int = 2023):
    figures = draft(text, known, year)
    assert len(figures) == 1, [(f.value, f.unit, f.evidence) for f in figures]
    return figures[0]


# numerals -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "written, value",
    [
        ("1,700", "1700"),
        ("187.3", "187.3"),
        ("十二", "12"),
        ("两千", "2000"),
        ("一万", "10000"),
        ("二〇二四", "2024"),
        ("五百", "500"),
        ("千", "1000"),
    ],
)
def test_numerals_read_arabic_chinese_and_bare_magnitudes(written, value):
    found = numerals(f"共{written}个")
    assert [n.value for n in found] == [Decimal(value)]


def test_a_multiplier_after_digits_stays_with_the_unit(known):
    figure = one("该市新能源汽车产量达1.2万辆。", known)
    assert (figure.value, figure.unit) == (Decimal("1.2"), "万辆")


@pytest.mark.parametrize("sentence, value", [("氧化铝产能达200余万吨。", "200"), ("员工三十多万人。", "30")])
def test_a_magnitude_after_yu_or_duo_stays_with_the_unit(known, sentence, value):
    """200余万吨 is one figure, more than 200 万吨: its 万 is not a number of its own (1 万吨)."""
    figure = one(sentence, known)
    assert (figure.value, figure.qualifier) == (Decimal(value), "more_than")


@pytest.mark.parametrize(
    "sentence, unit",
    [("全市已建成基站1.2万个。", "万个"), ("全市新增市场主体1.2万户。", "万户"), ("全区累计建成基站2.5萬個。", "萬個")],
)
def test_a_count_in_ten_thousands_is_read_whole(known, sentence, unit):
    # 1.2万个 was no figure at all: 万 before a count's unit is that unit's multiplier, as in 万家
    figure = one(sentence, known)
    assert (figure.value, figure.unit) == (Decimal(sentence[sentence.index(unit) - 3 : sentence.index(unit)]), unit)


def test_a_person_after_wan_is_no_count_of_ge(known):
    assert draft("全市新增3万个体工商户。", known) == []


def test_chinese_numerals_with_wan_are_read_whole(known):
    figure = one("工厂去年完成年产一万台无人机的任务。", known)
    assert (figure.value, figure.unit) == (Decimal("10000"), "台")


def test_full_width_digits_are_read_and_written_as_the_document_has_them(known):
    figure = one("全市规上工业企业达到１２３家。", known)
    assert figure.value == Decimal("123")
    assert "１２３家" in figure.evidence


def test_words_with_a_numeral_inside_are_no_figures(known):
    assert draft("推进一批重点项目，坚持统一部署，落实十四五规划。", known) == []


# units ----------------------------------------------------------------------------------------------


def test_the_longest_unit_of_the_reference_wins(known):
    figures = draft("年产能分别达到30GWh、200万台套。", known)
    assert [(f.value, f.unit) for f in figures] == [(Decimal("30"), "GWh"), (Decimal("200"), "万台套")]


@pytest.mark.parametrize("written", ["个亿", "個億"])
def test_a_spoken_hundred_million_is_an_amount_not_a_count(known, written):
    # 投资达到4个亿 (an interview's spoken 亿): 4 hundred million yuan, not 4 items counted in 个
    figure = one(f"全县引进项目投资达到4{written}。", known)
    assert (figure.value, figure.unit, figure.metric_code) == (Decimal("4"), written, "investment")


@pytest.mark.parametrize("written", ["人次", "家次"])
def test_visits_are_read_whole_not_as_people_or_enterprises(known, written):
    # 出动工作人员120人次, 走访企业300家次: visits (as 033 counts 1800万人次), not 120 people
    figure = one(f"全县出动工作人员走访120{written}。", known)
    assert (figure.value, figure.unit) == (Decimal("120"), written)


@pytest.mark.parametrize("written", ["亿千瓦时", "万千瓦时", "億千瓦時"])
def test_kilowatt_hours_are_energy_not_yuan(known, written):
    # 亿 alone is 亿 yuan (units.csv): 亿千瓦时 must be read whole, as energy
    figure = one(f"全市发电量52.3{written}。", known)
    assert (figure.value, figure.unit) == (Decimal("52.3"), written)
    assert known.units[figure.unit.replace("億", "亿").replace("時", "时")] == {"watt_hour"}


def test_a_capacity_in_a_unit_no_capacity_metric_has_says_so(known):
    # the catalogue's 产能 metrics are in tonnes, energy and units; none in vehicles: the guess is flagged
    figure = one("柳州新建汽车产能100万辆。", known)
    assert figure.unit == "万辆"
    assert any("产能" in note and "no such metric" in note for note in figure.notes), figure.notes
    assert not any("no such metric" in n for n in one("年产能200万吨。", known).notes)


def test_more_than_written_inside_the_unit(known):
    figure = one("专业技术人才总量达到12万余人。", known)
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal("12"), "万人", "more_than")
    assert figure.evidence.endswith("12万余人")


def test_size_tiers_take_the_tier_unit_one_row_per_listed_cluster_and_a_size_tier_count(known):
    figures = draft("南宁市将打造新能源、食品加工两个千亿级产业集群。", known, 2026)
    tiers = [f for f in figures if f.unit == "亿级"]
    assert [(f.cluster, f.value, f.qualifier, f.status) for f in tiers] == [
        ("新能源", Decimal("1000"), "at_least", "target"),
        ("食品加工", Decimal("1000"), "at_least", "target"),
    ]
    count = [f for f in figures if f.unit == "个"]
    assert [(f.metric_code, f.value) for f in count] == [("size_tier_count", Decimal("2"))]


@pytest.mark.parametrize(
    "text, items",
    [
        # a lead word before the first item is no part of it (cue_words.csv: list, lead)
        ("柳州市推进螺蛳粉、竹木加工两大千亿元产业集群建设。", ["螺蛳粉", "竹木加工"]),
        # a list after a size tier, opened by a list word (list, opener)
        ("柳州市形成千亿元产业集群,将聚焦汽车、机械、冶金。", ["汽车", "机械", "冶金"]),
        ("柳州市形成千亿元产业集群,重点发展汽车、机械、冶金。", ["汽车", "机械", "冶金"]),
        ("柳州市形成千亿元产业集群,涵盖汽车、机械、冶金。", ["汽车", "机械", "冶金"]),
    ],
)
def test_a_size_tiers_list_is_read_with_the_list_words_of_cue_words(text, items, known):
    tiers = [f for f in draft(text, known, 2024) if f.unit == "亿级"]
    assert [f.cluster for f in tiers] == items


# Traditional script ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, rows",
    [
        ("有色金属冶炼和压延加工业实现产值210.5亿元。", 1),  # one statistical industry's name, not two industries
        ("电力、热力生产和供应业实现增加值50亿元。", 1),
        ("汽车、机械和冶金等行业实现产值800亿元。", 3),  # a list closed by 等: one row per item, as before
    ],
)
def test_an_industrys_name_joined_with_he_is_one_item(known, sentence, rows):
    assert len(draft(sentence, known)) == rows, [(f.value, f.cluster) for f in draft(sentence, known)]


def test_traditional_script_is_matched_through_simplified_and_written_as_it_stands(known):
    figure = one("南寧市去年工業總產值達到1200億元。", known, 2024)
    assert (figure.place, figure.unit, figure.metric_code) == ("南寧市", "億元", "output_value")
    assert figure.evidence == "南寧市去年工業總產值達到1200億元"
    assert (figure.period.end, figure.period.inferred) == (2023, True)


def test_pinyin_left_by_a_conversion_does_not_split_words(known):
    figure = one("南寧市先進(jìn)制造業(yè)集群共6個。", known, 2024)
    assert (figure.place, figure.unit, figure.metric_code) == ("南寧市", "個", "cluster_count")
    assert "(yè)" in figure.evidence or figure.evidence.startswith("集群")


# relative years, targets --------------------------------------------------------------------------------


@pytest.mark.parametrize("word, year", [("今年", 2023), ("去年", 2022), ("上年", 2022), ("过去的一年", 2022)])
def test_relative_years_are_read_against_the_publication_date_and_marked_inferred(known, word, year):
    figure = one(f"{word}柳州市汽车产量达到150万辆。", known, 2023)
    assert (figure.period.start, figure.period.end, figure.period.inferred) == (year, year, True)
    assert word in "; ".join(figure.notes)


def test_explicit_years_and_ranges(known):
    first, second = draft("2021年至2023年，广西规上工业增加值年均增长6.5%。2020 年柳州市产值超 20 亿元。", known)
    assert (first.period.start, first.period.end, first.period_kind, first.period.inferred) == (
        2021,
        2023,
        "average",
        False,
    )
    assert (first.metric_code, first.rate_of_metric_code) == ("growth_rate", "added_value")
    assert (second.period.end, second.qualifier, second.place) == (2020, "more_than", "柳州市")


@pytest.mark.parametrize(
    "sentence, start, end",
    [
        ("二〇一九年，柳州市规上工业总产值增长8%。", 2019, 2019),  # a year in Chinese digits
        ("二○一九年，柳州市规上工业总产值增长8%。", 2019, 2019),  # ○ (a circle) for zero
        ("2019年下半年以来，柳州市工业增加值增长4.5%。", 2019, 2023),  # since a part of a year
        ("2020年6月以来，柳州市工业投资增长9%。", 2020, 2023),
        ("柳州市营业收入是2010年的4.4倍。", 2023, 2023),  # the base of a multiple is no year of the figure
        ("2021年是“十四五”开局之年,柳州市工业总产值增长9%。", 2021, 2021),  # the plan's first year
        ("“十三五”收官之年,柳州市工业总产值增长9%。", 2020, 2020),  # its last
        ("2023年是“十四五”承上启下之年,柳州市工业总产值增长9%。", 2023, 2023),  # a year the plan describes
        ("“十四五”期间,柳州市工业总产值年均增长9%。", 2021, 2025),
        ("“十四五”以来,柳州市累计完成工业投资1000亿元。", 2021, 2023),  # since the plan began: to publication
        # each plan_year word of cue_words.csv: the plan named between, its time before 以来
        ("“十四五”规划的开局之年,柳州市工业总产值增长9%。", 2021, 2021),
        ("“十四五”时期以来,柳州市累计完成工业投资1000亿元。", 2021, 2023),
        ("“十四五”期间以来,柳州市累计完成工业投资1000亿元。", 2021, 2023),
        ("柳州市工业增加值增长12.5%创2015年以来新高。", 2023, 2023),  # a since after it: compared with, no period
        ("该项目自2018年投产以来,累计实现产值100亿元。", 2018, 2023),  # since an event the year dates
        ("2020年5月投产以来,工厂累计生产发动机50万台。", 2020, 2023),
        ("近三年来累计协调解决企业提出的问题800多个。", 2020, 2023),  # the last three years to publication
        ("去年以来,柳州市工业投资增长11%。", 2022, 2023),  # since last year: to publication
        ("2016年至今,柳州市共引进企业40家。", 2016, 2023),  # 至今: since then, as 以来
        ("2017年被列为国家级试点以来,柳州市累计引进企业50家。", 2017, 2023),  # since an event of six characters
        ("从2018年起,柳州市每年投入技改资金1亿元。", 2018, 2023),  # from then on
        ("2019年开始,柳州市累计完成工业投资800亿元。", 2019, 2023),  # from then on, the frame its own clause
        ("近5年,柳州市工业投资年均增长9%。", 2018, 2023),  # the last five years, no 来 closing the clause
        ("柳州市氧化铝目前年产能达到50万吨。", 2023, 2023),  # 目前年产能 holds no 前年 (two years before)
        ("柳州市规模以上年度营业收入超亿元的企业达500家。", 2023, 2023),  # 以上年度 holds no 上年
    ],
)
def test_years_in_chinese_digits_and_since_a_part_of_a_year(known, sentence, start, end):
    figure = one(sentence, known, 2023)
    assert (figure.period.start, figure.period.end) == (start, end), figure.notes


def test_a_target_keeps_the_year_it_states(known):
    figure = one("柳州市力争到2027年汽车产量突破200万辆。", known, 2024)
    assert (figure.status, figure.period.end, figure.period.inferred, figure.qualifier) == (
        "target",
        2027,
        False,
        "more_than",
    )


def test_a_target_without_a_stated_year_gets_none(known):
    figure = one("柳州市力争汽车产量突破200万辆。", known, 2024)
    assert figure.status == "target"
    assert (figure.period.start, figure.period.end) == (None, None)
    assert "target year not stated" in "; ".join(figure.notes)


def test_an_actual_without_a_year_takes_the_publication_year_marked_inferred(known):
    figure = one("柳州市现有规上工业企业1300家。", known, 2025)
    assert (figure.period.end, figure.period.inferred, figure.period_kind, figure.status) == (
        2025,
        True,
        "as_of",
        "actual",
    )


# qualifiers -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "sentence, qualifier",
    [
        ("柳州市产值超500亿元。", "more_than"),
        ("柳州市产值突破500亿元。", "more_than"),
        ("柳州市产值近500亿元。", "nearly"),
        ("柳州市产值约500亿元。", "about"),
        ("柳州市产值500亿元以上。", "at_least"),
        ("柳州市产值500多亿元。", "more_than"),
        ("柳州市产值500亿元左右。", "about"),
        ("柳州市产值不足500亿元。", "less_than"),
        ("柳州市产值500亿元。", "exact"),
        ("柳州市产值不低于500亿元。", "at_least"),  # not 低于 (less_than)
        ("柳州市产值不少于500亿元。", "at_least"),
        ("柳州市产值至少500亿元。", "at_least"),
        ("柳州市产值不高于500亿元。", "at_most"),
        ("柳州市产值500亿元强。", "more_than"),
        ("柳州市产值500亿元弱。", "less_than"),
        ("柳州市产值500亿元上下。", "about"),
        ("柳州市产值500亿元强化产业链。", "exact"),  # 强化 is a word, not 强 after the unit
        ("柳州市产值过500亿元。", "more_than"),
        ("柳州市经过500亿元投资。", "exact"),  # 经过 is no qualifier
    ],
)
def test_qualifiers(known, sentence, qualifier):
    figure = one(sentence, known)
    assert (figure.value, figure.qualifier) == (Decimal("500"), qualifier)
    assert value_in_evidence(figure.value, figure.evidence)


# metrics from the catalogue's cue words ----------------------------------------------------------------


def test_contribution_rate_and_percentage_points(known):
    rate, points = draft("工业对经济增长的贡献率为120.6%，占比提高2.1个百分点。", known)
    assert (rate.metric_code, rate.value) == ("contribution_rate", Decimal("120.6"))
    assert (points.metric_code, points.unit) == ("percentage_point_change", "个百分点")


@pytest.mark.parametrize(
    "sentence, value, metric",
    [
        ("南宁市专精特新企业增长20%,达到85家。", "85", "enterprise_count"),
        ("南宁市引进项目20个,达到150个。", "150", "project_count"),
        ("南宁市专精特新企业增长20%,新建厂房12个。", "12", "item_count"),  # a noun of its own: no carry
    ],
)
def test_a_count_of_only_glue_counts_the_noun_of_the_clause_before(known, sentence, value, metric):
    figure = next(f for f in draft(sentence, known) if f.value == Decimal(value))
    assert figure.metric_code == metric, figure.notes


@pytest.mark.parametrize("sentence", ["南宁市工业用电量环比减少3%。", "南宁市工業用電量環比減少3%。"])
def test_a_month_on_month_decrease_is_negative(known, sentence):
    # 环比 (month on month) was no growth cue, so 减少 was never read beside one: +3
    assert one(sentence, known).value == Decimal("-3")


def test_a_decrease_is_negative(known):
    figure = one("南宁市工业投资同比下降2.5%。", known)
    assert (figure.metric_code, figure.rate_of_metric_code, figure.value) == (
        "growth_rate",
        "industrial_investment",
        Decimal("-2.5"),
    )


@pytest.mark.parametrize(
    "sentence, metric, value",
    [
        ("柳州市城镇化率增长到45.6%。", "urbanisation_rate", "45.6"),  # the rate's own cue, not 增长
        ("柳州市工业增加值占GDP比重下降到30%。", "share", "30"),  # a share reached, not a fall of 30%
        ("柳州市贫困发生率下降至0.5%。", "share", "0.5"),
        ("柳州市工业增速回落至5.2%。", "growth_rate", "5.2"),  # a growth rate that fell to 5.2: still positive
        ("柳州市工业增加值下降2.1%。", "growth_rate", "-2.1"),
    ],
)
def test_a_change_to_a_percent_is_the_level_reached(known, sentence, metric, value):
    figure = one(sentence, known)
    assert (figure.metric_code, figure.value) == (metric, Decimal(value)), figure.notes


@pytest.mark.parametrize(
    "sentence, metric",
    [
        ("柳州市出口额达12.5亿美元。", "export_value_usd"),  # was no figure: no metric was measured in dollars
        ("柳州市实际利用外资3.2亿美元。", "foreign_investment"),
        ("柳州市实现出口12.5亿元。", "export_value"),  # yuan stay yuan: no exchange rate
    ],
)
def test_amounts_in_us_dollars_are_drafted_in_dollars(known, sentence, metric):
    figure = one(sentence, known)
    assert (figure.metric_code, figure.unit) == (metric, "亿元" if metric == "export_value" else "亿美元")


@pytest.mark.parametrize(
    "sentence, metric",
    [("柳州市进口额达到120亿元。", "import_value"), ("柳州市外贸进出口总值500亿元。", "export_value")],
)
def test_imports_are_no_exports(known, sentence, metric):
    # 进口 was no cue: an import amount was guessed an output value (or an export where 出口 stood near)
    assert one(sentence, known).metric_code == metric


@pytest.mark.parametrize(
    "sentence, unit, metric",
    [
        ("园区规划面积为12.5平方公里。", "平方公里", "area_square_metres"),  # was no figure: no unit of area but 亩
        ("新建标准厂房10万平方米。", "万平方米", "area_square_metres"),
        ("园区规划面积3000亩。", "亩", "land_area"),
    ],
)
def test_areas_in_square_metres_are_drafted_apart_from_mu(known, sentence, unit, metric):
    figure = one(sentence, known)
    assert (figure.unit, figure.metric_code) == (unit, metric)


@pytest.mark.parametrize(
    "sentence, metric",
    [
        ("柳州市实现税收收入85亿元。", "tax_revenue"),  # 税收 names the revenue, not 收入 (operating revenue)
        ("柳州市工业产品销售额1000亿元。", "revenue"),  # a sales amount: revenue, not a guessed output value
        ("柳州市批发零售业营业额300亿元。", "revenue"),
    ],
)
def test_the_catalogue_names_tax_and_sales_amounts(known, sentence, metric):
    figure = one(sentence, known)
    assert figure.metric_code == metric, figure.notes


def test_cue_words_are_data_of_the_catalogue(tmp_path):
    raw = tmp_path / "raw"
    shutil.copytree(REPO / "raw" / "reference", raw / "reference")
    (raw / "figures").mkdir()
    text = "柳州市出货5万辆。"
    assert extract(text, 2023, reference.load(raw))[0].metric_code == "production_vehicles"  # no cue: the first
    path = raw / "reference" / "metrics.csv"
    rows = list(csv.DictReader(path.open(encoding="utf-8")))
    for row in rows:
        if row["metric_code"] == "sales_vehicles":
            row["cue_words"] += ";出货"
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    assert extract(text, 2023, reference.load(raw))[0].metric_code == "sales_vehicles"


# page furniture, evidence ----------------------------------------------------------------------------


def test_page_furniture_is_no_figure(known):
    text = (
        "2024年7月10日 09:05 来源:某网\n记者 张三 报道\n1.柳州市汽车集群\n联系电话:0771-6113592\n"
        "阅读 1200次\n柳州市汽车产量达到150万辆。"
    )
    figures = draft(text, known)
    assert [(f.value, f.unit) for f in figures] == [(Decimal("150"), "万辆")]


def test_evidence_is_verbatim_at_most_40_characters_and_holds_the_number(known):
    text = (
        "柳州市以新能源汽车、工程机械、高端装备、新材料、电子信息等为代表的先进制造业发展迅速，"
        "全市规模以上工业企业数量达到一千三百家。"
    )
    figure = one(text, known)
    assert figure.value == Decimal("1300")
    assert figure.evidence in text and len(figure.evidence) <= 40
    assert value_in_evidence(figure.value, figure.evidence)


def test_the_reference_without_a_documents_own_strings(known):
    only_here = "今年全市规上工业企业达到120家"
    kept = known.without(lambda word: word not in only_here)
    assert "企业" not in kept.metric("enterprise_count").cues and "企业" in kept.removed["cue"]
    assert "企业" in known.metric("enterprise_count").cues  # the full reference is left as it was
    figure = one(only_here, kept)
    assert figure.metric_code == "item_count"  # with its cue word gone, the count falls back


def test_evidence_is_the_figures_clause_when_it_fits(known):
    (figure,) = draft("2023年，南宁市规上工业企业研发投入同比增长4.2%，高于全区。", known)
    assert figure.evidence == "南宁市规上工业企业研发投入同比增长4.2%"


def test_each_item_of_a_list_with_numbers_is_its_own_figures_evidence(known):
    first, second = draft("柳州市有6条铁路干线、8条高速公路在此交会。", known)
    assert (first.evidence, second.evidence) == ("柳州市有6条铁路干线", "8条高速公路在此交会")


def test_a_list_item_is_the_span_though_a_line_break_cuts_the_list(known):
    # A PDF's wrapped line: the other items' numbers are on the next line, and still make it a list.
    text = "2023年,广西企业数量占比前五的为:木材加工业(20.13%)、非金属矿物\n\n制品业(15.28%)、汽车制造业(4.0%)。"
    first = next(f for f in draft(text, known) if f.value == Decimal("20.13"))
    assert first.evidence == "木材加工业(20.13%)"


def test_a_footnote_mark_closing_the_clause_is_not_in_the_span(known):
    (growth,) = draft("2023年，广西规上工业增加值增长6.6%⁵。", known)
    assert growth.evidence == "广西规上工业增加值增长6.6%"
    (investment,) = draft("2023年，南宁市投资5亿元建厂房3万m²。", known)
    assert investment.evidence.endswith("m²")  # after a Latin letter: a unit's power, not a note


def test_a_listed_items_span_grows_back_to_its_item_when_the_clause_is_too_long(known):
    text = "广西坚持工业强桂战略推动传统产业转型升级持续壮大了石化、机械、电子、电力等4个产业产值超1000亿元。"
    spans = {f.cluster: f.evidence for f in draft(text, known) if f.value == Decimal("1000")}
    assert spans["机械"] == "机械、电子、电力等4个产业产值超1000亿元"
    assert spans["电力"] == "电力等4个产业产值超1000亿元"  # the list's last item
    # an item before another number is not this number's: 两千亿's list starts after 3个三千亿和 (no row of
    # 钢铁 for it), and its first item's span grows back to that start only
    text = "2023年,全区在工业振兴三年行动中形成钢铁、有色、食品3个三千亿和石化、造纸与木材加工、电力3个两千亿产业。"
    spans = {f.cluster: f.evidence for f in draft(text, known) if f.value == Decimal("2000")}
    assert spans == {
        "石化": "石化、造纸与木材加工、电力3个两千亿产业",
        "造纸与木材加工": "造纸与木材加工、电力3个两千亿产业",
        "电力": "电力3个两千亿产业",
    }


def test_a_rank_clause_held_twice_takes_in_the_clause_before_not_part_of_it(known):
    text = "2024年,南宁市数字化项目25个,占全区的23.4%,排全区第一。南宁市工业投资增长8%,排全区第一。"
    ranks = [f.evidence for f in draft(text, known) if f.unit == "位"]
    assert ranks == ["占全区的23.4%,排全区第一", "南宁市工业投资增长8%,排全区第一"]


def test_a_span_cut_short_from_its_cue_keeps_the_period_word_written_with_it(known):
    # clauses over 40 characters: the span starts at the cue word with its period or status word
    text = "广西北海工业园区由规划面积3000亩的中国电子北海产业园和规划面积4000亩的台湾(北海)电子产业园组成。"
    assert [f.evidence for f in draft(text, known)] == ["规划面积3000亩", "规划面积4000亩"]
    long = "2023年,柳州市汽车产业在新能源汽车转型升级的过程中研发能力和制造能力都进一步提升并完成{}产量187.3万辆。"
    assert one(long.format(""), known).evidence == "完成产量187.3万辆"
    assert one(long.format("了"), known).evidence == "产量187.3万辆"  # 了 is grammar, not such a word


def test_a_number_in_brackets_closes_its_bracket(known):
    text = "2023年,广西的研究与试验发展(R&D)经费投入强度(0.84%)远低于全国平均水平(2.65%)。"
    first = next(f for f in draft(text, known) if f.value == Decimal("0.84"))
    assert first.evidence == "经费投入强度(0.84%)"  # from the name the bracket is of, as 004-040 is reviewed


def test_a_quote_closed_after_the_last_punctuation_is_not_in_the_next_span(known):
    text = "柳州市力争2021年智能家电产业实现产值100亿元。”从2020年产值超20亿元,进而向100亿元目标冲刺。"
    (amount,) = [f for f in draft(text, known) if f.value == Decimal("20")]
    # no ” of the sentence before; the connective 从 is cut too (cue_kind lead, as 002-004 is reviewed)
    assert amount.evidence == "2020年产值超20亿元"


def test_evidence_grows_until_the_document_holds_it_once(known):
    # A clause longer than the 40-character limit: the span grows from the number until it is unique.
    text = "柳州市有6条铁路干线和6条国道在城区交会并且连通了周边的许多县城和乡镇以及好几个重要的工业园区。"
    first, second = draft(text, known)
    assert (first.evidence, second.evidence) == ("6条铁", "6条国")
    assert text.count(first.evidence) == text.count(second.evidence) == 1


def test_a_verb_with_le_reports_an_achieved_figure(known):
    done = [f for f in draft("广西壮大了新能源、新材料等五百亿级新产业。", known) if f.unit == "亿级"]
    assert [f.status for f in done] == ["actual", "actual"]
    goal = [f for f in draft("广西将壮大新能源、新材料等五百亿级新产业。", known) if f.unit == "亿级"]
    assert [f.status for f in goal] == ["target", "target"]


def test_a_multiplier_after_digits_and_a_space_is_no_number_of_its_own(known):
    figure = one("上市 200 天销量突破 20 万辆。", known)
    assert (figure.value, figure.unit, figure.qualifier) == (Decimal("20"), "万辆", "more_than")


def test_items_that_each_have_a_number_share_none(known):
    """氧化铝1010万吨、电解铝218万吨: one figure per number, not 218万吨 for 氧化铝 and 电解铝 both."""
    figures = draft("百色已形成氧化铝1010万吨、电解铝218万吨、铝材加工400万吨的产能规模。", known)
    assert [str(f.value) for f in figures] == ["1010", "218", "400"], [(f.value, f.cluster) for f in figures]


def test_places_listed_with_one_number_share_a_total_not_a_row_each(known):
    figure = one("平果、靖西两地铝产业产值合计超过600亿元。", known)  # one figure, not one per place
    assert (figure.value, figure.cluster) == (Decimal("600"), "铝产业"), figure.notes


def test_the_own_province_is_the_one_the_document_names_most(known):
    text = "在北京召开的会议上，广西代表团介绍了广西的工业。全区规上工业增加值增长6%。"
    figure = one(text, known)
    assert (figure.place, figure.place_key) == ("广西", "guangxi")


def test_a_city_written_before_its_district_is_not_the_subject(known):
    """崇左市江州区 names where 江州区 is: the district's document says 全区 of the district."""
    text = (
        "崇左市江州区县域经济平稳较快发展\n来源:崇左日报\n"
        "1—6月,全区完成地区生产总值65.2亿元。\n在崇左市考核中,崇左市江州区排名第一。"
    )
    (figure,) = [f for f in extract(text, "2020-07-16", known) if f.value == Decimal("65.2")]
    assert (figure.place, figure.place_key) == ("江州区", "jiangzhou"), figure.notes


def test_a_districts_quan_shi_is_its_city(known):
    """In 江州区's document 全区 is the district and 全市 the city it is in, 崇左."""
    text = "崇左市江州区经济运行\n上半年,全市规上工业增加值增长5.2%。全区规上工业企业56家。"
    figures = {str(f.value): f for f in extract(text, "2020-07-16", known)}
    assert (figures["5.2"].place_key, figures["56"].place_key) == ("chongzuo", "jiangzhou")


def test_a_districts_city_named_earlier_is_not_its_later_figures_place(known):
    text = "崇左市江州区经济运行\n江州区召开工业大会,崇左市领导出席。上半年规上工业增加值增长5.2%。"
    figure = one(text, known, 2020)
    assert figure.place_key == "jiangzhou", figure.notes


@pytest.mark.parametrize(
    "text, key",
    [
        ("来宾市武宣县经济运行\n全县规上工业总产值增长25%。全市规上工业增加值增长8%。", "laibin"),  # a 县's 全市
        ("百色市平果市经济运行\n平果市工业总产值增长25%。全市铝产业产值增长8%。", "pingguo"),  # a county-level city's
    ],
)
def test_a_countys_quan_shi_is_its_city_unless_it_is_a_city(known, text, key):
    (figure,) = [f for f in extract(text, "2021-07-24", known) if f.value == Decimal("8")]
    assert figure.place_key == key, figure.notes


def test_the_number_of_a_meeting_is_no_figure(known):
    assert draft("南宁市第十六届人民代表大会第七次会议召开。", known) == []
    figure = one("玉柴集团第18次拿到服务证。", known)
    assert (figure.value, figure.unit) == (Decimal("18"), "次")


@pytest.mark.parametrize(
    "text",
    # a body's meeting and a plenary one (cue_words.csv: meeting body, attendance)
    ["市十五届人大常委会第十次常委会召开。", "自治区第十二次代表大会召开。", "第三次全体会议审议通过。"],
)
def test_the_number_of_a_bodys_or_a_plenary_meeting_is_no_figure(text, known):
    assert draft(text, known) == []


@pytest.mark.parametrize(
    "sentence, value",
    [
        ("港南区羽绒产业片区规划面积为4060亩。", "4060"),
        ("目前在建面积2335亩。", "2335"),
        ("园区项目计划总投资382亿元。", "382"),
    ],
)
def test_an_area_held_and_a_planned_total_are_stocks(known, sentence, value):
    """规划面积, 在建面积, 计划总投资 (period cue words, code stock) are as of a date, not a year's flow."""
    (figure,) = [f for f in extract(sentence, "2023-03-09", known) if str(f.value) == value]
    assert figure.period_kind == "as_of", figure.notes


@pytest.mark.parametrize(
    "sentence, place",
    [
        # 乐业 (乐业县) inside 娱乐业, 大新 (大新县) inside 加大新能源, 江南 (南宁's 江南区) inside a park's name
        ("梧州市文化、体育和娱乐业增加值增长5%。", "梧州市"),
        ("梧州市加大新能源汽车推广,销量增长12%。", "梧州市"),
        ("港南区工业园区江南绿色家居片区规划面积51300亩。", "港南区"),
        # a short name after a mark, a place or 在 stays a place
        ("百色市、平果工业总产值增长9%。", "平果"),
        ("广西横州工业总产值增长7%。", "横州"),  # a park named so (…茉莉花产业园) is the place: rules/zone_name.py
    ],
)
def test_a_short_county_name_inside_another_word_is_no_place(known, sentence, place):
    figure = one(sentence, known)
    assert figure.place == place, figure.notes


def test_a_cue_kind_own_cluster_does_not_know_is_no_glue_word():
    """own_cluster takes its glue words from the cue kinds it names (GLUE_KINDS): a kind added to the
    catalogue later (a name's part, a list's joint) leaves its reading of a clause as it was."""
    import dataclasses

    from pipelines.annotate.reference import CueWord
    from pipelines.annotate.rules import own_cluster

    known = reference.load(REPO / "raw")
    added = dataclasses.replace(
        known, cue_words=known.cue_words + (CueWord("a_kind_added_later", "瓷质砖", "some_code", "in_clause"),)
    )
    assert own_cluster._words(added).pattern == own_cluster._words(known).pattern
    assert not own_cluster._words(added).fullmatch("瓷质砖")


def test_a_result_reported_against_a_plan_is_an_actual(known):
    # 实际 (actually) reports what was done against the plan or goal before it
    planned, done = draft("计划新开工项目50个,实际开工58个。", known)
    assert (planned.status, done.status) == ("target", "actual")
    # 计划的 / 目标的: the plan's, the goal's: a share of it done, no goal stated
    (share,) = [f for f in draft("1—5月完成投资58亿元,完成年度计划的48.3%。", known) if f.unit == "%"]
    assert share.status == "actual"
    (share,) = draft("全区超额完成全年目标的105%。", known)
    assert share.status == "actual"


def test_funds_secured_are_an_actual_and_a_deadline_after_the_same_verb_a_target(known):
    # 争取到 (managed to obtain) reports what was secured; 争取到2025年 is a deadline (到{year}年)
    assert one("全年争取到中央预算内资金12亿元。", known).status == "actual"
    assert one("争取到2025年全市工业总产值达到500亿元。", known).status == "target"


# places: datelines and a region the text never names ------------------------------------------------


@pytest.mark.parametrize(
    "text, value, place",
    [
        # a dateline with its date signs where the report was filed, not what it is about
        ("新华社南宁8月1日电(记者王明)今年上半年,柳州汽车产量达80万辆。全市新能源汽车产量增长30%。", "30", "柳州"),
        ("本报南宁8月1日讯 今年上半年,柳州市汽车产量达80万辆。全市新增企业20家。", "20", "柳州市"),
        ("新華社南寧8月1日電 今年上半年,柳州汽車產量達80萬輛。全市新能源汽車產量增長30%。", "30", "柳州"),
    ],
)
def test_a_dateline_with_its_date_is_no_subject(known, text, value, place):
    figures = [f for f in draft(text, known, 2024) if f.value == Decimal(value)]
    assert [f.place for f in figures] == [place], [(f.value, f.place, f.notes) for f in figures]


@pytest.mark.parametrize(
    "text, value",
    [
        ("本报南宁8月1日讯 今年上半年,全区规上工业增加值增长6%。", "6"),
        ("2023年,全区工业增加值增长6.6%,南宁5.5%、柳州6.1%、桂林4.2%。", "6.6"),
        ("柳州市工业发展。柳州市汽车产量增长5%,全区规上工业增加值增长7%。", "7"),
    ],
)
def test_the_region_of_a_text_that_names_only_its_cities_is_the_cities_region(known, text, value):
    figures = [f for f in draft(text, known, 2024) if f.value == Decimal(value)]
    assert [(f.place, f.place_key) for f in figures] == [("广西", "guangxi")], [(f.place, f.notes) for f in figures]


@pytest.mark.parametrize(
    "text, value, place",
    [
        ("柳州市工业发展。全区工业投资增速第1名为钦州市,柳州市居第5位。", "1", "钦州市"),
        ("2023年,钦州市工业投资增长20%,高于全国平均水平17个百分点。", "17", "钦州市"),
        ("广西工业运行。\n第一名:柳州市,汽车产量190万辆;第二名:南宁市,汽车产量10万辆。", "2", "南宁市"),
    ],
)
def test_place_note_says_a_guess_only_when_it_is_one(known, text, value, place):
    """The place is written beside the figure: no note calls it a guess (raw/README.md, place)."""
    figure = next(f for f in draft(text, known, 2024) if f.value == Decimal(value))
    assert figure.place == place
    guesses = [
        n
        for n in figure.notes
        if "place" in n and ("guess" in n or "not in the sentence" in n or "earlier in the" in n)
    ]
    assert guesses == [], figure.notes


def test_place_note_stays_on_a_guess(known):
    figure = next(f for f in draft("柳州市工业发展。\n今年以来,新增企业20家。", known, 2024) if f.value == 20)
    assert figure.place == "柳州市" and any("place" in n for n in figure.notes), figure.notes


@pytest.mark.parametrize(
    "text, places",
    [
        ("两地产能平果260万吨,靖西200万吨。", {"260": "平果", "200": "靖西"}),
        ("兩地產能平果260萬噸,靖西200萬噸。", {"260": "平果", "200": "靖西"}),
        ("百色市铝产业。产能平果 260万吨。", {"260": "平果"}),
    ],
)
def test_a_short_county_name_right_before_its_number_labels_it(known, text, places):
    """平果 after 产能 runs on from a word (能平果), yet right before a number it is the number's place."""
    drafted = {str(f.value): f.place for f in draft(text, known, 2021)}
    assert {v: drafted.get(v) for v in places} == places, drafted


@pytest.mark.parametrize(
    "text, value, place",
    [
        # a headline's one place, named again below, is the subject though its city is named more often
        (
            "象州县:工业强县建设提速\n近年来,象州县主动融入来宾市工业发展大局。来宾市提出建设工业强市,"
            "来宾市各县区积极作为。今年以来,新增规上企业12家。",
            "12",
            "象州县",
        ),
        (
            "橫州市:茉莉花產業提速\n南寧市大力支持橫州市茉莉花產業。南寧市將茉莉花產業列入重點,南寧市各部門積極作為。"
            "今年茉莉花產業綜合產值達150億元。",
            "150",
            "橫州市",
        ),
        # a headline that is a sentence, or names two places, leaves the count as it was
        (
            "象州县工业强县建设提速。\n来宾市各县区积极作为,来宾市新增企业30家。今年以来,新增规上企业12家。",
            "12",
            "来宾市",
        ),
    ],
)
def test_the_place_a_headline_names_is_the_subject(known, text, value, place):
    figure = next(f for f in draft(text, known, 2024) if f.value == Decimal(value))
    assert figure.place == place, figure.notes


@pytest.mark.parametrize(
    "sentence", ["全市有高新技术企业500家,其中国家级企业20家。", "全區有工業園區50個,其中國家級2個。"]
)
def test_a_place_inside_a_lead_word_is_none(known, sentence):
    # 其中国家级: 中国 runs out of 其中, no mention of the country
    assert all(f.place != "中国" for f in draft(sentence, known)), [f.place for f in draft(sentence, known)]


@pytest.mark.parametrize(
    "text, value, place",
    [
        (
            "广西工业运行。\n今年以来,广西工业稳中有进。南宁、柳州、桂林等市工业增速较快。1—6月,规上工业增加值增长6%。",
            "6",
            "广西",
        ),
        ("广西工业运行。\n今年以来,广西工业稳中有进,柳州和南宁贡献突出。规上工业增加值增长6%。", "6", "广西"),
        ("廣西工業運行。\n今年以來,廣西工業穩中有進,柳州等地貢獻突出。規上工業增加值增長6%。", "6", "廣西"),
        # one place named alone before stays the later figure's place
        ("广西工业运行。\n柳州市工业稳中有进。规上工业增加值增长6%。", "6", "柳州市"),
        # places that each open a clause share out their sentence: the next sentence is none of theirs
        (
            "广西制造业企业50强发布。\n柳州市有15家企业入围,南宁市有8家,桂林市有6家。入围门槛为12.5亿元。",
            "12.5",
            "广西",
        ),
        ("广西制造业企业50强发布。\n柳州市有15家企业入围,南宁市有8家,桂林市有6家。", "6", "桂林市"),
    ],
)
def test_a_list_of_places_in_an_earlier_sentence_is_no_later_figures_place(known, text, value, place):
    figure = next(f for f in draft(text, known, 2024) if f.value == Decimal(value))
    assert figure.place == place, figure.notes
