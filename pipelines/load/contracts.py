"""The declared contract of every raw CSV: its columns, their types and allowed values, its key,
and the rules that tie it to other raw tables. raw/README.md documents the same contracts.

Rules are SQL, run by DuckDB over the typed raw tables, so they cost the same at 200 rows and 10M.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..sql import sql_literal

# The SQL type each contract type is cast to; never guessed from the data.
SQL_TYPES = {
    "text": "varchar",
    "integer": "integer",
    "decimal": "decimal(18, 4)",
    "double": "double",
    "boolean": "boolean",
}

KEY_PATTERN = r"[a-z0-9_]+"
# year_to_date: January through period_end_month (1—5月, 一季度, 上半年, 前三季度); months: a span of
# months of one year that does not start in January (二季度, 5月). Whole-year kinds leave the months empty.
PERIOD_KINDS = ("year", "average", "cumulative", "as_of", "year_to_date", "months")
SUB_YEAR_KINDS = ("year_to_date", "months")
STATUSES = ("actual", "target")
QUALIFIERS = ("exact", "more_than", "at_least", "nearly", "about", "at_most", "less_than")
FIRST_YEAR, LAST_YEAR = 1990, 2050


@dataclass(frozen=True)
class Column:
    name: str
    type: str = "text"
    required: bool = False
    allowed: tuple[str, ...] | None = None
    pattern: str | None = None  # a full match, checked on the text as written
    max_length: int | None = None
    min_value: int | None = None
    max_value: int | None = None
    fix: str | None = None  # how to write a good value, shown with a type error

    @property
    def sql_type(self) -> str:
        return SQL_TYPES[self.type]


@dataclass(frozen=True)
class RowRule:
    """A rule on one typed row: `failing_when` is a SQL predicate, `problem` a SQL string expression."""

    column: str
    failing_when: str
    problem: str
    # A name that breaks the rule on many rows (a new place written 17 times) is told once, at its first
    # row, with the other rows listed: the column whose value groups them.
    once_per: str | None = None


@dataclass(frozen=True)
class Contract:
    table: str  # name of the table in schema raw
    path: str  # file or glob relative to raw/
    columns: tuple[Column, ...]
    key: tuple[str, ...]
    description: str
    rules: tuple[RowRule, ...] = field(default=())
    optional: bool = False  # a missing file loads as an empty table

    @property
    def column_names(self) -> list[str]:
        return [c.name for c in self.columns]


def _text(name: str, required: bool = False, **kw) -> Column:
    return Column(name, "text", required, **kw)


def _key(name: str) -> Column:
    return Column(name, "text", True, pattern=KEY_PATTERN, fix="lowercase letters, digits and _")


def _reference(
    column: str, table: str, key: str, file: str, once_per_name: bool = False, row: str | None = None
) -> RowRule:
    """`row`: the columns after the key of the row that would add the name (offered with the message)."""
    offer = f"; a new one is a row of raw/{file}: {{}},{row}" if row else ""
    return RowRule(
        column,
        f"{column} is not null and {column} not in (select {key} from raw.{table})",
        f"format('unknown {column} ''{{}}'': add it to raw/{file} or correct it{offer}', {column}"
        + (f", {column})" if row else ")"),
        column if once_per_name else None,
    )


_NEW_METRIC = (
    "<name_zh>,<name_en>,<metric_kind>,<unit_measure>,<fact_table>,<min_value>,<max_value>,<description>,<cue_words>"
)


_YEAR = dict(type="integer", required=True, min_value=FIRST_YEAR, max_value=LAST_YEAR)
# A target's years are what the document states, or none (an open-ended target): only actuals need them.
_PERIOD_YEAR = dict(type="integer", min_value=FIRST_YEAR, max_value=LAST_YEAR)
_PERIOD_MONTH = dict(type="integer", min_value=1, max_value=12)
EVIDENCE_MAX_LENGTH = 40
# RE2: a format character (zero-width space, joiner, bidi control, soft hyphen, BOM) between two digits.
INVISIBLE_IN_NUMBER = r"[0-9０-９.．,，]([\p{Cf}])+[0-9０-９]"

_SUB_YEAR_SQL = "('" + "', '".join(SUB_YEAR_KINDS) + "')"

_PUBLISHED = _text("published", True, pattern=r"\d{4}(-\d{2}(-\d{2})?)?", fix="YYYY, YYYY-MM or YYYY-MM-DD")
_NOT_A_DATE = f"'{{}}' is not a date: write a real date as {_PUBLISHED.fix}"

DOCUMENTS = Contract(
    "documents",
    "documents.csv",
    (
        _text("document_id", True, pattern=r"[0-9A-Za-z_\-]+"),
        _text("title", True),
        _text("publisher"),
        _PUBLISHED,
        _text("script", True, allowed=("zh-Hans", "zh-Hant")),
        _text("notes"),
    ),
    ("document_id",),
    "One row per source document.",
    # The pattern lets 2024-02-30 and 2024-13 through: caught here, at load, not by staging's cast.
    rules=(
        RowRule(
            "published",
            f"regexp_full_match(published, {sql_literal(_PUBLISHED.pattern)}) and try_cast(case length(published) "
            "when 4 then published || '-01-01' when 7 then published || '-01' else published end as date) is null",
            f"format({sql_literal(_NOT_A_DATE)}, published)",
        ),
    ),
)

PLACES = Contract(
    "places",
    "reference/places.csv",
    (
        _key("place_key"),
        _text("admin_code", pattern=r"\d{6}", fix="six digits, e.g. 450100"),
        _text("name_zh_hans", True),
        _text("name_zh_hant", True),
        _text("short_name_zh_hans"),
        _text("short_name_zh_hant"),
        _text("name_en", True),
        _text("level", True, allowed=("country", "province", "prefecture", "county", "district", "zone", "region")),
        _text("parent_key", pattern=KEY_PATTERN),
    ),
    ("place_key",),
    "Places: country, province, prefecture-level cities, counties, districts, zones.",
    rules=(_reference("parent_key", "places", "place_key", "reference/places.csv"),),
)

PLACE_ALIASES = Contract(
    "place_aliases",
    "reference/place_aliases.csv",
    (_text("alias", True), _key("place_key"), _text("note")),
    ("alias",),
    "Other names of places, beyond those in places.csv.",
    rules=(_reference("place_key", "places", "place_key", "reference/places.csv"),),
)

CLUSTERS = Contract(
    "clusters",
    "reference/clusters.csv",
    (
        _key("cluster_key"),
        _text("name_zh_hans", True),
        _text("name_zh_hant", True),
        _text("name_en", True),
        _text(
            "cluster_type",
            True,
            allowed=(
                "advanced_manufacturing_cluster",
                "target_cluster",
                "pillar_industry",
                "industry",
                "industry_chain",
            ),
        ),
        _text("recognised_by"),
        Column("recognised_year", "integer", min_value=FIRST_YEAR, max_value=LAST_YEAR),
        _text("parent_cluster_key", pattern=KEY_PATTERN),
        _text("note"),
    ),
    ("cluster_key",),
    "Clusters, industries and industrial chains.",
    rules=(_reference("parent_cluster_key", "clusters", "cluster_key", "reference/clusters.csv"),),
)

CLUSTER_ALIASES = Contract(
    "cluster_aliases",
    "reference/cluster_aliases.csv",
    (_text("alias", True), _key("cluster_key")),
    ("alias",),
    "Every way a figure's cluster column writes a cluster.",
    rules=(_reference("cluster_key", "clusters", "cluster_key", "reference/clusters.csv"),),
)

CLUSTER_MEMBERS = Contract(
    "cluster_members",
    "reference/cluster_members.csv",
    (_key("cluster_key"), _key("place_key"), Column("member_order", "integer", True, min_value=1, max_value=1000)),
    ("cluster_key", "place_key"),
    "Member cities of clusters, in the order listed.",
    rules=(
        _reference("cluster_key", "clusters", "cluster_key", "reference/clusters.csv"),
        _reference("place_key", "places", "place_key", "reference/places.csv"),
    ),
)

# What a figure counts or produces (规上工业企业, 钢材), as documents write it, resolved to one key.
SUBJECTS = Contract(
    "subjects",
    "reference/subjects.csv",
    (_text("alias", True), _key("subject_key"), _text("name_en", True), _text("note")),
    ("alias",),
    "Every way a figure's subject column writes what it counts or produces, resolved to a subject key.",
    optional=True,
)

# Which industries (as figures name them) make up each recognised cluster: the roll-up of figures to clusters.
CLUSTER_INDUSTRIES = Contract(
    "cluster_industries",
    "reference/cluster_industries.csv",
    (_key("cluster_key"), _key("industry_cluster_key"), _text("note")),
    ("industry_cluster_key",),
    "Industries a recognised cluster is made of (an industry belongs to one recognised cluster at most).",
    rules=(
        _reference("cluster_key", "clusters", "cluster_key", "reference/clusters.csv"),
        RowRule(
            "cluster_key",
            "cluster_key in (select cluster_key from raw.clusters "
            "where cluster_type <> 'advanced_manufacturing_cluster')",
            "format('''{}'' is not a recognised cluster (cluster_type advanced_manufacturing_cluster in "
            "reference/clusters.csv): only those are made of industries here', cluster_key)",
        ),
        _reference("industry_cluster_key", "clusters", "cluster_key", "reference/clusters.csv"),
    ),
    optional=True,
)

METRICS = Contract(
    "metrics",
    "reference/metrics.csv",
    (
        _key("metric_code"),
        _text("name_zh", True),
        _text("name_en", True),
        _text("metric_kind", True, allowed=("level", "count", "rate", "share", "rank")),
        _text("unit_measure", True, pattern=KEY_PATTERN),
        _text(
            "fact_table",
            True,
            allowed=("fct_output_values", "fct_growth_rates", "fct_rd_intensity", "fct_shares_ranks"),
        ),
        Column("min_value", "double"),
        Column("max_value", "double"),
        _text("description", True),
        _text("cue_words", pattern=r"[^;]+(;[^;]+)*", fix="words separated by ';', e.g. 产值;总产值"),
    ),
    ("metric_code",),
    "The metric catalogue.",
    rules=(
        RowRule(
            "max_value", "min_value > max_value", "format('max_value {} is below min_value {}', max_value, min_value)"
        ),
    ),
)

UNITS = Contract(
    "units",
    "reference/units.csv",
    (
        _text("unit", True),
        _text("unit_measure", True, pattern=KEY_PATTERN),
        Column("unit_multiplier", "integer", True, min_value=0, max_value=15),
        _text("name_en", True),
    ),
    ("unit", "unit_measure"),
    "Units as written, with their unit measure and power-of-ten multiplier.",
)

# The grammar suggest reads from reference/cue_words.csv: the codes each kind of cue word may give, and
# where in the text the code looks for it (before the number, after its unit, at the rate's cue word).
CUE_CODES = {
    "status": STATUSES,
    "qualifier": tuple(q for q in QUALIFIERS if q != "exact"),
    "period": ("average", "cumulative", "stock", "flow", "year_end", "occurrence"),
    "direction": ("decrease", "reached", "above", "below"),
    # 分别 (one value per listed item); the words that join listed items (和, 及), end a list of examples
    # (等), or name a partner (同…合作): rules/company_name.py, cluster_group.py, cluster_whole.py, cue_after.py
    # lead: a word before a list's first item that is no part of it (聚焦新能源); opener: a word that opens a
    # list after a size tier (千亿级产业集群,将聚焦A、B、C): enumerations.py
    "list": ("respectively", "joiner", "group_end", "partner", "lead", "opener"),
    # Word lists that were strings in code (issue 22): rankings, page furniture, unit guards, place frames.
    # bare_clause: a word a rank clause of nothing else may hold (均, 继续, 全广西): rules/rank_clause.py
    "rank": ("exact", "at_most", "bare_clause"),
    "furniture": ("byline", "reader_count", "page"),
    "unit_guard": ("not_a_unit",),
    "place_frame": ("frame", "comparison", "zone", "helps", "speaker", "interview", "sets"),
    # what a count counts (rules/subject.py): the words around its noun that are no part of it
    # no_noun: glue between a count and the count before it (总数达827家); not_a_noun: a qualifier right
    # after a count's unit, where its noun would be (1000多家)
    "subject": ("lead", "verb", "noun_end", "honour", "pull", "metric_noun", "no_noun", "not_a_noun"),
    # a word that ends the proper name a cluster word opens (rules/cluster_name.py): the name's, not the figure's
    # and the words around a topic a paragraph opens with (在新能源工程机械上: rules/topic_frame.py), and the
    # words ending in 业 that name no industry (企业, 工业: rules/industry_name.py)
    "cluster_frame": ("name", "topic", "not_industry"),
    # a table's row label that is the whole of the table, not a part (合计, 全市): rules/table_cell.py
    "table": ("total",),
    # the ending of a company's name after the place that opens it (rules/company_name.py, places.py):
    # name_end closes the shortest name (广西玉柴集团), name_part runs on after it (…集团有限公司); anaphor
    # opens a clause about the company named before (该公司, 工厂: rules/company_anaphor.py)
    "company": ("name_end", "name_part", "anaphor", "role", "head_end"),
    # what a comparison is made with when it is an earlier time (比上年, 较去年同期, 比2015年): a growth, no
    # relative difference (rules/relative_difference.py)
    # a year read from the publication year (今年, 去年, 前年, 明年): the code is how far (periods.py)
    # year_start: 比年初 (rules/subject.py's change since a past time; no relative_difference base)
    "time_base": (
        "earlier",
        "continues",
        "this_year",
        "last_year",
        "year_before_last",
        "next_year",
        "year_start",
        "now",
        "following",  # 次年, 翌年: the year after the one the text stated before (rules/following_year.py)
    ),
    # a word that says how much, when or compared with what, and no what (当月, 同比, 的): a clause of only
    # such words names nothing of its own (rules/own_cluster.py)
    # adverb: an adverb or modal between a qualifier word and its number (大约已经达到: rules/qualifier_gap.py)
    "glue": ("no_what", "adverb", "grant"),
    # a goal's word after a year that has ended (2020年目标): the figure stays a target (rules/past_year.py)
    "goal": ("goal",),
    # a word of change in a bare percent's clause (增长, 同比): a growth rate, not a share (rules/share_shape.py)
    "change": ("rate",),
    # a meeting a number counts the session of (第七次会议, 十五届人大三次会议: an ordinal, no figure):
    # session words end any meeting, body words a body's (代表大会, 常委会), attendance words stand before
    # them (全体会议): extract.py, rules/not_a_figure.py
    "meeting": ("session", "body", "attendance"),
    # a party congress's number, read as X大 = X items (党的二十大, 十八大以来, 二十大精神): rules/not_a_figure.py
    "congress": ("congress",),
    # the year a document reports on (rules/reporting_year.py): words that look back on a year that has
    # ended (过去一年, 统计公报), that name a ranking list (榜单) and the scope that opens an undated one (中国)
    "reporting": ("looks_back", "list_name", "list_scope"),
    # what may stand between two listed values besides 、 (55.5GWh、185万台套和1780万件; 10%以上、8%左右):
    # a joiner, a qualifier after the first one's unit or before the next one's number (rules/listed_values.py)
    "listed_value": ("joiner", "qualifier"),
    # a five-year plan's year (“十四五”开局之年 2021, 收官之年 2025) or span (“十四五”以来, 时期以来): periods.py
    # action: an action of N years after N年 (三年行动); continued: one the text continues (继续实施), begun at a
    # year it does not say (rules/action_years.py)
    "plan_year": ("first", "last", "plan", "span", "since", "action", "continued"),
    # an amount made in a year (年产) of a facility (生产线, 项目) or one built (建成): a capacity
    # (rules/annual_capacity.py)
    "capacity": ("annual", "facility", "build"),
    # what a rate is of when words other than its level's cue say so (经济增长: gdp); the code is a
    # metric_code of metrics.csv (rules/economy_growth.py)
    "rate_of": ("gdp", "count", "growth", "total"),
    # a word right before a metric's cue that makes it no such metric (可支配收入, 财政收入: no revenue); the
    # code is the metric kept out (rules/metric_guard.py)
    "metric_guard": ("revenue",),
    # an estimate (预计, 初步核算): for a year or months ended before publication a preliminary actual
    # (rules/estimated.py)
    "estimate": ("preliminary",),
    # a word right before a count that makes the count the figure (有42项, 新增12家), not the set a number
    # after it is about (全区9个高新区实现营业收入1200亿元): rules/not_a_figure.py
    "counted": ("figure", "item"),  # item: a noun a X大 count takes 项 for (四大行动)
    # a statistic's scope (规模以上工业增加值): above_size 规上 / 规模以上 before its sector 工业 / 服务业
    # (rules/scope.py)
    "scope": ("above_size", "sector"),
    # a connective or a verb of effort opening a figure's span (从, 并确保, 围绕, 目前): joins the clause to the
    # sentence and says nothing of what the figure is; the span starts after it (rules/lead_word.py)
    "lead": ("connective",),
    # what is to come (rules/outlook.py): a modal right before a verb of reaching (可达, 可实现年产值), an event
    # with 后 (建成后, 投产后), a condition (若, 如果): the figures after them in the sentence are an outlook, a target
    "outlook": ("modal", "verb", "event", "condition"),
    # a stock of a resource in the ground (rules/in_the_ground.py): a held word (资源, 储, 探明) or an ore (矿) before
    # a weight with no cue word, and the verbs of making or moving that keep it a year's output (开采, 生产, 加工)
    "reserve": ("held", "ore", "made", "frame"),
}
CUE_POSITIONS = {
    "status": ("before_number", "in_clause"),
    "qualifier": ("before_number", "after_unit", "before_magnitude", "after_list", "closing_unit", "before_list"),
    "period": ("before_number", "after_unit"),
    "direction": ("by_metric_cue", "before_number"),
    "list": ("before_number", "between_items", "after_items", "before_name", "before_items", "after_tier"),
    "rank": ("before_ordinal", "before_top", "evidence_start", "field", "in_clause"),
    "furniture": ("line_start", "before_number", "after_unit"),
    "unit_guard": ("after_unit",),
    "place_frame": (
        "before_place",
        "after_place",
        "after_implied",
        "title_end",
        "name_end",
        "before_number",
        "line_start",
    ),
    "subject": ("before_noun", "after_noun", "before_number", "after_unit"),
    "cluster_frame": ("after_cluster", "before_topic", "after_topic", "name_end", "before_name"),
    "table": ("row_label",),
    "company": ("after_place", "before_number", "after_name", "name_end"),
    "time_base": ("after_comparison", "sentence_start", "relative_year", "in_clause"),
    "glue": ("in_clause", "before_number"),
    "goal": ("after_year", "after_unit"),
    "change": ("in_clause",),
    "meeting": ("after_number", "before_meeting"),
    "congress": ("before_number", "after_unit"),
    "reporting": ("document_head", "title", "before_list"),
    "listed_value": ("between_values", "after_unit", "before_number"),
    "plan_year": ("after_plan", "after_unit", "in_clause"),
    "capacity": ("before_number", "after_unit", "after_size"),
    "rate_of": ("before_rate", "after_cue", "before_rank"),
    "metric_guard": ("before_cue",),
    "estimate": ("before_number",),
    "counted": ("before_number", "after_unit"),
    "scope": ("before_noun", "after_scope"),
    "lead": ("span_start",),
    "outlook": ("before_number",),
    "reserve": ("in_clause",),
}
_WORDS = dict(pattern=r"[^;]+(;[^;]+)*", fix="words separated by ';', e.g. 为;除")


def _of_kind(column: str, allowed: dict[str, tuple[str, ...]]) -> RowRule:
    """`column` must be one of the values allowed for the row's cue_kind."""
    fits = " or ".join(
        f"(cue_kind = {sql_literal(kind)} and {column} in ({', '.join(map(sql_literal, values))}))"
        for kind, values in allowed.items()
    )
    listed = " ".join(
        f"when {sql_literal(kind)} then {sql_literal(', '.join(values))}" for kind, values in allowed.items()
    )
    return RowRule(
        column,
        f"cue_kind in ({', '.join(map(sql_literal, allowed))}) and not ({fits})",
        f"format('''{{}}'' is not a {column} of cue_kind {{}}: write one of {{}}', {column}, cue_kind, "
        f"case cue_kind {listed} end)",
    )


