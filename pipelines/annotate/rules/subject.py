"""What a figure counts or produces, as written, where the metric alone does not say (docs/codes.md,
Subjects): the noun after a count (5372家规模以上工业企业 → 规模以上工业企业), the words before a count's cue
(专精特新企业32家), the product before its volume's cue (钢材产量 → 钢材), a listed product paired with its
value (分别), the set of enterprises an amount is of, and the product a rate of a volume carries. The words
around a noun that are no part of it are cue_kind subject of cue_words.csv (lead, noun_end, honour)."""

from __future__ import annotations

import re

from ..places import IMPLIED
from . import from_to, growth_clause, list_item

# The noun after a count ends before a particle or a word of cue_kind subject, noun_end or honour (421个贫困村
# 全部出列 → 贫困村; 3家企业入选…), read from cue_words.csv
_NOUN_AFTER = r"[\u4e00-\u9fff()]{{2,14}}?(?=[,。;:、!?和及与的在]|$|\s|\d|{})"
# 12家国家级专精特新“小巨人”企业: a quoted name inside the noun; reviewers write it without the marks (raw/figures 028:
# 四张清单重点项目), so the subject drops them
_QUOTES = re.compile(r"[“”‘’\"']")
_QUOTED_NOUN_AFTER = r"[\u4e00-\u9fff()“”‘’\"']{{2,18}}?(?=[,。;:、!?和及与的在]|$|\s|\d|{})"


def _quoted_noun(found: re.Match | None) -> re.Match | None:
    """The noun after a count with a quoted name in it, its quotes paired; None if it holds none."""
    if found is None or not _QUOTES.search(found.group()):
        return None
    marks = _QUOTES.findall(found.group())
    return found if len(marks) % 2 == 0 else None


# The noun before a count: a list's last item ends at 等, so the noun after it is the list's kind (重点实验室、
# 新型研发机构等技术创新平台超过500个 → 技术创新平台)
_NOUN_BEFORE = re.compile(
    r"((?:(?!等)[\u4e00-\u9fff]){2,12}?)(?:数量|总数|总量|数)?(?:达到|达|为|有|超过|超|近|约)?\s*$"
)
# the clause, past its lead words, is one noun before the count (up to 16 characters)
_WHOLE_CLAUSE_NOUN = re.compile(
    r"((?:(?!等)[\u4e00-\u9fff“”‘’]){2,16}?)(?:数量|总数|总量|数)?(?:达到|达|为|有|超过|超|近|约)?\s*"
)
_COUNT_OF_ENTERPRISES = re.compile(r"\d+\s*家")  # 107家重点工业企业
# 总数达827家, 是在2011年5046家: words of no noun (cue_kind subject, code no_noun); 500个以上, 1000多家: a
# qualifier right after the unit, where a noun would be (code not_a_noun)
_NOUN_CODES = ("lead", "noun_end", "honour", "pull", "metric_noun", "no_noun")  # a count's glue: not not_a_noun
# 入选2024年国家质量标杆典型经验, 入围2024广西民营企业100强: the list's year, with its 年 or none (a year of 19xx or
# 20xx right before the title's words)
_DATE_START = re.compile(r"\s*(?:\d{4}\s*年(?:度)?|(?:19|20)\d{2}(?=[\u4e00-\u9fff]))?\s*")
_LEVEL = "级"  # 自治区级龙头企业, 国家级: a place before 级 names a level, part of the noun
# 2015年全市接待游客, 年末全市规上企业: the end of a date (and the year's end or start) is no part of the noun
# 我市, 该县: the document's own place, named by reference; not 自治区, which opens a title the region gives
# (自治区技术创新示范企业)
_OWN_PLACE = tuple(word for word in IMPLIED if word != "自治区")
_DATE_LEFT = re.compile(r"年[末底初]?|[月日份]")
MAX_PRODUCT = 8  # 精制食用植物油: longer, it is a phrase, not a product's name
PRODUCED = (
    "production_tonnes",
    "production_units",
    "production_vehicles",
    "capacity_tonnes",
    "capacity_units",
    "capacity_energy",
    "capacity_power",
    "reserves_tonnes",
)
SOLD = ("sales_units", "sales_vehicles")
AREAS = ("land_area", "area_square_metres")  # 规划面积 and 在建面积 are two areas: the metric alone does not say which
# the area's name right before its number, its clause's words or those after a word that joins or links
# (由规划面积3000亩的…和规划面积4000亩的…: 规划面积 each)
_AREA_NAME = re.compile(
    r"(?:^|(?<=[由的和与及是]))((?:(?![由的和与及是])[\u4e00-\u9fff]){2,12}?)(?:为|达到|达|约|超过|超|近|共)?\s*$"
)
# a count by size tier counts what a cluster count counts (metrics.csv: clusters, industries or chains): 三个千亿级
# 临港产业链 names its chains with 产业链, a cluster count's word, not a tier's (千亿级产业)
COUNTS_LIKE = {"size_tier_count": ("cluster_count",)}
HOLDERS = ("project_count", "platform_count", "park_count")  # 项目, 基地, 园区: what holds a product, not one
RATED = ("rate", "rank", "share")
# 氧化铝增长29.3%, 钢材产量同比增长25.6%: the product opens the clause, before its growth
_PRODUCT_GROWS = re.compile(r"([\u4e00-\u9fff]{1,12}?)(?:年?产量|年?产能)?(?:同比|累计|当月)*(?:增长|下降)")
_SHARE_OF = re.compile(r"占")  # 占全市汽车产量的20%: what follows 占 is the whole a share is of
_INDUSTRY = re.compile(r"[业]$")  # 制造业累计增长0.1%: an industry is a cluster, not a product


