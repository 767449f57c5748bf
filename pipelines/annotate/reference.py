"""What suggest knows, read from raw/: units, place names, cluster names, enterprises, the metric
catalogue with its cue words, and the cue words of status, qualifier and period (cue_words.csv).
All names are kept in Simplified script, to match the text's copy."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass, field, replace
from functools import cached_property
from pathlib import Path

from ..errors import ClusterdwError, Location
from ..load.contracts import (
    CLUSTER_ALIASES,
    CUE_CODES,
    CUE_POSITIONS,
    CUE_WORDS,
    FIGURES,
    METRICS,
    PLACE_ALIASES,
    PLACES,
    SUBJECTS,
    UNITS,
    Contract,
)
from ..load.loader import files_of
from ..load.rows import rows_of, values_of
from .script import simplified


@dataclass(frozen=True)
class Metric:
    code: str
    kind: str  # level / count / rate / share / rank
    unit_measure: str
    cues: tuple[str, ...]  # Simplified


@dataclass(frozen=True)
class CueWord:
    kind: str  # status / qualifier / period / direction / list
    word: str  # Simplified; {year} stands for a four-digit year
    code: str
    position: str  # before_number / after_unit / by_metric_cue
    not_followed_by: tuple[str, ...] = ()
    not_preceded_by: tuple[str, ...] = ()

    @cached_property  # rules join the words' regexes per figure: built once a word
    def regex(self) -> str:
        body = re.escape(self.word).replace(re.escape(YEAR), YEAR_REGEX)
        return (
            "".join(f"(?<!{re.escape(w)})" for w in self.not_preceded_by)
            + body
            + "".join(f"(?!{re.escape(w)})" for w in self.not_followed_by)
        )

    @cached_property
    def pattern(self) -> re.Pattern:
        return re.compile(self.regex)


CITY_LEVELS = ("prefecture", "county", "district")  # where an enterprise is: never a province
YEAR = "{year}"
YEAR_REGEX = r"\s*(?:19|20)\d{2}\s*"
_NEVER = re.compile(r"(?!)")


@dataclass(frozen=True)
class Reference:
    units: dict[str, set[str]]  # unit (Simplified) -> unit measures
    places: dict[str, str]  # name (Simplified) -> place_key
    place_levels: dict[str, str]  # place_key -> level
    clusters: dict[str, str]  # alias (Simplified) -> cluster_key
    enterprises: tuple[str, ...]  # as annotated before (Simplified)
    metrics: tuple[Metric, ...]  # catalogue order: with no cue word, the first metric of a unit's measure
    cue_words: tuple[CueWord, ...]  # file order
    removed: dict[str, tuple[str, ...]] = field(default_factory=dict)  # what `without` took out, by kind
    # enterprise (Simplified) -> (its city as annotated, place_key): the place its figures were given
    enterprise_places: dict[str, tuple[str, str]] = field(default_factory=dict)
    place_parents: dict[str, str] = field(default_factory=dict)  # place_key -> parent_key
    place_full_names: dict[str, str] = field(default_factory=dict)  # place_key -> name_zh_hans (武宣县)
    # subject (Simplified) -> the level metric its amounts were annotated with (钢材 -> production_tonnes)
    subject_metrics: dict[str, str] = field(default_factory=dict)
    subjects: tuple[str, ...] = ()  # subjects.csv's aliases (Simplified), the longest first

    def pattern(self, key: str, make) -> re.Pattern:
        """`make(self)`, a pattern a rule builds from the reference's words, compiled on the first call and
        kept: rules match it per clause of every figure (1.1M builds for an 80 KB sentence)."""
        memo = self._word_lists
        if ("pattern", key) not in memo:
            memo[("pattern", key)] = make(self)
        return memo[("pattern", key)]

    def metric(self, code: str) -> Metric:
        return self._metric_by_code[code]  # a look-up per figure: no pass over the catalogue

    @cached_property
    def _metric_by_code(self) -> dict[str, Metric]:
        return {m.code: m for m in reversed(self.metrics)}  # the first of a code wins, as next() did

    @cached_property
    def _words_by_place(self) -> dict[tuple[str, str], tuple[CueWord, ...]]:
        found: dict[tuple[str, str], list[CueWord]] = {}
        for c in self.cue_words:
            found.setdefault((c.kind, c.position), []).append(c)
        return {k: tuple(sorted(v, key=lambda c: -len(c.word))) for k, v in found.items()}

    def words(self, kind: str, position: str) -> tuple[CueWord, ...]:
        """The cue words of a kind looked for at a position, longest first (不超过 before 超过 before 超);
        indexed once (rules ask per figure, and a scan of every cue word each time cost 0.9 s of 512 KB)."""
        return self._words_by_place.get((kind, position), ())

    def cue(self, kind: str, code: str) -> re.Pattern:
        """One pattern for every word of a kind that gives code (longest first); none matches nothing."""
        return self._patterns.get((kind, code), _NEVER)

    def words_of(self, kind: str, code: str | None = None, position: str | None = None) -> tuple[str, ...]:
        """The words of a kind (and code, position), longest first: rank, furniture and frame lists.
        Kept once read: a draft asks for the same list for every number and every place mention."""
        key = (kind, code, position)
        if key not in self._word_lists:
            self._word_lists[key] = self._read_words_of(kind, code, position)
        return self._word_lists[key]

    @cached_property
    def _word_lists(self) -> dict:
        return {}

    def _read_words_of(self, kind: str, code: str | None, position: str | None) -> tuple[str, ...]:
        found = [
            c.word
            for c in self.cue_words
            if c.kind == kind and (code is None or c.code == code) and (position is None or c.position == position)
        ]
        return tuple(sorted(dict.fromkeys(found), key=len, reverse=True))

    def alternation(self, kind: str, code: str | None = None, position: str | None = None) -> str:
        """A regex alternation of words_of (matches nothing when there are none)."""
        key = ("alternation", kind, code, position)
        if key not in self._word_lists:
            words = self.words_of(kind, code, position)
            self._word_lists[key] = "|".join(map(re.escape, words)) if words else "(?!)"
        return self._word_lists[key]

    @cached_property
    def unit_guards(self) -> dict[str, str]:
        """Unit character -> the characters after it that make it part of a word (个人, 项目)."""
        return {c.word: "".join(c.not_followed_by) for c in self.cue_words if c.kind == "unit_guard"}

    @cached_property
    def _patterns(self) -> dict[tuple[str, str], re.Pattern]:
        by_code: dict[tuple[str, str], list[CueWord]] = {}
        for c in self.cue_words:
            by_code.setdefault((c.kind, c.code), []).append(c)
        return {
            key: re.compile("|".join(c.regex for c in sorted(words, key=lambda c: -len(c.word))))
            for key, words in by_code.items()
        }

    def without(self, keep) -> Reference:
        """The reference with only the cue words, aliases and enterprises for which keep(word) holds
        (the leave-one-out benchmark drops the strings only the held-out document holds)."""
        removed: dict[str, list[str]] = {}

        def kept(kind: str, words):
            out = []
            for word in words:
                (out if keep(word) else removed.setdefault(kind, [])).append(word)
            return out

        metrics = tuple(replace(m, cues=tuple(kept("cue", m.cues))) for m in self.metrics)
        kept_words = set(kept("grammar", dict.fromkeys(c.word for c in self.cue_words)))  # 累计 counted once
        cue_words = tuple(c for c in self.cue_words if c.word in kept_words)
        kept_places, kept_clusters = set(kept("place", self.places)), set(kept("cluster", self.clusters))
        places = {k: v for k, v in self.places.items() if k in kept_places}
        clusters = {k: v for k, v in self.clusters.items() if k in kept_clusters}
        return replace(
            self,
            metrics=metrics,
            places=places,
            clusters=clusters,
            cue_words=cue_words,
            enterprises=tuple(kept("enterprise", self.enterprises)),
            enterprise_places={k: v for k, v in self.enterprise_places.items() if keep(k)},
            subject_metrics={k: v for k, v in self.subject_metrics.items() if keep(k)},
            subjects=tuple(kept("subject", self.subjects)),
            removed={k: tuple(v) for k, v in removed.items()},
        )


def _rows(raw_dir: Path, contract: Contract) -> list[dict[str, str]]:
    """The contract's rows, read from the files the load reads (load/rows.py)."""
    if not files_of(raw_dir, contract) and not contract.optional:
        raise _not_found(raw_dir / contract.path)
    return values_of(raw_dir, contract)