CUE_WORDS = Contract(
    "cue_words",
    "reference/cue_words.csv",
    (
        _text("cue_kind", True, allowed=tuple(CUE_CODES)),
        _text("cue_word", True, max_length=20),
        _text("code", True, allowed=tuple(dict.fromkeys(c for codes in CUE_CODES.values() for c in codes))),
        _text("position", True, allowed=tuple(dict.fromkeys(p for ps in CUE_POSITIONS.values() for p in ps))),
        _text("not_followed_by", **_WORDS),
        _text("not_preceded_by", **_WORDS),
        _text("note"),
    ),
    ("cue_kind", "cue_word", "position"),
    "Words that make a drafted figure a target or an actual, qualify its value, or set its period kind.",
    rules=(_of_kind("code", CUE_CODES), _of_kind("position", CUE_POSITIONS)),
)

# Which file takes a new name, with the row to add: a new place is a places.csv row; an alias of a place
# already there is a place_aliases.csv row (it needs that place's key). The same for clusters.
NEW_PLACE = (
    "format('place ''{}'' resolves to no place: another name of a place in raw/reference/places.csv is a row of "
    "raw/reference/place_aliases.csv: {},<place_key>,; a new place is a row of raw/reference/places.csv: "
    "<place_key>,<admin_code>,{},<name_zh_hant>,<short_name_zh_hans>,<short_name_zh_hant>,<name_en>,<level>,"
    "<parent_key>', place, place, place)"
)
NEW_CLUSTER = (
    "format('cluster ''{}'' resolves to no cluster: another name of a cluster in raw/reference/clusters.csv is a "
    "row of raw/reference/cluster_aliases.csv: {},<cluster_key>; a new cluster is a row of "
    "raw/reference/clusters.csv: <cluster_key>,{},<name_zh_hant>,<name_en>,<cluster_type>,,,,; then its name is a "
    "row of cluster_aliases.csv', cluster, cluster, cluster)"
)