def _over_time(reference) -> re.Pattern:
    """比上年净增80家: a change since a past time, no noun of its own (the count before it names what it counts).
    The times are cue_words.csv's time_base rows after a comparison but a stated year (比2015年: never taken
    here)."""
    words = reference.words_of("time_base", position="after_comparison")
    times = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True) if "{" not in w)  # 上年末 before 上年
    return re.compile(rf"(?:比|较)(?:{times or '(?!)'})(?:同期)?净?(?:增加|增|减少|减)?")


def what_is_counted(figure, doc, earlier):
    if figure.subject or figure.at < 0:
        return figure
    metric = doc.reference.metric(figure.metric_code)
    if metric.kind == "count":
        figure.subject = (
            _named_after(figure, doc, metric)
            or _like_the_count_before(figure, doc, earlier)
            or _named_before(figure, doc, metric)
        )
    elif figure.metric_code in AREAS:
        figure.subject = _kind_of_area(doc, figure)
    elif figure.metric_code in PRODUCED + SOLD:
        product = figure.metric_code in PRODUCED and _product_before(
            doc, figure.metric_code, figure.clause[0], figure.at
        )
        product = product or _product_after(doc, figure)
        if product and not _metric_noun(doc, *product):
            figure.subject = doc.text.span(*product)
    return figure


def noun_ends(reference, code: str | None = None) -> str:
    """The regex of the words after a noun that end it (cue_kind subject, position after_noun), each with the
    words after it that cancel it (中 ends 41个大类中的, not 中试基地 or 中小企业: not_followed_by)."""
    words = [c for c in reference.words("subject", "after_noun") if code is None or c.code == code]
    return "|".join(c.regex for c in words) or "(?!)"


def _metric_noun(doc, begin: int, end: int) -> bool:
    """汽车 before 产量…万辆: what the volume's metric already says (cue_kind subject, code metric_noun), no subject
    (docs/codes.md, Subjects: where the metric alone does not say)."""
    return doc.norm[begin:end] in doc.reference.words_of("subject", "metric_noun", "before_noun")


def _kind_of_area(doc, figure) -> str:
    """Which area an area is, where its clause is that area's name (规划面积3000亩, 在建面积2335亩, 绿化改良土地面积
    1200多亩 → as written, its 面积 with it: reviewers write it so); '' for the metric's words alone (占地面积)."""
    norm, cues = doc.norm, doc.reference.metric(figure.metric_code).cues
    opening = after_the_lead(doc, figure.clause[0], figure.at)
    named = _AREA_NAME.search(norm[opening : figure.at])
    if not named or not named.group(1).endswith(cues):
        return ""
    own = named.group(1)
    for cue in sorted(cues, key=len, reverse=True):
        own = own.replace(cue, "")
    start = after_the_lead(doc, opening + named.start(1), opening + named.end(1))
    return doc.text.span(start, opening + named.end(1)) if len(own) >= 2 else ""