def _not_found(path: Path) -> ClusterdwError:
    return ClusterdwError(
        f"reference file {path.name} not found",
        Location(str(path)),
        "run suggest in a clusterdw project (--project-dir) that has raw/reference/",
    )


def _require(path: Path, rows: list[dict[str, str]], column: str) -> None:
    if rows and column not in rows[0]:
        raise ClusterdwError(
            f"column {column} missing",
            Location(str(path), 1, column),
            "add the column to the file's header (raw/README.md gives its contract)",
        )


def load(raw_dir: Path, exclude_documents: frozenset[str] = frozenset()) -> Reference:
    """The reference of a project's raw/; enterprises come from raw/figures but for exclude_documents."""
    units: dict[str, set[str]] = {}
    for row in _rows(raw_dir, UNITS):
        units.setdefault(simplified(row["unit"]), set()).add(row["unit_measure"])
    places: dict[str, str] = {}
    levels: dict[str, str] = {}
    parents: dict[str, str] = {}
    full_names: dict[str, str] = {}
    for row in _rows(raw_dir, PLACES):
        levels[row["place_key"]] = row["level"]
        if row.get("parent_key"):
            parents[row["place_key"]] = row["parent_key"]
        full_names[row["place_key"]] = row["name_zh_hans"]
        for column in ("name_zh_hans", "name_zh_hant", "short_name_zh_hans", "short_name_zh_hant"):
            if row.get(column):
                places[simplified(row[column])] = row["place_key"]
    for row in _rows(raw_dir, PLACE_ALIASES):
        places.setdefault(simplified(row["alias"]), row["place_key"])
    clusters = {simplified(row["alias"]): row["cluster_key"] for row in _rows(raw_dir, CLUSTER_ALIASES)}
    metrics_path = raw_dir / METRICS.path
    metric_rows = _rows(raw_dir, METRICS)
    _require(metrics_path, metric_rows, "cue_words")
    metrics = tuple(
        Metric(
            row["metric_code"],
            row["metric_kind"],
            row["unit_measure"],
            tuple(simplified(c.strip()) for c in (row["cue_words"] or "").split(";") if c.strip()),
        )
        for row in metric_rows
    )
    cue_words = _cue_words(raw_dir)
    enterprises: set[str] = set()
    cities: dict[str, Counter] = {}
    kinds = {m.code: m.kind for m in metrics}
    subject_metrics: dict[str, Counter] = {}
    for row in values_of(raw_dir, FIGURES):
        code = row.get("rate_of_metric_code") or row.get("metric_code") or ""
        if row.get("subject") and kinds.get(code) == "level" and row.get("document_id") not in exclude_documents:
            subject_metrics.setdefault(simplified(row["subject"]), Counter())[code] += 1
        if row.get("enterprise") and row.get("document_id") not in exclude_documents:
            name = simplified(row["enterprise"])
            enterprises.add(name)
            key = places.get(simplified(row.get("place") or ""))
            if levels.get(key) in CITY_LEVELS:
                cities.setdefault(name, Counter())[(row["place"], key)] += 1
    return Reference(
        units,
        places,
        levels,
        clusters,
        tuple(sorted(enterprises, key=len, reverse=True)),
        metrics,
        cue_words,
        enterprise_places={name: found.most_common(1)[0][0] for name, found in cities.items()},
        place_parents=parents,
        place_full_names=full_names,
        subject_metrics={name: found.most_common(1)[0][0] for name, found in subject_metrics.items()},
        subjects=tuple(sorted({simplified(row["alias"]) for row in _rows(raw_dir, SUBJECTS)}, key=len, reverse=True)),
    )


