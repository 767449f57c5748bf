with

-- not materialized: each reader scans the table for the columns and rows it needs; a materialized CTE held
-- every column of every fact (1.2 GB at 1M figures, spilling under validation's memory limit)
facts as not materialized (select * from marts.fct_facts),

metrics as (select metric_code, max_plausible_value from marts.dim_metric),

clusters as (select cluster_key, parent_cluster_key from marts.dim_cluster),

cities as (select city_key, parent_city_key, city_level from marts.dim_city),

-- facts whose interval is known (no conflict among their figures), for the arithmetic cross-checks; fact_row
-- (the row's number) lets each check come back for the few facts its narrow pass leaves (below)
settled as not materialized (select rowid as fact_row, * from marts.fct_facts where not is_conflict),

-- Each pairing check runs twice. First narrow: every fact as its row number, its bounds and one hash of the
-- columns the check matches on (nulls hash alike, as `is not distinct from` matches them), joined on that one
-- number: at 10M facts, a join on ten text columns carrying whole rows spilled gigabytes. A pair the check
-- takes has equal columns, so equal hashes, and passes the same bounds test: the narrow pass leaves out none.
-- Then the check as written, on only the facts the narrow pass left: a hash that collides is dropped there.
-- Columns matched across two different columns are hashed as text: values that compare equal hash alike.

-- a reported growth (percent) against the growth its two levels imply, each within its rounding or qualifier:
-- the levels' intervals give the implied growth's interval, which must meet the rate's
growth_levels as not materialized (
    select
        fact_row, year, metric_kind, fact_low_in_base_unit, fact_high_in_base_unit,
        hash(metric_code::varchar, city_key, cluster_key, enterprise, subject, period_kind, period_start_month,
            period_end_month, status) as identity,
    from settled
    where value_class <> 'size_tier'
),

growth_candidates as materialized (
    select rate.fact_row as rate_row, later.fact_row as later_row, earlier.fact_row as earlier_row,
    from (
        select
            fact_row, year, fact_low_in_base_unit, fact_high_in_base_unit,
            hash(rate_of_metric_code::varchar, city_key, cluster_key, enterprise, subject, period_kind,
                period_start_month, period_end_month, status) as identity,
        from settled
        where metric_code = 'growth_rate' and unit_measure = 'percent'
            and period_kind in ('year', 'year_to_date', 'months')
    ) as rate
    join growth_levels as later on later.identity = rate.identity and later.year = rate.year
    join growth_levels as earlier on earlier.identity = later.identity and earlier.year = later.year - 1
    where later.metric_kind in ('level', 'count') and earlier.fact_low_in_base_unit > 0
        and (
            (later.fact_high_in_base_unit / earlier.fact_low_in_base_unit - 1) * 100 < rate.fact_low_in_base_unit
            or (later.fact_low_in_base_unit / earlier.fact_high_in_base_unit - 1) * 100 > rate.fact_high_in_base_unit
        )
),

-- a part (a cluster's, or a district's) surely above its whole (its parent cluster or the whole place; its
-- parent place) for the same metric, subject, period and status: each whole by its own equi-join
parts as not materialized (
    select
        settled.*,
        clusters.parent_cluster_key,
        cities.parent_city_key,
    from settled
    left join clusters on clusters.cluster_key = settled.cluster_key
    left join cities on cities.city_key = settled.city_key
    where settled.metric_kind in ('level', 'count') and settled.value_class <> 'size_tier'
),

whole_candidates as materialized (
    select part.fact_row as part_row, whole.fact_row as whole_row,
    from (
        select
            fact_row, fact_low_in_base_unit,
            hash(city_key::varchar, parent_cluster_key::varchar, metric_code, rate_of_metric_code, enterprise, subject,
                period_kind, period_start_year, period_start_month, period_end_year, period_end_month, status
            ) as whole_identity,
        from parts
        where parent_cluster_key is not null
        union all
        select
            fact_row, fact_low_in_base_unit,
            hash(city_key::varchar, 'none'::varchar, metric_code, rate_of_metric_code, enterprise, subject,
                period_kind, period_start_year, period_start_month, period_end_year, period_end_month, status
            ) as whole_identity,
        from parts
        where cluster_key not in ('none', 'unknown')
        union all
        select
            fact_row, fact_low_in_base_unit,
            hash(parent_city_key::varchar, cluster_key::varchar, metric_code, rate_of_metric_code, enterprise, subject,
                period_kind, period_start_year, period_start_month, period_end_year, period_end_month, status
            ) as whole_identity,
        from parts
        where parent_city_key is not null
    ) as part
    join (
        select
            fact_row, fact_high_in_base_unit,
            hash(city_key::varchar, cluster_key::varchar, metric_code, rate_of_metric_code, enterprise, subject,
                period_kind, period_start_year, period_start_month, period_end_year, period_end_month, status
            ) as identity,
        from settled where value_class <> 'size_tier'
    ) as whole
        on whole.identity = part.whole_identity
        and part.fact_low_in_base_unit > whole.fact_high_in_base_unit
),

-- the facts some narrow pass paired, as one list: the exact pass reads them by their row numbers (a list, so
-- that DuckDB knows them few and builds its lookup on them, not on the table)
candidate_rows as materialized (
    select list(fact_row) as fact_rows,
    from (
        select rate_row as fact_row from growth_candidates
        union all select later_row from growth_candidates
        union all select earlier_row from growth_candidates
        union all select part_row from whole_candidates
        union all select whole_row from whole_candidates
    )
),

checked as materialized (select * from settled where fact_row in (select unnest(fact_rows) from candidate_rows)),

candidate_parts as not materialized (
    select * from parts where fact_row in (select unnest(fact_rows) from candidate_rows)
),

growth_pairs as (
    select
        rate.fact_key,
        'growth ' || rate.figure_ids || ' is ' || cast(cast(rate.value_reported as double) as varchar)
            || '%, its levels ' || earlier.figure_ids || ' and ' || later.figure_ids || ' imply '
            || cast(round((cast(later.value_in_base_unit as double) / cast(earlier.value_in_base_unit as double) - 1)
                    * 100, 2) as varchar) || '%' as growth_disagrees_with_levels,
    from checked as rate
    join checked as later
        on later.metric_code = rate.rate_of_metric_code
        and later.city_key = rate.city_key
        and later.cluster_key = rate.cluster_key
        and later.enterprise is not distinct from rate.enterprise
        and later.subject is not distinct from rate.subject
        and later.period_kind = rate.period_kind
        and later.period_start_month is not distinct from rate.period_start_month
        and later.period_end_month is not distinct from rate.period_end_month
        and later.year = rate.year
        and later.status = rate.status
    join checked as earlier
        on earlier.metric_code = later.metric_code
        and earlier.city_key = later.city_key
        and earlier.cluster_key = later.cluster_key
        and earlier.enterprise is not distinct from later.enterprise
        and earlier.subject is not distinct from later.subject
        and earlier.period_kind = later.period_kind
        and earlier.period_start_month is not distinct from later.period_start_month
        and earlier.period_end_month is not distinct from later.period_end_month
        and earlier.year = later.year - 1
        and earlier.status = later.status
    where rate.metric_code = 'growth_rate' and rate.unit_measure = 'percent'
        and rate.period_kind in ('year', 'year_to_date', 'months')
        and later.metric_kind in ('level', 'count') and later.value_class <> 'size_tier'
        and earlier.value_class <> 'size_tier'
        and earlier.fact_low_in_base_unit > 0
        and (
            -- the most the levels allow is below the least the rate allows, or the least above the most
            (later.fact_high_in_base_unit / earlier.fact_low_in_base_unit - 1) * 100 < rate.fact_low_in_base_unit
            or (later.fact_low_in_base_unit / earlier.fact_high_in_base_unit - 1) * 100 > rate.fact_high_in_base_unit
        )
),

part_wholes as (
    select parts.*, parts.city_key as whole_city_key, parts.parent_cluster_key as whole_cluster_key
    from candidate_parts as parts
    where parts.parent_cluster_key is not null
    union all
    select parts.*, parts.city_key as whole_city_key, 'none' as whole_cluster_key from candidate_parts as parts
    where parts.cluster_key not in ('none', 'unknown')
    union all
    select parts.*, parts.parent_city_key as whole_city_key, parts.cluster_key as whole_cluster_key
    from candidate_parts as parts
    where parts.parent_city_key is not null
),

wholes as (
    select
        part.fact_key,
        'part ' || part.figure_ids || ' (' || part.city_key || ', ' || part.cluster_key || ') is above its whole '
            || whole.figure_ids || ' (' || whole.city_key || ', ' || whole.cluster_key || ')' as part_above_whole,
    from part_wholes as part
    join checked as whole
        on whole.city_key = part.whole_city_key
        and whole.cluster_key = part.whole_cluster_key
        and whole.metric_code = part.metric_code
        and whole.rate_of_metric_code is not distinct from part.rate_of_metric_code
        and whole.enterprise is not distinct from part.enterprise
        and whole.subject is not distinct from part.subject
        and whole.period_kind = part.period_kind
        and whole.period_start_year is not distinct from part.period_start_year
        and whole.period_start_month is not distinct from part.period_start_month
        and whole.period_end_year is not distinct from part.period_end_year
        and whole.period_end_month is not distinct from part.period_end_month
        and whole.status = part.status
    where whole.value_class <> 'size_tier'
        and part.fact_low_in_base_unit > whole.fact_high_in_base_unit
),

-- a rank against the values it ranks: more places surely ahead of the ranked one than its rank allows.
-- Each rank is paired with its own value first (materialized: left to itself, DuckDB joins every value
-- with every other of its group before it meets the few ranks, 8,000 x 8,000 rows in a group at 1M figures)
ranked_values as materialized (
    select
        rank.fact_key, rank.figure_ids, rank.city_key, rank.value_reported, rank.rate_of_metric_code,
        ranked_city.city_level,
        own.metric_code as own_metric_code, own.cluster_key as own_cluster_key, own.subject as own_subject,
        own.period_kind as own_period_kind, own.year as own_year, own.period_end_month as own_period_end_month,
        own.status as own_status, own.city_key as own_city_key, own.fact_high_in_base_unit as own_high,
    from settled as rank
    join cities as ranked_city on ranked_city.city_key = rank.city_key
    join settled as own
        on own.metric_code = rank.rate_of_metric_code
        and own.city_key = rank.city_key
        and own.cluster_key = rank.cluster_key
        and own.subject is not distinct from rank.subject
        and own.period_kind = rank.period_kind
        and own.year = rank.year
        and own.period_end_month is not distinct from rank.period_end_month
        and own.status = rank.status
    where rank.metric_code = 'rank' and rank.rate_of_metric_code is not null and own.value_class <> 'size_tier'
),

rank_checks as (
    select
        rank.fact_key,
        'rank ' || rank.figure_ids || ' places ' || rank.city_key || ' at ' || cast(cast(rank.value_reported as integer) as varchar)
            || ' by ' || rank.rate_of_metric_code || ', but ' || cast(count(*) as varchar) || ' places of its level are surely above it: '
            || string_agg(ahead.city_key, ', ' order by ahead.city_key) as rank_contradicted,
    from ranked_values as rank
    join settled as ahead
        on ahead.metric_code = rank.own_metric_code
        and ahead.cluster_key = rank.own_cluster_key
        and ahead.subject is not distinct from rank.own_subject
        and ahead.period_kind = rank.own_period_kind
        and ahead.year = rank.own_year
        and ahead.period_end_month is not distinct from rank.own_period_end_month
        and ahead.status = rank.own_status
        and ahead.city_key <> rank.own_city_key
        and ahead.fact_low_in_base_unit > rank.own_high
        and ahead.value_class <> 'size_tier'
    join cities as ahead_city on ahead_city.city_key = ahead.city_key and ahead_city.city_level = rank.city_level
    group by rank.fact_key, rank.figure_ids, rank.city_key, rank.value_reported, rank.rate_of_metric_code
    having count(*) >= max(rank.value_reported)
),

final as (
    select
        facts.*,
        case when facts.is_conflict
            then 'figures ' || facts.conflicting_figure_ids || ' disagree on ' || facts.metric_code || ' of '
                || facts.city_key || ', ' || facts.cluster_key || coalesce(', ' || facts.subject, '') || ', '
                || facts.period_key || ' (' || facts.status || ')'
        end as conflict,
        nullif(concat_ws('; ',
            case when facts.n_sources > facts.n_figures then 'more documents than figures' end,
            case when facts.is_conflict and facts.n_figures < 2 then 'a conflict needs two figures' end,
            case when facts.is_conflict <> (facts.conflicting_figure_ids is not null)
                then 'is_conflict disagrees with conflicting_figure_ids' end,
            case when position(facts.chosen_figure_id in facts.figure_ids) = 0
                then 'chosen figure ' || facts.chosen_figure_id || ' is not among the figures' end,
            case when (facts.period_start_month is null) <> (facts.period_end_month is null)
                then 'one month of a part of a year is missing' end,
            case when facts.period_kind in ('year_to_date', 'months') and facts.period_end_month is null
                then facts.period_kind || ' without months' end,
            case when facts.period_kind in ('year', 'average') and facts.period_end_month is not null
                then facts.period_kind || ' (whole years) with months' end,
            case when facts.period_kind in ('year_to_date', 'months')
                    and facts.period_start_year is distinct from facts.period_end_year
                then 'a part of a year spans years' end,
            case when facts.period_kind = 'year_to_date' and facts.period_start_month <> 1
                then 'year_to_date not from January' end,
            case when facts.period_start_year = facts.period_end_year and facts.period_end_month < facts.period_start_month
                then 'months end before they start' end,
            case when facts.value_class = 'exact' and facts.qualifier <> 'exact'
                then 'an exact value with qualifier ' || facts.qualifier end,
            case when facts.unit_measure = 'percent' and facts.metric_kind = 'share'
                    and coalesce(metrics.max_plausible_value, 100) <= 100
                    and (facts.value_in_base_unit < 0 or facts.value_in_base_unit > 100)
                then 'a share of ' || cast(cast(facts.value_in_base_unit as double) as varchar) || '%' end
        ), '') as impossible_combination,
        growth_pairs.growth_disagrees_with_levels,
        wholes.part_above_whole,
        rank_checks.rank_contradicted,
    from facts
    left join metrics using (metric_code)
    left join (select fact_key, min(growth_disagrees_with_levels) as growth_disagrees_with_levels
               from growth_pairs group by fact_key) as growth_pairs using (fact_key)
    left join (select fact_key, min(part_above_whole) as part_above_whole from wholes group by fact_key) as wholes
        using (fact_key)
    left join rank_checks using (fact_key)
)

select * from final
