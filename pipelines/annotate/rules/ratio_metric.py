"""A share of one catalogue amount in another that the catalogue names as a metric of its own is that
metric, not a share: R&D spending as a percent of GDP (R&D经费占地区生产总值比重, 研发投入占GDP比重, 研发经费支出
占营业收入的比重) is rd_intensity (metrics.csv: "R&D expenditure as percent of GDP or of revenue"), as
研发经费投入强度 is. Such a metric already says what it is a ratio of, so it has no rate_of_metric_code
(raw/figures: 经费投入强度(0.84%) rd_intensity with none; a rank by it has rd_intensity): the 研发经费 its
name holds (研发经费投入强度) is no level it is a rate of."""

from __future__ import annotations

import re

from .. import cues

# ratio metric -> (its part, the wholes it may be taken of), from the catalogue's descriptions
RATIOS = {"rd_intensity": ("rd_expenditure", ("gdp", "revenue"))}
SHARES = ("share",)  # what a share of the part in the whole was drafted as
_NO_WHOLE = r"[^\d,;:。!?占]{{0,4}}(?:{})[为达是到约超近了\s]{{0,3}}"  # 投入占比达: nothing but glue after it
_ANOTHER = re.compile(r"[\d,;:。!?]")  # another number or clause between part, 占 and whole


def of_its_parts(figure, doc, earlier):
    if figure.at < 0:
        return figure
    if figure.metric_code in SHARES:
        _named_by_its_parts(figure, doc, earlier) or _like_the_ratio_before(figure, doc, earlier)
    _rated_by_the_ratio_before(figure, doc, earlier)
    parts = RATIOS.get(figure.metric_code)
    if parts and figure.rate_of_metric_code in (parts[0], *parts[1]):
        figure.notes.append(f"{figure.metric_code} is a ratio of its own: no rate_of ({figure.rate_of_metric_code})")
        figure.rate_of_metric_code = ""
    return figure


def _before_in_its_sentence(figure, earlier):
    if earlier and earlier[-1].at >= figure.sentence[0] and earlier[-1].sentence == figure.sentence:
        return earlier[-1]
    return None


def _rated_by_the_ratio_before(figure, doc, earlier):
    """研发投入强度达到2.5%,居全国第10位: the rank is by the ratio before it, not by the 研发投入 its name holds."""
    before = _before_in_its_sentence(figure, earlier)
    if before is None or before.metric_code not in RATIOS:
        return
    if doc.reference.metric(figure.metric_code).kind not in ("rate", "rank"):
        return
    part, wholes = RATIOS[before.metric_code]
    if figure.rate_of_metric_code in (part, *wholes):
        figure.rate_of_metric_code = before.metric_code
        figure.notes.append(f"a rate or rank of the {before.metric_code} before it")


def _like_the_ratio_before(figure, doc, earlier):
    """由0.8%提高到0.9%, 远低于全国平均水平(2.65%): a percent right after a ratio in its sentence, with no
    share word of its own between, is the same ratio (a later value or a comparison)."""
    before = _before_in_its_sentence(figure, earlier)
    if before is None or before.metric_code not in RATIOS:
        return False
    share = doc.reference.metric(figure.metric_code)
    between = doc.norm[before.unit_end : figure.at]
    if any(cue in between for cue in share.cues):
        return False
    figure.metric_code = before.metric_code
    figure.rate_of_metric_code = ""
    figure.notes.append(f"no share word of its own: the {before.metric_code} before it")
    return True


def _named_by_its_parts(figure, doc, earlier):
    norm, reference = doc.norm, doc.reference
    lo = figure.clause[0]
    hits = cues.cue_hits(norm, (lo, figure.at), reference)
    before = _before_in_its_sentence(figure, earlier)
    if (
        before is not None and before.unit_end <= lo
    ):  # 研发经费投入200亿元,占地区生产总值的0.9%: the part is the figure before
        hits = [cues.CueHit(reference.metric(before.metric_code), lo, lo), *hits]
    share = reference.metric(figure.metric_code)
    of = [m.start() + lo for m in re.finditer(f"(?:{'|'.join(map(re.escape, share.cues))})", norm[lo : figure.at])]
    # a share word that is a noun of its own (占比, 比重), not the 占 that a whole follows
    nouns = "|".join(re.escape(c) for c in share.cues if len(c) > 1 and c.startswith(("占", "比")))
    for code, (part, wholes) in RATIOS.items():
        for p in (h for h in hits if h.metric.code == part):
            of_at = next((at for at in of if at >= p.end and not _ANOTHER.search(norm, p.end, at)), None)
            if of_at is None:
                continue
            whole = next((h for h in hits if h.metric.code in wholes and h.start > of_at), None)
            if whole is None or _ANOTHER.search(norm, of_at, whole.start):
                # 研发投入占比达2.5%: a share of the part with no whole named is of the wholes the ratio is of
                unnamed = re.fullmatch(_NO_WHOLE.format(nouns), norm[p.end : figure.at])
                if not unnamed:
                    continue
            figure.metric_code = code
            figure.rate_of_metric_code = ""
            whole_code = whole.metric.code if whole else "/".join(wholes) + ", not named"
            figure.notes.append(f"a share of {part} in {whole_code} ({doc.text.span(p.start, figure.at)}): {code}")
            return True
    return False