def _cue_words(raw_dir: Path) -> tuple[CueWord, ...]:
    """The grammar's cue words, each row checked against the contract's kinds, codes and positions: a
    word suggest cannot read is an error here, never a word silently unused."""
    path = raw_dir / CUE_WORDS.path
    if not files_of(raw_dir, CUE_WORDS):
        raise _not_found(path)
    rows = [(row.line, row.values) for row in rows_of(raw_dir, CUE_WORDS)]
    for column in ("cue_kind", "cue_word", "code", "position"):
        _require(path, [row for _, row in rows], column)
    words = []
    for line, row in rows:
        kind = row["cue_kind"]
        for column, allowed in (
            ("cue_kind", tuple(CUE_CODES)),
            ("code", CUE_CODES.get(kind, ())),
            ("position", CUE_POSITIONS.get(kind, ())),
        ):
            if row[column] not in allowed:
                what = "a cue kind" if column == "cue_kind" else f"a {column} of cue_kind {kind}"
                raise ClusterdwError(
                    f"{column} '{row[column]}' is not {what}",
                    Location(str(path), line, column),
                    f"write one of {', '.join(allowed)} (raw/README.md gives the contract)",
                )
        if not (row["cue_word"] or "").strip():
            raise ClusterdwError(
                "cue_word is empty", Location(str(path), line, "cue_word"), "write the word, or delete the row"
            )
        words.append(
            CueWord(
                kind,
                simplified(row["cue_word"].strip()),
                row["code"],
                row["position"],
                _words(row.get("not_followed_by")),
                _words(row.get("not_preceded_by")),
            )
        )
    return tuple(words)


def _words(cell: str | None) -> tuple[str, ...]:
    return tuple(simplified(w.strip()) for w in (cell or "").split(";") if w.strip())