_FIGURE_UNIT_RESOLVES = (
    "not exists (select 1 from raw.metrics m join raw.units u on u.unit_measure = m.unit_measure "
    "where m.metric_code = figures.metric_code and u.unit = figures.unit)"
)

FIGURES = Contract(
    "figures",
    "figures/*.csv",
    (
        _text("figure_id", True, pattern=r"\d{3}-\d{3,6}", fix="NNN-NNN: document prefix and sequence"),
        _text("document_id", True),
        _text("place", True),
        _text("cluster"),
        _text("enterprise"),
        _text(
            "subject"
        ),  # what is counted or produced, as written (规上工业企业, 钢材), where the metric alone does not say
        _text("metric_code", True),
        _text("rate_of_metric_code"),
        Column("period_start_year", **_PERIOD_YEAR),
        Column("period_end_year", **_PERIOD_YEAR),
        Column("period_start_month", **_PERIOD_MONTH),
        Column("period_end_month", **_PERIOD_MONTH),
        _text("period_kind", True, allowed=PERIOD_KINDS),
        Column(
            "value",
            "decimal",
            True,
            pattern=r"-?\d{1,14}(\.\d{1,4})?",
            fix="ASCII digits with '.' for decimals, no unit, thousands separator or full-width digit",
        ),
        _text("unit", True),
        _text("status", True, allowed=STATUSES),
        _text("qualifier", True, allowed=QUALIFIERS),
        _text("evidence", True, max_length=EVIDENCE_MAX_LENGTH),
        Column("is_year_inferred", "boolean", True, allowed=("true", "false")),
        _text("note"),
    ),
    ("figure_id",),
    "Annotated figures: one row per number a document states.",
    rules=(
        _reference("document_id", "documents", "document_id", "documents.csv", once_per_name=True),
        _reference("metric_code", "metrics", "metric_code", "reference/metrics.csv", True, _NEW_METRIC),
        _reference("rate_of_metric_code", "metrics", "metric_code", "reference/metrics.csv", True, _NEW_METRIC),
        RowRule("place", "place not in (select name from raw.place_names)", NEW_PLACE, "place"),
        RowRule(
            "cluster",
            "cluster is not null and cluster not in (select alias from raw.cluster_aliases)",
            NEW_CLUSTER,
            "cluster",
        ),
        RowRule(
            "unit",
            f"metric_code in (select metric_code from raw.metrics) and {_FIGURE_UNIT_RESOLVES}",
            "format('unit ''{}'' is not a unit of {}, the unit measure of metric {}: correct it, or add a row "
            "to raw/reference/units.csv: {},{},<unit_multiplier>,<name_en>', unit, (select m.unit_measure "
            "from raw.metrics m where m.metric_code = figures.metric_code), metric_code, unit, "
            "(select m.unit_measure from raw.metrics m where m.metric_code = figures.metric_code))",
            "unit",
        ),
        RowRule(
            "period_start_year",
            "status = 'actual' and (period_start_year is null or period_end_year is null)",
            "'missing for an actual figure: an actual needs period_start_year and period_end_year "
            "(only a target with no stated deadline leaves both empty)'",
        ),
        RowRule(
            "period_end_year",
            "status = 'target' and (period_start_year is null) <> (period_end_year is null)",
            "'a target gives both period years or neither (neither: the document states no deadline)'",
        ),
        RowRule(
            "is_year_inferred",
            "period_end_year is null and is_year_inferred",
            "'true, but the period has no year to infer: write false for an open-ended target'",
        ),
        RowRule(
            "period_end_year",
            "period_end_year < period_start_year",
            "format('period ends ({}) before it starts ({})', period_end_year, period_start_year)",
        ),
        RowRule(
            "period_end_month",
            "(period_start_month is null) <> (period_end_month is null)",
            "'a period gives both months or neither (neither: whole years)'",
        ),
        RowRule(
            "period_end_month",
            "period_end_month is not null and period_end_year is null",
            "'months need the period''s years: write period_start_year and period_end_year'",
        ),
        RowRule(
            "period_end_month",
            "period_start_year = period_end_year and period_end_month < period_start_month",
            "format('period ends in month {} before it starts (month {})', period_end_month, period_start_month)",
        ),
        RowRule(
            "period_kind",
            f"period_kind in {_SUB_YEAR_SQL} and period_end_month is null",
            "format('{} is part of a year: write period_start_month and period_end_month (1—5月: 1 and 5)', "
            "period_kind)",
        ),
        RowRule(
            "period_kind",
            f"period_kind in {_SUB_YEAR_SQL} and period_start_year <> period_end_year",
            "format('{} is part of one year: period_start_year and period_end_year must be equal', period_kind)",
        ),
        RowRule(
            "period_start_month",
            "period_kind = 'year_to_date' and period_start_month <> 1",
            "'year_to_date starts in January: write 1, or use period_kind months for a span that starts later'",
        ),
        RowRule(
            "period_kind",
            "period_kind in ('year', 'average') and period_end_month is not null",
            "format('{} covers whole years: leave the months empty, or use year_to_date or months', period_kind)",
        ),
        RowRule(
            "figure_id",
            "substr(figure_id, 1, 3) <> substr(document_id, 1, 3)",
            "format('figure_id ''{}'' does not carry its document''s prefix ''{}''', figure_id, "
            "substr(document_id, 1, 3))",
        ),
        # A zero-width space or a bidi control between digits would make 1<ZWSP>0 read as 1 and 0.
        RowRule(
            "evidence",
            f"regexp_matches(evidence, {sql_literal(INVISIBLE_IN_NUMBER)})",
            "printf('an invisible character (%s) inside a number in evidence: delete it, so the number reads "
            "as the document shows it', printf('U+%04X', unicode(regexp_extract(evidence, "
            f"{sql_literal(INVISIBLE_IN_NUMBER)}, 1))))",
        ),
        RowRule(
            "evidence",
            f"not regexp_matches(evidence, {sql_literal(INVISIBLE_IN_NUMBER)}) "
            "and not value_in_evidence(value, evidence)",
            "format('value {} does not occur in evidence ''{}''', value, evidence)",
        ),
    ),
)