def _not_a_noun(reference) -> tuple[str, ...]:
    # 1000多家: a qualifier; 120家增加到356家: a change (a direction word of two or more characters: 高 of
    # 高新技术企业 is none), where a noun would be
    changes = tuple(word for word in reference.words_of("direction") if len(word) > 1)
    return reference.words_of("subject", "not_a_noun", "after_unit") + changes


def _product_after(doc, figure) -> tuple[int, int] | None:
    """The product right after a volume's unit (年产一万台无人机表演机生产任务 → 无人机表演机, 销售超1万台电动工程
    机械产品), ending before the metric's own word (生产) or a noun_end word; none for a qualifier (1000多台),
    a tier (30万吨级) or what holds the product (年产5万吨电池项目: a project, a base)."""
    norm, reference = doc.norm, doc.reference
    ends = "|".join(
        [noun_ends(reference)]
        + [re.escape(c) for c in sorted(reference.metric(figure.metric_code).cues, key=len, reverse=True)]
    )
    at = figure.unit_end
    while at < figure.clause[1] and norm[at].isspace():  # 30 万吨 锂电池材料项目: the spacing is no word
        at += 1
    after = re.compile(_NOUN_AFTER.format(ends)).match(norm, at, figure.clause[1])
    if not after or after.group().startswith(_not_a_noun(reference) + (_LEVEL,)):
        return None
    holders = [c for code in HOLDERS for c in reference.metric(code).cues]
    holders += reference.words_of("capacity", "facility", "after_size")  # 生产线, 工厂, 装置, 厂
    # 年产30万吨锂电池材料项目, 铝合金生产线: what the project, base or line makes is the words before its word
    # (its last word only: 工程 opens 工程机械, a product; 电动工程机械产品 holds nothing)
    word = after.group()
    cut = next((len(word) - len(w) for w in sorted(holders, key=len, reverse=True) if word.endswith(w)), len(word))
    if not 2 <= cut <= MAX_PRODUCT or word[cut - 1] == "的":
        return None
    return after.start(), after.start() + cut


def _named_after(figure, doc, metric) -> str:
    """The noun after a count (5372家规模以上工业企业), ending with the count's own noun (六大主导产业集群基本框架 →
    主导产业集群), or the list after an honour word (3家企业入选…典型经验 → …典型经验)."""
    norm, reference = doc.norm, doc.reference
    after = re.compile(_NOUN_AFTER.format(noun_ends(reference))).match(norm, figure.unit_end, figure.clause[1])
    quoted = _QUOTED_NOUN_AFTER.format(noun_ends(reference))
    after = _quoted_noun(re.compile(quoted).match(norm, figure.unit_end, figure.clause[1])) or after
    cues = metric.cues + tuple(c for code in COUNTS_LIKE.get(metric.code, ()) for c in reference.metric(code).cues)
    named = after and (not cues or any(cue in after.group() for cue in cues))
    if not named or after.group().startswith(_not_a_noun(reference)):
        return ""
    cut = max((after.start() + i + len(c) for c in cues if (i := after.group().rfind(c)) >= 0), default=0)
    named = doc.text.span(after.start(), cut or after.end())
    return _honour_after(doc, after.end(), figure.clause[1]) or _QUOTES.sub("", named)


def _like_the_count_before(figure, doc, earlier) -> str:
    """A count naming nothing, before it since the number before it nor right after it (总数达827家, 、总量突破1万家,
    是在2011年5046家), counts what the count before it in its sentence of the same metric counts."""
    norm = doc.norm
    if re.match(r"[\u4e00-\u9fff]", norm[figure.unit_end : figure.unit_end + 1]) and not norm.startswith(
        _not_a_noun(doc.reference), figure.unit_end
    ):
        return ""  # 18家企业入围…: its own 企业
    since = figure.clause[0]
    for f in reversed(earlier):  # in text order: none before the clause's start is in the clause
        if 0 <= f.at < figure.clause[0]:
            break
        if f.clause == figure.clause and f.at < figure.at:
            since = max(since, f.unit_end)
    # 南宁市拥有…1800家,柳州市拥有1600家: the next item's place is no noun of its own (nor its date, lead words)
    if not _no_noun(doc, norm[after_the_lead(doc, since, figure.at) : figure.at]):
        return ""
    for before in reversed(earlier):
        if before.at < figure.sentence[0]:
            break
        if 0 <= before.at < figure.at and before.metric_code == figure.metric_code:
            return before.subject
    return ""


