"""The middle of suggest: an ordered list of rules, each applied to one candidate figure.

The shape is sqlglot's optimizer (optimizer/optimizer.py: a RULES tuple, one small module per rule):
extract.py finds each number with its unit and a first guess of every field from the words around it;
then every rule below, in order, takes the figure and the document and returns the figure (with some
fields set or corrected, and a note where it guessed) or None when the number is no figure. Each rule
is tested from its own fixture file, tests/fixtures/suggest/<rule>.txt (`text | published | expected`).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from . import (
    action_years,
    amount_in_a_name,
    amount_of_the_projects,
    anaphor_place,
    annual_capacity,
    another_company,
    answered_question,
    area_of_section,
    average_of_the_plan,
    bare_cue_word,
    body_sets,
    built_capacity,
    change_of_the_amount,
    change_span_end,
    classifier_of_the_noun,
    cluster_after,
    cluster_clause,
    cluster_continued,
    cluster_count,
    cluster_form,
    cluster_group,
    cluster_implied,
    cluster_item,
    cluster_listed,
    cluster_modified,
    cluster_modifier,
    cluster_name,
    cluster_of_noun,
    cluster_part,
    cluster_product,
    cluster_whole,
    company_abbreviation,
    company_anaphor,
    company_continued,
    company_core,
    company_ending,
    company_list,
    company_name,
    company_project,
    company_role,
    company_short,
    company_whole,
    comparison_place,
    compound_noun,
    continued_time,
    copula_place,
    count_between,
    count_continued,
    count_of_occurrences,
    count_of_points,
    count_of_the_lead,
    count_threshold,
    country_opening,
    cue_after,
    done_now,
    economy_growth,
    enterprise_city,
    enterprise_city_by_name,
    estimate_opening,
    estimated,
    event_date,
    evidence_lead,
    evidence_limit,
    facility_year_output,
    following_year,
    frame_of_its_own,
    from_to,
    future_year,
    goal_after_amount,
    goal_done,
    goal_section,
    goal_verb_clause,
    growth_clause,
    growth_of,
    growth_of_the_level_before,
    growth_since_base,
    head_noun,
    heading_topic,
    held_frame,
    held_now,
    held_share_span,
    helps_its_city,
    honour_count,
    in_the_ground,
    industry_name,
    interview_turn,
    kind_of_investment,
    last_quoted_item,
    lead_metric,
    lead_qualifier,
    lead_word,
    level_clause,
    level_noun,
    list_item,
    list_year,
    listed_amounts,
    listed_qualifier,
    listed_rates,
    listed_share,
    listed_values,
    made_in_its_clause,
    measure_of_the_product,
    metric_guard,
    milestone_total,
    month_opening,
    months_done,
    months_to_come,
    more_closing_the_unit,
    nearest_period_cue,
    not_a_figure,
    note_ahead,
    note_below,
    open_target,
    outlook,
    own_cluster,
    part_of_whole,
    passed_deadline,
    past_span_target,
    past_year,
    period_of_what_it_rates,
    place_note,
    points_of_the_rate_before,
    price_named,
    product_alias,
    product_at_the_number,
    product_metric,
    project_investment,
    qualifier_after_noun,
    qualifier_before_verb,
    qualifier_gap,
    qualifier_over_items,
    qualifier_per_year,
    quoted_name,
    range_qualifier,
    rank_clause,
    rank_of_a_growth,
    rank_of_a_share,
    ranked_companies,
    ranked_growth,
    ranked_place,
    rate_after,
    rate_of_a_count,
    rates_of_listed_amounts,
    ratio_metric,
    ratio_part,
    reading_frame,
    region_after,
    relative_difference,
    reporting_year,
    respectively,
    respectively_lead,
    reviewed_years,
    run_in_heading,
    run_together,
    running_year_goal,
    same_count,
    scale_capacity,
    scope,
    scope_count_lead,
    section_place,
    section_year,
    sentence_year,
    set_among,
    set_continued,
    set_doing_it,
    set_of_a_rate,
    share_held_by,
    share_of,
    share_of_stock,
    share_of_the_whole,
    share_shape,
    share_whole,
    shared_target,
    sign,
    since_frame,
    size_of_the_counted,
    size_tier,
    span_total,
    speaker_place,
    stock_in_its_year,
    stock_metric,
    stock_year_inferred,
    sub_year,
    subject,
    subject_alias,
    subject_not_a_place,
    subject_pull,
    subject_shape,
    subject_share,
    table_cell,
    table_rate,
    table_rate_named,
    table_row_part,
    table_total,
    target_after_result,
    target_over_a_span,
    threshold_of_a_set,
    tier_at_range_end,
    tier_cluster,
    tier_of_a_count,
    title_year,
    topic_frame,
    total_of_a_stated_year,
    total_since,
    total_to_date,
    trailing_qualifier,
    undated_share,
    vague_magnitude,
    what_grows,
    whole_economy,
    whole_named_after,
    whole_year,
    whole_year_count,
    written_form,
    year_end_deadline,
    years_passed,
    years_up_to_now,
    zone_lead,
    zone_name,
    zone_named_before,
)

if TYPE_CHECKING:
    from ..extract import Document, Figure

Rule = Callable[["Figure", "Document", list], "Figure | None"]

RULES: tuple[Rule, ...] = (
    not_a_figure.drop,  # 每万人, 每7个, 复核1次, the scope of a statistic: no figures
    threshold_of_a_set.drop,  # 投资超10亿元的项目有6个: the amount says which projects are counted
    count_of_points.drop,  # 主要有三个原因。一是…: the count of the points that follow
    count_between.drop,  # 两个城市之间的物流通道: the parties of a relation, no count
    set_of_a_rate.drop,  # 十种有色金属增长3.9%: the count is the set the rate is of
    set_among.drop,  # 重点监测的25种产品中,有19种…: the set the figures are picked from
    reading_frame.drop,  # 分三大门类看: a count that frames the reading
    quoted_name.drop,  # “打好六大会战,奋战70天”: a count inside a quoted slogan
    ratio_part.drop,  # 每7个贫困人口,就有1个在河池: the part of a ratio
    amount_in_a_name.drop,  # 第一家超百亿元工业企业: the amount is part of what the count counts
    outlook.to_come,  # 建成后年产值可达15亿元, 若保持…可翻一番: what is to come, a target
    year_end_deadline.by_the_year_end,  # 到年底,全市汽车产量有望突破200万辆: a goal for the year's end
    goal_verb_clause.of_its_own_clause,  # 大力培育新兴产业,全区规上工业企业达到56家: 培育's goal is its own clause's
    classifier_of_the_noun.in_its_classifier,  # 企业提质增效四大行动: 4 项, the classifier 行动 is counted in
    sign.keep_sign,  # -0.5 in a table cell is negative
    qualifier_gap.across_glue,  # 占比约为18.05%, 约占全国的30%: the qualifier a verb away from its number
    qualifier_before_verb.opening_the_verb,  # 约可年产30万吨, 每年大约生产30万吨: about the verb's object
    qualifier_per_year.after_the_year,  # 30万吨/年左右: the qualifier after the unit's /年
    trailing_qualifier.said_after_the_list,  # 平果260万吨,靖西200万吨(以上均为约数): the note's about for each
    note_ahead.said_before_the_list,  # 注:以下数据均为约数。\n平果260万吨: the note before the list's about for each
    answered_question.of_the_question,  # 产能大概是多少呢?260万吨。: the answer to a question asking roughly
    note_below.said_under_the_list,  # 平果260万吨\n靖西200万吨\n(以上均为约数): the note under the lines
    estimate_opening.of_the_sentence,  # 据估算,平果氧化铝产能260万吨: an opening that says the amounts are estimated
    vague_magnitude.order_of_magnitude,  # 数百万吨, 几十家, 上百家: about or at least the order of magnitude
    range_qualifier.both_bounds,  # 约200～300万吨, 200-300万吨左右: the range's qualifier for both bounds
    qualifier_after_noun.after_the_noun,  # 260万吨产能左右, 260万吨 左右: the qualifier a noun or space after the unit
    more_closing_the_unit.after_the_unit,  # 增长2倍多, 提高2个百分点多: 多 after a unit that closes its clause
    qualifier_over_items.said_before_the_first_item,  # 产能约有A厂300万吨、…: 约 before the first item's name
    qualifier_over_items.like_the_item_before,  # …、B厂200万吨: the qualifier said before the list's first item
    anaphor_place.of_the_place_named_before,  # 鹿寨县是工业强县。今年以来,该县新增…15家: 该县 is 鹿寨县
    comparison_place.not_the_comparison,  # 比全国高, 全区平均水平: not the figure's place
    copula_place.of_the_place_it_describes,  # 柳州市是广西最大的工业城市,汽车产量达80万辆: 柳州市's
    country_opening.of_the_country_it_opens_with,  # 2023年,全国规上工业增加值增长4.6%: the country's, far from the number
    region_after.not_the_region_after,  # 18家企业入围2024年广西…百强 in 桂林's text: 桂林's count, not 广西's
    speaker_place.of_the_speaker,  # “…产值100亿元。”柳州市柳江区工业和信息化局副局长李哲表示: the speaker's place
    interview_turn.of_the_interviewee,  # 专访象州县委书记 … 王建国:在来宾市委领导下,我们…增长9.1%: the interviewee's place
    body_sets.of_the_body_that_sets_it,  # 自治区政府工作报告提出今年工业投资增长15%: the region's, not the county's
    section_place.of_its_heading,  # 鹿寨县:\n今年以来,新增规上企业10家 in 柳州's text: the section heading's place
    helps_its_city.of_the_city_it_helps,  # 横州市…助力打造千亿级产业集群: the city's goal, not the county's
    respectively.pair_places,  # 南宁、柳州分别为X、Y: one place per value
    respectively.pair_clusters,  # 铝产业和新材料产业产值分别为X和Y: one industry per value
    ranked_companies.each_its_rank,  # A公司、B集团分列第二、第三位: one company per rank
    ranked_companies.named_after_its_rank,  # 第二名:广西梧州中恒集团股份有限公司,营业收入…: the rank's company
    ranked_place.named_after_its_rank,  # 第二名:南宁市,汽车产量10万辆; 排名第一的是北海市: the place after the rank
    company_name.named_before,  # 柳州津晶公司…每台10秒钟: a company an annotation never named, by its name's form
    company_project.of_its_project,  # 恒逸钦州…一期项目…累计完成84亿元: the company that opens the project's name
    company_name.short_name_of_one_before,  # 玉柴…销售收入450亿元 after 广西玉柴集团: the short name it goes by
    company_short.prefix_of_one_named_before,  # 祥云亿航就生产了4000多台 after 广西祥云亿航智能科技有限公司: its short name
    company_abbreviation.abbreviated,  # 柳钢本部钢材产量… after 柳州钢铁集团: its city's and name's first characters
    company_ending.named_by_its_ending,  # 2023年柳钢集团实现营业收入…: a company by its ending, no place opening it
    company_role.named_for_its_role,  # 以南国铜业为龙头…2020年南国铜业实现产值118亿元: a company by the role the text gives it
    company_core.by_its_short_name,  # 玉柴…销售收入450亿元 after 广西玉柴机器集团 in a sentence of no figure: its short name
    company_list.each_its_own,  # 上汽通用五菱完成产量131.8万辆…;东风柳汽完成产量20万辆: a company a ; segment
    company_anaphor.the_one_named_before,  # 工厂提前两个多月完成… after 祥云亿航: the company the clause points back at
    company_continued.of_the_sentence_before,  # 祥云亿航…。“十四五”期间,将力争实现年产3万台: no subject, the company before
    another_company.not_its_city,  # 柳州钢铁集团…第98位,上汽通用五菱…580亿元: 柳州 is the steel group's, not the carmaker's
    enterprise_city.of_its_city,  # 玉柴集团's revenue in a region's list: Yulin's, as annotated elsewhere
    enterprise_city_by_name.of_the_city_its_name_opens_with,  # 玉柴…450亿元 in Guangxi's story: 玉林's, its first character
    company_whole.as_written_whole,  # 广西玉柴集团 where 玉柴集团 was annotated: the name as written, whole
    from_to.later_value_keeps_its_year,  # 由2015年的53位跃升至47位: 47位 is not of 2015
    following_year.year_after_the_one_before,  # 2019年建成投产,次年实现产值12亿元: of 2020, not 2019
    sentence_year.stated_before_the_semicolon,  # 2022年,产值…;增加值102.83亿元: 2022 stated, a ; joins
    years_passed.end_of_the_years_passed,  # 2018年5月,…。经过近三年攻坚,…进入全国前五: of 2020, not 2018
    years_up_to_now.span_to_publication,  # 2018年5月,…。三年来,…增长45% in 2021: of 2018-2021, not 2018
    title_year.taken_from_a_title,  # 《三年行动方案(2021—2023年)》…年均增长20%: years of the plan, inferred
    frame_of_its_own.no_year_from_before,  # 2016年,…。近年来,…年均增长12%: not of 2016
    count_of_occurrences.done_not_held,  # 开展检查860次, 培训1.2万人次: what the period did, not a stock
    whole_year_count.of_the_whole_year,  # 全年专利授权量5600件: the year's flow, not a stock at publication
    reporting_year.year_of_the_report,  # a figure with no year of its own: the year the document reports on
    reviewed_years.years_reviewed,  # 一、过去五年工作回顾: a figure with no year is of the years reviewed
    months_done.done_in_the_months,  # 上半年,全区建成投产项目12个 in July: months ended, an actual
    months_to_come.months_of_this_year,  # 确保上半年…完成223亿元 in June 2024: a goal for 2024's first half
    sub_year.months,  # 1—5月, 一季度, 上半年, 前三季度: part of a year
    month_opening.of_the_opening_month,  # 今年10月,全市规上工业增加值同比增长6%: the month 10
    table_cell.fields,  # a table's cell: place from its row, period and metric from its column
    table_rate.of_its_row,  # 地区生产总值 |\n1200.5 |\n5.5 |: the 5.5 is a growth of the row's amount, gdp
    table_rate_named.from_caption,  # 居民消费价格涨跌幅度 | 比上年增长(%): a price change, not a growth
    table_row_part.of_the_row_above,  # 居民消费价格(%) | 0.3 then 其中:城市 | 0.2: a part of the price above
    table_row_part.of_its_whole,  # 工业增加值(亿元) | 30.2 then 其中:轻工业 | 10.4: of the whole's metric, added_value
    table_total.whole_table,  # 合计, 全市 as a table's row: the whole table's place, no subject
    continued_time.of_the_figures_before,  # 与此同时,…打造了10个千亿元产业: the time of the figures before
    in_the_ground.held_in_the_ground,  # 已查明锰矿资源量2.6亿吨 with no cue word: a reserve, not a year's output
    held_frame.under_a_frame,  # 矿产资源中,锡50万吨 / 已发现矿产145种,其中锡矿120万吨: the frame clause's reserve
    made_in_its_clause.made_not_held,  # 铝土矿储量3亿吨,年开采量1000万吨: the second weight is output, not a reserve
    whole_year.of_the_last_full_year,  # 地区生产总值212.5亿元 in a text of February: the year before
    section_year.year_of_its_section,  # 一、2023年工作回顾: the figures under it that state no year are of 2023
    period_of_what_it_rates.like_the_figure_before,  # 增长8%,增速居全区第3位 in February: the growth's year
    action_years.of_the_action,  # 实施新一轮工业振兴三年行动,保持每年统筹400亿元 in 2024: a yearly average of 2024-2026
    average_of_the_plan.over_the_plan_so_far,  # 年均增长57% of 2025, no span given: 2021-2025, the plan so far
    estimated.ended_year_is_actual,  # 预计 of a year that has ended: a preliminary actual
    goal_done.share_of_the_goal,  # 完成年度目标任务的55%: a share of the goal done, an actual
    past_year.stated_past_year_is_actual,  # 培育方面成效显著,2024年…增长: a stated ended year is a result
    passed_deadline.reached_by_then,  # 到2019年底,…增加到58家 in 2020: a deadline passed, a result
    since_frame.looks_back,  # 今年以来,全市建成投产项目35个: a look back, an actual (力争 after it: a target)
    shared_target.of_the_clause_before,  # 力争A100项以上;推动…,每年完成200项以上: one 力争 for both
    goal_section.targets_under_a_goal,  # 二、主要目标\n全市工业总产值达到1000亿元: a goal, no word of its own
    goal_after_amount.of_the_goal_after_it,  # 向100亿元目标冲刺: the amount is a goal's, a target
    done_now.of_the_publication_year,  # 力争到2025年…,目前已达到320亿元: 320 of publication, an actual
    running_year_goal.of_the_publication_year,  # 全年力争完成投资100亿元 in July 2020: a goal for 2020
    future_year.is_a_target,  # 《…(2021—2023年)》…年均增长20% in 2021: no result of a year to come, a target
    nearest_period_cue.kind_of_the_nearer_word,  # 累计新增526家,总数达827家: 827家 a stock (总数 is nearer)
    span_total.over_the_span,  # 上市200天销量突破20万辆: a total over the 200 days
    total_since.over_the_span_before,  # 2021年以来,…。累计11个集群入选: a total over 2021 to publication
    total_to_date.reached_so_far,  # 累计培育…企业7家 with no span: the count reached, as_of
    milestone_total.reached_past_a_mark,  # 累计产量突破300万辆: a level reached, as_of
    growth_since_base.over_the_years_since_the_base,  # 2020年…比2015年增长37.8%: the growth of 2016-2020
    cue_after.named_after_the_unit,  # 统筹400亿元资金, 年产200万吨氧化铝的生产能力: the cue after the unit
    whole_named_after.named_after,  # 完成120亿元,增长8%,占全市规上工业增加值的35%: value added, its share's whole
    amount_of_the_projects.invested,  # 签约项目85个,签约金额560亿元: the projects' investment
    annual_capacity.of_a_facility,  # 建成年产30万吨…生产线: what a facility can make in a year, a capacity
    facility_year_output.before_the_annual_word,  # 该厂年产电解锰6万吨: a facility's yearly amount, a capacity
    built_capacity.built_or_held,  # 已建成氧化铝200万吨, 一期10万吨已经投产, 可年产200万吨: a capacity, no 产能 written
    head_noun.after_the_unit,  # 生产企业形成1000万吨产能: the noun after the unit, not the 生产 before it
    scale_capacity.before_the_number,  # 项目总规模约30万吨: the scale said before its weight is a capacity
    compound_noun.head_of_the_noun,  # 4个产业园区: parks, not industries; the compound's last noun is its head
    lead_metric.named_in_the_lead,  # 说说电解铝产能。百色150万吨,来宾50万吨: the metric named once before the list
    run_in_heading.named_in_the_heading,  # 1.工业投资。全年完成230亿元: the heading's metric
    lead_qualifier.said_in_the_lead,  # 两地产能大致如下。平果260万吨,靖西200万吨: the lead's 大致 for each
    listed_qualifier.of_the_first_value,  # 分别约为100万吨、200万吨和300万吨: 约 said of every listed value
    listed_values.like_the_value_before,  # 年产能分别达到55.5GWh、185万台套和1780万件: one list, one period and metric
    listed_amounts.each_its_metric,  # 营业收入、利润、税收分别为50亿元、5亿元和3亿元: one metric per value
    rate_after.named_after_the_percent,  # 以12.5%的增速位居全区第一: a growth rate, not a share of 增速
    share_shape.percent_of_a_whole,  # 7.14%的企业, 制品业(15.28%): a share, though no cue word says so
    share_of_the_whole.of_the_whole_named,  # …,占全市规上工业增加值的35%: a share of value added
    listed_share.like_the_share_before,  # 木材加工业(20.13%)、非金属矿物制品业(15.28%): one whole's shares
    list_year.of_the_list_before,  # 在2015年中国企业500强榜单中,…营业收入620亿元: of 2014, the list's data year
    ratio_metric.of_its_parts,  # R&D经费占地区生产总值比重: rd_intensity, a ratio of its own with no rate_of
    relative_difference.compared_with_another,  # 比江西少30%以上: -30, relative to what is compared
    size_tier.count_by_tier,  # 2个产业产值超2000亿元, 三个千亿级产业链: a count by size tier
    tier_of_a_count.drop,  # 打造了10个千亿元产业: the count's tier, no member named, no figure of its own
    tier_at_range_end.tier_held_at_the_end,  # 2021年至2023年…形成3个三千亿: tiers held in 2023
    past_span_target.no_deadline_behind,  # 2021年以来,…;力争打造千亿级产业集群: no deadline, years empty
    target_after_result.no_deadline_of_its_own,  # 2021年…增长15%,我们力争打造百亿元产业 in 2022: no deadline
    sentence_year.goal_year_across_the_semicolon,  # 今年,…:一是…;二是…计划实施项目120个: 今年 for both
    open_target.kind_year,  # 力争每年突破…100项以上 with no years: an open-ended target is kind year
    target_over_a_span.kind_year,  # “十四五”期间,将力争实现年产3万台: a goal, kind year, no total
    same_count.like_the_count_before,  # 新增企业526家,总数达827家: 827家 counts enterprises too
    stock_metric.held_at_a_date,  # 年产200万吨氧化铝的生产能力, 锰矿储量1.2亿吨: capacity, reserves are held, as_of
    honour_count.an_event_of_its_year,  # 南宁6个先进制造业集群入选: the year's selection, not a stock
    total_of_a_stated_year.of_its_year,  # 2023年共计完成投资500亿元: the year's; 2023年末…共计1300家: held
    stock_in_its_year.held_in_the_year,  # 2011年5046家, 截至2015年…整合至26家: a count of what exists, as_of
    stock_year_inferred.dated_by_the_sentence,  # 2024年…完成生产77.6万辆,…累计产量突破300万辆: as of 2024, inferred
    held_now.of_the_publication_year,  # 2018年建成投产,目前年产能达到50万吨: held now, not in 2018
    event_date.held_after_the_event,  # 2018年5月,…考察,…初步形成了六大…集群基本框架: as of publication
    share_of_stock.like_its_whole,  # 占全国的1.4% of enterprises: as of a date, like the count
    size_of_the_counted.like_the_count,  # 新签约项目120个,总投资560亿元: the year's signing, like the count
    undated_share.as_of_publication,  # 羽绒加工量占全国28% with no year in its text: as of publication
    subject.each_its_item,  # 能源系统、智慧电驱和电子电控年产能分别达到55.5GWh、185万台套…: one product each
    product_at_the_number.after_its_verb,  # 平果生产氧化铝260万吨: the product between the verb and the number
    product_at_the_number.of_a_listed_item,  # 年产氧化铝200万吨、电解铝15万吨: the listed item's product
    subject.what_is_counted,  # 5372家规模以上工业企业, 钢材产量: what a count or a volume is of
    subject_not_a_place.like_the_count_before,  # 南宁市上榜企业4家,柳州市2家: 2家 counts 上榜企业, not 柳州市
    count_continued.like_the_count_before,  # 柳州市有15家企业入围,南宁市有8家: the same count's period, another place
    count_of_the_lead.named_in_the_lead,  # 全市专精特新企业中,国家级12家: 国家级专精特新企业
    count_threshold.of_those_over_it,  # 2个产业产值超2000亿元 → 产值超2000亿元的产业: those past the threshold
    area_of_section.of_the_section,  # 羽绒产业片区规划面积为4060亩,目前在建面积2335亩: the section's areas
    product_alias.known_product_before_its_cue,  # 钢铁产业柳钢本部钢材产量: the known product the words end with
    subject.of_the_set_counted,  # 107家重点工业企业共完成工业总产值434.15亿元: the set's amount
    set_doing_it.named_at_the_opening,  # 重点企业完成工业产值85亿元: the set of enterprises doing it
    set_continued.of_the_clause_before,  # …企业实现营业收入1200亿元,…;实现利润60亿元: the same set's
    kind_of_investment.named_at_the_opening,  # 技改投资增长19.7%: which investment, the metric says none
    project_investment.of_its_project,  # 华谊三期已开工…,累计完成投资73亿元: the project's investment
    growth_of.like_the_growth_before,  # 股份制企业累计增长3.0% after 增加值增长1.6%: a growth of value added too
    rate_of_a_count.counted_or_not,  # 汽车产业增长18.5%: 产业 names what grew, no count of industries
    economy_growth.of_the_economy,  # 经济增长5.8%, 拉动经济增长18.5个百分点: a rate of gdp
    subject.product_of_a_rate,  # 钢材增长25.6%, 氧化铝产量进入全国前五: a rate of a volume carries its product
    product_metric.of_its_product,  # 氧化铝增长29.3% after 产量…: 氧化铝 is weighed in tonnes, not counted in vehicles
    subject_pull.part_that_pulls,  # 第二产业…拉动全市经济增长18.5个百分点: the part that pulls
    listed_rates.each_its_level,  # 地区生产总值、居民人均可支配收入分别增长37.8%、43.5%: each rate its item's
    rates_of_listed_amounts.each_its_amount,  # 产销量分别达到160万辆和158万辆,同比分别增长5%和4%: one rate per amount
    scope.of_the_total,  # 规上工业增加值增长8%: 规上工业 is the total's scope, its subject, and its rate's
    metric_guard.not_that_metric,  # 居民人均可支配收入增长8%: no revenue's growth, the subject says what grows
    price_named.the_price_changed,  # 居民消费价格上涨1.5%: which price index changed, as written
    price_named.of_the_price_before,  # 居民消费价格上涨0.3%,其中城市上涨0.2%: a part of that price changed
    price_named.rates_nothing,  # 工业生产者出厂价格 | -2.1: a price change is of no production
    what_grows.named_before_its_growth,  # 水路客货周转量增长8.4%: no catalogue metric, the subject names what grows
    points_of_the_rate_before.like_the_rate_before,  # 经济增速达到6.5%,高于全区1个百分点: gdp's points
    growth_of_the_level_before.named_before_the_amount,  # 财政收入8.6亿元,增长6.1%: the bare growth's noun is the amount's
    level_noun.named_before_its_amount,  # 旅游总消费180多亿元: no catalogue metric, the subject names the amount
    change_of_the_amount.like_the_amount_before,  # 入围门槛为25.6亿元,比上年提高1.2亿元: the threshold's change
    subject_alias.named_at_the_opening,  # 规上工业企业利润总额增长12%: a known subject opens the rate's clause
    scope.like_the_rate_before,  # 同比增长7.1%,比10月份加快4.2个百分点: the same total's change
    bare_cue_word.not_the_metric_word,  # 4个项目 → 项目: the metric's own generic noun, no subject
    subject_shape.no_particle_at_its_edge,  # 41个大类中的34个 → not 个大类中的: a phrase cut, no subject
    own_cluster.named_before_no_other,  # 氧化铝增长29.3%,瓷质砖增长28.8%: 氧化铝 is not 瓷质砖's cluster
    cluster_name.inside_a_name,  # 金海不锈钢有限公司, 石化炼化一体化项目: the name's cluster word, not the figure's
    cluster_clause.named_in_its_clause,  # 形成新能源、化工为核心的产业体系,规上工业总产值…: not 化工's
    whole_economy.no_industry,  # 受汽车产业下滑影响,全市工业增加值下降3%: the whole economy's, no industry's
    cluster_of_noun.opens_the_noun,  # 智能制造标杆企业、…数字化车间149家: the noun's kind, no cluster
    cluster_item.not_a_measure,  # 保持全区工业投资总量、增速第一: listed measures, no clusters
    tier_cluster.named_after_it,  # 打造千亿级产业集群: the tier's cluster named after it
    cluster_part.of_the_part_before,  # 汽车产量达151.9万辆;实现…产值1376.7亿元: the part before's cluster
    cluster_product.not_of_a_product_list,  # 氧化铝增长29.3%,瓷质砖增长28.8%,钢材增长25.6%: a product among products
    cluster_group.not_one_of_a_group,  # 机械、电子信息、医药等行业占比超90%: the group's, no one cluster's
    cluster_whole.its_whole_name,  # 电力、热力、燃气及水生产和供应业: the industry's whole name, not 电力
    cluster_form.as_the_text_names_it,  # 电子信息业, 先进装备制造业: the cluster's word whole, the specific one first
    cluster_modifier.its_kind,  # 规上高技术制造业增加值: 高技术制造业, not the 制造业 it is a kind of
    industry_name.named_as_an_industry,  # 采矿业增加值下降6.9%: a new industry's name, as written
    topic_frame.of_the_paragraph,  # 在新能源工程机械上,…柳工牵头制定了9项标准: the paragraph's topic
    heading_topic.of_the_heading,  # 一、铝产业\n全年产值增长8%: the industry its heading or paragraph opens with
    share_whole.of_the_whole_named,  # 占据广西规上工业企业数20%: a share of the count its whole names
    cluster_implied.of_the_paragraph_before,  # 汽车产量…。\n上汽通用五菱完成产量131.8万辆: the carmaker's, implied
    cluster_continued.of_the_sentence_before,  # …智能家电产业实现产值100亿元。从2020年产值超20亿元: the same cluster
    cluster_count.of_no_one_cluster,  # 钢铁、有色、食品3个三千亿: a count of tiers, of no one cluster
    cluster_after.named_after_the_number,  # 销量突破20万辆,成为…新能源汽车销量纪录…: named only after the number
    cluster_listed.named_in_the_lead,  # 说说两地的氧化铝产能。柳州260万吨: the industry the lead names
    cluster_listed.like_the_item_before,  # …,南宁200万吨: the list's industry, named by its first item
    cluster_modified.by_the_amount_before,  # 增长15%的电子信息产业: the industry the amount describes
    share_of.of_its_own_amount,  # 资产总计占全区的12% after 企业数: not a share of the enterprise count
    share_held_by.of_the_noun_after,  # 占据…企业数20%的农副食品加工和木材加工业企业: the share's holder
    rank_of_a_growth.named_by_its_amount,  # 增加值…增长14%,增速排名贵港市第一: 规模以上工业增加值增速
    ranked_growth.of_the_speed,  # 增速排名贵港市第一, 总量、增速第一: a rank of growth rates
    subject_share.whole_in_front,  # 羽绒加工量占全国28% → 全国羽绒加工量; 列全国第18位 → what the count counts
    measure_of_the_product.in_the_products_measure,  # 氧化铝产能占全国的10%: tonnes, the product's measure (after its subject)
    rank_of_a_share.like_the_share_before,  # 占全国的5.1%,列全国第6位: the share's subject, no whole
    written_form.as_the_document_writes_it,  # 防城港市 in its own sentence as written; else the commonest form
    zone_name.of_the_zone,  # 中电北海产业园园区产值…, 3000亩的中国电子北海产业园: the zone's figure, not the city's
    zone_named_before.of_the_zone_named_before,  # 南宁东部新城…。东部新城要…,建成千亿级产业集群: the zone, no guess
    place_note.said_when_guessed,  # 第二名:南宁市 after a guess from the subject: no guess note where the sentence names it
    level_clause.with_the_clause_it_leans_on,  # 产值544亿元,同比增长33.7%: a bare amount keeps the clause it leans on
    growth_clause.with_its_value,  # 产值达2691.2亿元,增长12.1%: a bare growth's span says what grew
    rank_clause.with_the_clause_before,  # 渗透率达64.9%,位居全国第一: a bare rank's span says what is ranked
    part_of_whole.each_its_span,  # 工业门类涉及41个大类中的34个: 工业门类涉及41个大类 / 41个大类中的34个
    from_to.each_value_its_part,  # 由2015年的53位跃升至47位: 由2015年的53位 and 跃升至47位, one span each
    listed_values.span_from_the_list_cue,  # 增长37.8%、43.5%: a bare listed value's span starts at the list's cue
    list_item.span_from_the_last_item,  # 生产樟脑、冰片、醋酸钠等12个品种: the number's clause starts at the last 、
    last_quoted_item.from_its_quote,  # ‘容缺后补’‘圆桌会议’‘化零为整’三项机制: from the last quoted item
    list_item.span_from_its_item,  # 机械制造、新材料、大健康四大千亿产业: 新材料's row starts at 新材料
    list_item.span_to_its_item_after,  # 千亿级产业集群,将聚焦新能源、…: the span runs from the tier to its item
    respectively_lead.from_the_list_cue,  # 智慧电驱和电子电控年产能分别达到55.5GWh: the span starts at 年产能分别
    held_share_span.without_the_holder,  # 占据…企业数20%的农副食品加工企业: the span ends at the share
    change_span_end.at_its_unit,  # 同比增长近10%创历史新高: a change's span ends at its unit
    run_together.each_its_own,  # 工业投资增长11.4%技改投资增长19.7%: two figures run together, one span each
    scope_count_lead.from_the_verb,  # 全市107家重点工业企业共完成工业总产值434.15亿元: from 共完成
    lead_word.without_the_connective,  # 从2020年产值超20亿元, 围绕…三大核心部件: the span starts after the connective
    evidence_lead.without_the_lead,  # 全区规模以上工业增加值…: the span starts at the figure, not its place
    zone_lead.without_the_zone,  # 港南工业园区羽绒产业片区规划面积为4060亩: not at the zone it is of
    evidence_limit.within_the_contract,  # 產業(yè)…: a span longer than 40 as written (pinyin notes) is cut back
)


def apply(figure: Figure, doc: Document, earlier: list, rules: tuple[Rule, ...] = RULES) -> Figure | None:
    for rule in rules:
        figure = rule(figure, doc, earlier)
        if figure is None:
            return None
    return figure


def apply_all(figures: list, doc: Document, rules: tuple[Rule, ...] = RULES) -> list:
    out: list = []
    for figure in figures:
        kept = apply(figure, doc, out, rules)
        if kept is not None:
            out.append(kept)
    return out