INTEGER_AS_WRITTEN = r" *[+-]?[0-9]+ *"


def integer_as_written(v: str) -> str:
    """SQL: true where text `v` is an integer as written (ASCII digits, a sign, spaces around) that
    fits in an integer: never 2020.5, 1e3, 0x7E5 or 2_021, which DuckDB's cast would read."""
    return f"regexp_full_match({v}, {sql_literal(INTEGER_AS_WRITTEN)}) and try_cast({v} as integer) is not null"


def _corrected_value_rule(target: Column) -> RowRule | None:
    """A corrected_value for figures' column `target` must be a value that column accepts: checked at load
    (file:line: corrected_value), not left to fail in staging's cast. None when any text will do."""
    v = "corrected_value"
    broken = []
    if target.pattern is not None:
        broken.append(f"not regexp_full_match({v}, {sql_literal(target.pattern)})")
    if target.allowed is not None:
        broken.append(f"{v} not in ({', '.join(sql_literal(a) for a in target.allowed)})")
    if target.type == "integer":
        broken.append(f"not ({integer_as_written(v)})")
    if target.min_value is not None and target.max_value is not None:
        broken.append(f"try_cast({v} as {target.sql_type}) not between {target.min_value} and {target.max_value}")
    if not broken:
        return None
    how = target.fix or (
        f"one of: {', '.join(target.allowed)}"
        if target.allowed is not None
        else f"a whole number in {target.min_value}..{target.max_value}"
    )
    template = f"'{{}}' is not a valid {target.name} (write {how.replace('{', '{{').replace('}', '}}')})"
    return RowRule(
        v,
        f"column_name = {sql_literal(target.name)} and ({' or '.join(broken)})",
        f"format({sql_literal(template)}, {v})",
    )