def _before_a_change(norm: str, start: int, at: int) -> int:
    """Where a change's frame before the number starts (企业由2020年的850家增加到2023年的: at 由), else at: the
    noun before it is what both levels count."""
    words = norm[start:at]
    for opener in ("由", "从"):
        i = words.find(opener)
        if i > 0 and from_to.FROM_TO_GAP.fullmatch(norm, start + i, at):
            return start + i
    return at


def _named_before(figure, doc, metric) -> str:
    """The noun before a count: the whole clause past its lead words when it is one noun (全区新增培育了自治区级
    企业技术中心139家), cut after the count's own noun (有色金属规模以上企业整合至26家 → 有色金属规模以上企业); else
    the last words before the number, where they start a word."""
    norm, lo = doc.norm, figure.clause[0]
    opening = after_the_lead(doc, lo, figure.at)
    whole = _WHOLE_CLAUSE_NOUN.fullmatch(norm, opening, _before_a_change(norm, opening, figure.at))
    if whole:
        ends = [whole.start(1) + i + len(c) for c in metric.cues if (i := whole.group(1).rfind(c)) >= 0]
        if not metric.cues or ends:
            start, end = whole.start(1), max(ends, default=whole.end(1))
            is_noun = end - start >= 2 and not doc.reference.pattern("subject.lead", _lead).fullmatch(norm, start, end)
            is_noun = is_noun and not _no_noun(doc, norm[start:end])  # 达到21家: a verb, no noun
            is_noun = is_noun and len(_QUOTES.findall(norm[start:end])) % 2 == 0  # a quote cut in two: none
            return _QUOTES.sub("", doc.text.span(start, end)) if is_noun else ""
    before = _NOUN_BEFORE.search(norm[lo : figure.at])
    if not before:
        return ""
    found, end = lo + before.start(1), lo + before.end(1)
    if _no_noun(doc, norm[found:end]):
        return ""  # 比上年增加1家: a change since a past time, no noun
    if norm[found - 1 : found].isdigit() and not _DATE_LEFT.match(norm, found):
        return ""  # 投资超10亿元的项目3个: words opening with a number's unit (not a date's 年) are a phrase cut inside
    start = after_the_lead(doc, found, end)
    if _no_noun(doc, norm[start:end]):
        return ""  # 2023年达到58家: past the date, only glue is left (达到), no noun
    # 属规模以上企业: a noun cut inside a word is left for the analyst; 等 ends a list, a new word starts after it
    starts_a_word = start > found or start == lo or not re.match(r"[\u4e00-\u9fff]", norm[start - 1])
    starts_a_word = starts_a_word or norm[start - 1] == "等"
    if (
        starts_a_word
        and end - start >= 2
        and not doc.reference.pattern("subject.lead", _lead).fullmatch(norm, start, end)
    ):
        return doc.text.span(start, end)
    return ""