CORRECTABLE = (
    "value",
    "unit",
    "period_start_year",
    "period_end_year",
    "period_start_month",
    "period_end_month",
    "metric_code",
    "qualifier",
    "status",
)

CORRECTIONS = Contract(
    "corrections",
    "corrections.csv",
    (
        _text("figure_id", True),
        _text("column_name", True, allowed=CORRECTABLE),
        _text("corrected_value", True),
        _text("reason", True),
    ),
    ("figure_id", "column_name"),
    "Corrections of single fields of figures, each with its reason.",
    rules=(
        _reference("figure_id", "figures", "figure_id", "figures/*.csv"),
        *filter(None, (_corrected_value_rule(c) for c in FIGURES.columns if c.name in CORRECTABLE)),
    ),
    optional=True,
)

# Load order: a table's rules may read only the tables before it.
CONTRACTS: tuple[Contract, ...] = (
    DOCUMENTS,
    PLACES,
    PLACE_ALIASES,
    CLUSTERS,
    CLUSTER_ALIASES,
    CLUSTER_MEMBERS,
    CLUSTER_INDUSTRIES,
    SUBJECTS,
    METRICS,
    UNITS,
    CUE_WORDS,
    FIGURES,
    CORRECTIONS,
)

RAW_TABLES = frozenset(c.table for c in CONTRACTS) | {"place_names"}