def _product_before(doc, metric_code: str, lo: int, at: int) -> tuple[int, int] | None:
    """The product named right before its metric's cue word (钢材产量, 铝土矿储量; 新能源汽车累计产量 → 新能源汽车),
    past the date, place and lead words; none when the words end with a verb (上汽通用五菱完成产量: who
    produced, not what)."""
    norm = doc.norm
    cues = list(_cue_of(doc, metric_code).finditer(norm, lo, at))
    if not cues:
        return None
    end = cues[-1].start()
    for cue in reversed(cues[:-1]):  # 保有储量, 探明储量: the metric's words run on, the product ends before them all
        if cue.end() != end:
            break
        end = cue.start()
    run = re.search(r"[\u4e00-\u9fff]+$", norm[lo:end])
    if not run:
        return None
    end -= norm[end - 1 : end] == "年"  # 氧化铝年产量: the year's 年, not the product's
    begin = after_the_lead(doc, lo + run.start(), end)
    begin = _past_the_period_words(doc, begin, end)
    begin = after_the_lead(doc, begin, end)  # 两地合计形成氧化铝产能: a lead word after the period word too
    begin = _past_its_own_verb(doc, metric_code, begin, end)
    if doc.reference.pattern("subject.lead", _lead).fullmatch(norm, begin, end):
        return None  # 全市生产汽车: the words before the cue are only a place or a lead word, no product
    verb = next(
        (w for w in doc.reference.words_of("subject", "noun_end", "after_noun") if norm.endswith(w, 0, end)), ""
    )
    if verb:
        end -= len(verb)
        # 新能源汽车完成生产: a kind of what the metric counts (汽车: subject metric_noun) did it, so it is the
        # product; 上汽通用五菱完成产量: a company did it, who produced, not what
        if not norm[begin:end].endswith(doc.reference.words_of("subject", "metric_noun", "before_noun")):
            return None
    end = _trailing_lead(doc, begin, end)
    begin = _past_the_maker(doc, begin, end)
    if not 2 <= end - begin <= MAX_PRODUCT or norm[end - 1] == "的":
        return None  # …时定下的年产: words ending with 的 describe what follows, no product
    return begin, end


def _past_the_maker(doc, begin: int, end: int) -> int:
    """柳工集团挖掘机销量: a company's name (ending in a name_end word: 集团, 公司) opening the words is who made or
    sold it, not the product, which starts after it (a company's name is the enterprise column's)."""
    if end - begin > MAX_PRODUCT:
        return begin  # 某某集团防城港基地氧化铝: longer, a phrase of maker, site and product (product_alias.py)
    ends = doc.reference.words_of("company", "name_end", "after_place")
    after = max((i + len(w) for w in ends if (i := doc.norm.rfind(w, begin, end)) > begin), default=begin)
    return after if end - after >= 2 else begin


def _past_the_period_words(doc, begin: int, end: int) -> int:
    """两地合计氧化铝: a period word (cue_kind period: 合计, 累计, 现有) inside the words is no part of the product,
    which starts after the last one."""
    words = doc.reference.pattern("subject.period_words", _period_words).finditer(doc.norm, begin, end)
    last = max((found.end() for found in words), default=begin)
    return last if last < end else begin


def _past_its_own_verb(doc, metric_code: str, begin: int, end: int) -> int:
    """已探明铝土矿储量: a cue word of the metric opening the words (探明, 生产) is the verb, not the product's
    first word; the product starts after it."""
    for cue in sorted(doc.reference.metric(metric_code).cues, key=len, reverse=True):
        if doc.norm.startswith(cue, begin) and end - begin - len(cue) >= 2:
            return begin + len(cue)
    return begin


def _period_words(reference) -> re.Pattern:
    return re.compile(reference.alternation("period") or "(?!)")


def _cue_of(doc, metric_code: str) -> re.Pattern:
    words = sorted(doc.reference.metric(metric_code).cues, key=len, reverse=True)
    return re.compile("|".join(map(re.escape, words)) or "(?!)")


def _trailing_lead(doc, begin: int, end: int) -> int:
    """Where a noun ends before a lead word that closes it (新能源汽车累计 → 新能源汽车), else end."""
    for word in doc.reference.words_of("subject", "lead", "before_noun"):
        if end - len(word) > begin + 1 and doc.norm.startswith(word, end - len(word)):
            return end - len(word)
    return end


def _lead(reference) -> re.Pattern:
    """The words before a noun that are no part of it (其中, 累计, 实施): cue_kind subject, code lead or verb, and the
    words that make a figure a goal (力争, 预计, 计划: cue_kind status): 力争培育专精特新企业100家 → 专精特新企业."""
    status = "|".join(c.regex for c in reference.words("status", "before_number")) or "(?!)"
    # 全市有高新技术企业: the verb 有 too (code verb), each word with its guard (not 有色金属's), longest first
    words = [c for c in reference.words("subject", "before_noun") if c.code in ("lead", "verb")]
    leads = "|".join(c.regex for c in words) or "(?!)"
    # 培育了, 实施了: the lead's 了 too; 共培育, 已认定: an adverb of all or done opening the lead word (共 alone is
    # glue of no noun, no lead: 共享); matched at a position: no ^
    return re.compile(f"(?:[共已]?(?:{leads})|{status})了?")


def _honour_after(doc, at: int, clause_end: int) -> str:
    """3家企业入选2024年国家质量标杆典型经验: the list after an honour word (cue_kind subject, code honour) is
    what is counted, as reviewers write it; '' when the honour word is not there or nothing follows it."""
    norm = doc.norm
    honour = re.compile(doc.reference.alternation("subject", "honour", "after_noun")).match(norm, at, clause_end)
    if not honour:
        return ""
    start = _DATE_START.match(norm, honour.end(), clause_end).end()
    title = re.compile(r"[\u4e00-\u9fff0-9A-Za-z()]{2,24}").match(norm, start, clause_end)
    if not title or title.end() != clause_end:
        return ""
    # …升级项目公示名单: the list's own word (a noun_end word) is not what it lists
    ends = re.compile(noun_ends(doc.reference, "noun_end")).search(norm, start + 2, clause_end)
    return doc.text.span(title.start(), ends.start() if ends else title.end())


def after_the_lead(doc, start: int, end: int) -> int:
    """Past the end of a date (年), the places (全市, 港南区, with their 的) and the lead words (其中, 新增)
    before a noun."""
    norm = doc.norm
    names = (*doc.place_names[0], *_OWN_PLACE)
    lead = doc.reference.pattern("subject.lead", _lead)
    joiners = ("、", *doc.reference.words_of("list", "joiner", "between_items"))
    moved = True
    while moved and start < end:
        moved = False
        for pattern in (_DATE_LEFT, lead):
            found = pattern.match(norm, start)
            if found and found.end() < end and not norm.startswith(_LEVEL, found.end()):
                start, moved = found.end(), True
                if start + 1 < end and norm[start] == "的":  # 今年的目标: the time's, no part of the noun
                    start += 1
        if names and norm.startswith(names, start):
            name = next(n for n in names if norm.startswith(n, start))
            if start + len(name) < end and not norm.startswith(_LEVEL, start + len(name)):
                start, moved = start + len(name), True
                if start + 1 < end and norm[start] == "的":  # 靖西的铝土矿储量: the place's, not the product's
                    start += 1
                else:  # 平果和靖西的氧化铝产能: two places joined (list joiner, 、), then what both have
                    joiner = next((j for j in joiners if norm.startswith(j, start)), None)
                    if joiner and norm.startswith(names, start + len(joiner)):
                        start += len(joiner)
    return start


def product_of_a_rate(figure, doc, earlier):
    """A growth, rank or share of a production or sales volume carries its product, as the volume does (docs/codes.md,
    Subjects): 钢材增长25.6% → 钢材, as 钢材产量1700万吨 is; 乘用车、氧化铝产量进入全国前五 → each its item."""
    if figure.subject or figure.at < 0 or figure.rate_of_metric_code not in PRODUCED + SOLD:
        return figure
    if doc.reference.metric(figure.metric_code).kind not in RATED or growth_clause.bare_clause(figure, doc):
        return figure  # 产量131.8万辆,同比增长14.5%: the level's subject (scope.py), not a word of its own
    if figure.cluster and any(note.startswith(list_item.LISTED) for note in figure.notes):
        figure.subject = figure.cluster  # 乘用车、工程机械…产量进入全国前五: the row's own item
        return figure
    norm, start = doc.norm, figure.clause[0]
    product = _product_before(doc, figure.rate_of_metric_code, start, figure.at)
    if product and _SHARE_OF.search(norm, start, product[1]):
        return figure  # 占全市汽车产量的20%: the whole after 占, not the part; subject_share.py names the part
    if (
        product
        and doc.reference.metric(figure.metric_code).kind == "share"
        and _SHARE_OF.search(norm, product[1], figure.at)
    ):
        return figure  # 汽车产量占全国的8%: what is shared and its whole are subject_share.py's (全国汽车产量)
    if product:
        begin, end = product
    elif _cue_of(doc, figure.rate_of_metric_code).search(norm, start, figure.at):
        return figure  # 上汽通用五菱完成产量…增长: who produced, not what
    else:
        grows = _PRODUCT_GROWS.match(norm, after_the_lead(doc, start, figure.at), figure.at)
        if not grows:
            return _rank_of_the_level(figure, doc, earlier)
        begin, end = grows.start(1), grows.end(1)
    begin = after_the_lead(doc, begin, end)
    if end - begin >= 2 and not _INDUSTRY.search(norm, begin, end):
        figure.subject = doc.text.span(begin, end)
    return figure


def _rank_of_the_level(figure, doc, earlier):
    """铝土矿储量达10亿吨,居全国第二: a rank whose clause names no product ranks the volume in the clause before
    it, so carries its product (a share's whole is subject_share.py's)."""
    if doc.reference.metric(figure.metric_code).kind != "rank":
        return figure
    level = growth_clause.level_before(figure, doc, earlier)
    if level is not None and level.metric_code == figure.rate_of_metric_code and level.subject:
        figure.subject = level.subject
    return figure


def _no_noun(doc, words: str) -> bool:
    """Whether the words are only a date, a stock's word, a qualifier, a lead word, a change to the number
    (增加到, 提高至) and glue (总数达, 总量突破, 2011年, 共完成): no noun of their own."""
    reference = doc.reference
    qualifiers = reference.words_of("qualifier", None, "before_number") + reference.words_of(
        "qualifier", None, "after_unit"
    )
    glue = reference.words_of("period") + qualifiers  # (not 上, 数 of before_magnitude: glue only before 百, 千)
    glue += tuple(w for code in _NOUN_CODES for w in reference.words_of("subject", code))
    glue += reference.words_of("direction", "reached")  # 2024年增加到8家: a change to the number, no noun
    glue += reference.words_of("time_base", "earlier")  # 去年同期为36家: a time compared with, no noun
    words = reference.pattern("subject_over_time", _over_time).sub(" ", words)
    for word in sorted(set(glue), key=len, reverse=True):
        words = words.replace(word, " ")
    return not re.search(r"[\u4e00-\u9fff]", re.sub(r"\d+\s*[年月]", " ", words))


def of_the_set_counted(figure, doc, earlier):
    """An amount of the set of enterprises counted before it in its clause, the set doing it: 全市107家重点工业企业
    共完成工业总产值434.15亿元 → 重点工业企业 (the count itself is the scope of the statistic, no figure)."""
    reference = doc.reference
    if figure.subject or figure.at < 0 or reference.metric(figure.metric_code).kind != "level":
        return figure
    norm, start = doc.norm, figure.clause[0]
    ends = noun_ends(reference)
    counted = None
    for number in _COUNT_OF_ENTERPRISES.finditer(norm, start, figure.at):
        counted = re.compile(_NOUN_AFTER.format(ends)).match(norm, number.end(), figure.at) or counted
    if counted is None or not counted.group().endswith(reference.metric("enterprise_count").cues):
        return figure
    between = norm[counted.end() : figure.at]
    for cue in sorted(reference.metric(figure.metric_code).cues, key=len, reverse=True):
        between = between.replace(cue, " ")
    if _no_noun(doc, between):
        figure.subject = doc.text.span(*counted.span())
    return figure


def each_its_item(figure, doc, earlier):
    """能源系统、智慧电驱和电子电控年产能分别达到55.5GWh、185万台套和1780万件: the listed products pair one to one
    with the values after the list word 分别 (cue_kind list), in order, as respectively.py pairs places."""
    if figure.subject or figure.at < 0 or figure.metric_code not in PRODUCED:
        return figure
    norm, start = doc.norm, figure.clause[0]
    word = doc.reference.cue("list", "respectively").search(norm, start, figure.at)
    cue = word and list(_cue_of(doc, figure.metric_code).finditer(norm, start, word.start()))
    if not cue:
        return figure
    opening, end = after_the_lead(doc, start, cue[-1].start()), cue[-1].start()
    end -= norm[end - 1] == "年"  # 电子电控年产能: the year's, not the product's
    items = re.split(r"[、和及与]", norm[opening:end])
    index = sum(1 for f in earlier if word.end() <= f.at < figure.at)
    if len(items) < 2 or index >= len(items) or not all(2 <= len(i) <= MAX_PRODUCT for i in items):
        return figure
    at = opening + sum(len(i) + 1 for i in items[:index])
    figure.subject = doc.text.span(at, at + len(items[index]))
    return figure
