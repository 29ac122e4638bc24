"""Round results: sheet totals, per-proposal and per-judge statistics, reliability, ranking.

Pure Python and numpy, no models: the results job, the results page and the
`analyze_scores` command all call `analyze()` (SPEC 3.4).

Conventions, chosen so that every figure can be recomputed by hand in public:
- Every standard deviation here is the population one (divide by n): the judge's and the
  round's in the z-score mapping, as SPEC demands, and also the per-proposal spread shown
  on the results page, so one rule holds throughout.
- Reliability is computed on the raw sheet totals (what the judges actually gave).
- A judge's severity is the mean, over the judge's sheets on proposals that other judges
  also scored, of (the judge's score - the mean of the other judges' scores on that
  proposal). Negative: stricter than the co-judges; positive: more lenient; None when the
  judge shares no proposal with another judge.
"""

from collections.abc import Hashable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

import numpy as np

NORMALIZE_CHOICES = ("none", "zscore")
# A judge with fewer sheets than this is not standardised (SPEC 3.4).
MIN_SHEETS_FOR_ZSCORE = 3
# Scores are compared for ties after rounding, so that sums taken in another order
# (1 ulp apart) still tie and the documented tie-break decides.
_TIE_DECIMALS = 9


def sheet_total(
    scores: Mapping[Hashable, float],
    weights: Mapping[Hashable, float],
    *,
    scale_min: float,
    scale_max: float,
) -> float:
    """One sheet's weighted score on 0-100 (SPEC 3.4).

    SPEC writes it as sum of w_i * (s_i - min) / (max - min) * 100 with weights summing
    to 100, which would reach 10,000; the weights are read as percentages, so the sum is
    divided by 100: sum of (w_i / 100) * (s_i - min) / (max - min) * 100. A sheet with
    every criterion at the top of the scale scores 100, at the bottom 0.
    """
    if scale_max <= scale_min:
        raise ValueError("Skala tidak sah: nilai maksimum harus lebih besar dari minimum.")
    if set(scores) != set(weights):
        missing = sorted(map(str, set(weights) - set(scores)))
        extra = sorted(map(str, set(scores) - set(weights)))
        raise ValueError(
            f"Kriteria lembar nilai tidak cocok dengan rubrik (kurang: {missing}, lebih: {extra})."
        )
    if abs(sum(weights.values()) - 100) > 1e-6:
        raise ValueError("Jumlah bobot kriteria harus 100.")
    total = 0.0
    for key, weight in weights.items():
        score = float(scores[key])
        if not scale_min <= score <= scale_max:
            raise ValueError(
                f"Nilai {score:g} untuk kriteria {key} di luar skala {scale_min:g}-{scale_max:g}."
            )
        total += weight * (score - scale_min) / (scale_max - scale_min)
    return total


@dataclass(frozen=True)
class ProposalStats:
    proposal: Any
    n: int
    raw_mean: float
    median: float
    sd: float  # population SD of the proposal's sheet totals
    min: float
    max: float
    normalized: float  # mean of the normalised sheets (= raw_mean with normalize="none")
    disagreement: bool  # max - min > threshold
    rank: int


@dataclass(frozen=True)
class JudgeStats:
    judge: Any
    n: int
    mean: float
    sd: float  # population SD of the judge's sheet totals
    severity: float | None
    fallback: bool  # z-score asked for, but raw scores used (< 3 sheets or zero spread)


@dataclass(frozen=True)
class SheetResult:
    proposal: Any
    judge: Any
    raw: float
    normalized: float


@dataclass(frozen=True)
class RoundAnalysis:
    normalize: str
    proposals: tuple[ProposalStats, ...]  # in rank order
    judges: Mapping[Any, JudgeStats]  # in sorted judge order
    sheets: tuple[SheetResult, ...]
    krippendorff_alpha: float | None
    icc: Mapping[str, float] | None  # None when the panel is incomplete
    overall_mean: float
    overall_sd: float
    disagreement_threshold: float | None = None
    by_proposal: Mapping[Any, ProposalStats] = field(default_factory=dict, repr=False)

    def as_json(self) -> dict:
        """The `analyze_scores` JSON object (issue 8): alpha, ICCs, judges, ranking."""
        return {
            "krippendorff_alpha": _round(self.krippendorff_alpha),
            "icc": None
            if self.icc is None
            else {name: _round(value) for name, value in self.icc.items()},
            "judges": {
                str(j.judge): {"n": j.n, "mean": _round(j.mean), "severity": _round(j.severity)}
                for j in self.judges.values()
            },
            "ranking": [
                {
                    "proposal": p.proposal,
                    "raw_mean": _round(p.raw_mean),
                    "normalized": _round(p.normalized),
                    "n": p.n,
                    "rank": p.rank,
                }
                for p in self.proposals
            ],
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(float(value), 6)


def _sorted_keys(keys: Iterable) -> list:
    """Keys in their natural order; mixed types fall back to (type name, repr)."""
    keys = list(keys)
    try:
        return sorted(keys)
    except TypeError:
        return sorted(keys, key=lambda k: (type(k).__name__, repr(k)))


def analyze(
    rows: Iterable[tuple[Any, Any, float]],
    *,
    normalize: str = "zscore",
    disagreement_threshold: float | None = None,
    tiebreak: Mapping[Any, tuple] | None = None,
) -> RoundAnalysis:
    """Analyse one round's sheet totals: rows of (proposal, judge, 0-100 score).

    Z-score (SPEC 3.4): each judge's sheets are standardised with that judge's population
    mean and SD, mapped back onto the round's overall population mean and SD of all
    sheets, and clipped to 0-100; a judge with fewer than 3 sheets or zero SD keeps raw
    scores and is flagged `fallback`. A proposal's normalised score is the mean of its
    normalised sheets.

    Ranking: normalised score (high first), then raw mean (high first), then the caller's
    `tiebreak` tuple per proposal (ascending; e.g. (-score on the highest-weighted
    criterion, forwarded_at, id); proposals without one come after those with one), then
    the proposal key itself; ranks are 1..n, unique.
    """
    if normalize not in NORMALIZE_CHOICES:
        raise ValueError(f"Normalisasi harus salah satu dari: {', '.join(NORMALIZE_CHOICES)}.")
    rows = list(rows)
    if not rows:
        raise ValueError("Tidak ada nilai untuk dianalisis.")
    seen = set()
    for proposal, judge, score in rows:
        if (proposal, judge) in seen:
            raise ValueError(f"Juri {judge} menilai usulan {proposal} lebih dari sekali.")
        seen.add((proposal, judge))
        if not (np.isfinite(score) and 0 <= score <= 100):
            raise ValueError(f"Nilai {score} (usulan {proposal}, juri {judge}) di luar 0-100.")
    proposals = _sorted_keys({r[0] for r in rows})
    judges = _sorted_keys({r[1] for r in rows})
    p_index = {p: i for i, p in enumerate(proposals)}
    j_index = {j: i for i, j in enumerate(judges)}
    pi = np.fromiter((p_index[r[0]] for r in rows), dtype=np.intp, count=len(rows))
    ji = np.fromiter((j_index[r[1]] for r in rows), dtype=np.intp, count=len(rows))
    raw = np.fromiter((r[2] for r in rows), dtype=float, count=len(rows))
    n_p, n_j = len(proposals), len(judges)

    # Per judge: population mean and SD.
    j_n = np.bincount(ji, minlength=n_j)
    j_mean = np.bincount(ji, raw, n_j) / j_n
    j_sd = np.sqrt(np.bincount(ji, (raw - j_mean[ji]) ** 2, n_j) / j_n)
    overall_mean, overall_sd = float(raw.mean()), float(raw.std())

    fallback = np.zeros(n_j, dtype=bool)
    if normalize == "zscore":
        fallback = (j_n < MIN_SHEETS_FOR_ZSCORE) | (j_sd <= 1e-12)
        safe_sd = np.where(fallback, 1.0, j_sd)
        z = (raw - j_mean[ji]) / safe_sd[ji]
        normalized = np.clip(overall_mean + z * overall_sd, 0.0, 100.0)
        normalized = np.where(fallback[ji], raw, normalized)
    else:
        normalized = raw.copy()

    # Per proposal: count, mean, SD, min, max, median, normalised mean.
    p_n = np.bincount(pi, minlength=n_p)
    p_sum = np.bincount(pi, raw, n_p)
    p_mean = p_sum / p_n
    p_sd = np.sqrt(np.bincount(pi, (raw - p_mean[pi]) ** 2, n_p) / p_n)
    p_norm = np.bincount(pi, normalized, n_p) / p_n
    order = np.lexsort((raw, pi))
    sorted_raw = raw[order]
    starts = np.concatenate(([0], np.cumsum(p_n)[:-1]))
    p_min, p_max = sorted_raw[starts], sorted_raw[starts + p_n - 1]
    p_median = (sorted_raw[starts + (p_n - 1) // 2] + sorted_raw[starts + p_n // 2]) / 2
    disagreement = (
        np.zeros(n_p, dtype=bool)
        if disagreement_threshold is None
        else (p_max - p_min) > disagreement_threshold
    )

    # Severity: deviation from the mean of the co-judges on the same proposal.
    shared = p_n[pi] > 1
    co_mean = np.where(shared, (p_sum[pi] - raw) / np.maximum(p_n[pi] - 1, 1), 0.0)
    dev_sum = np.bincount(ji, np.where(shared, raw - co_mean, 0.0), n_j)
    dev_n = np.bincount(ji, shared.astype(float), n_j)

    tiebreak = tiebreak or {}
    ranked = sorted(
        range(n_p),
        key=lambda i: (
            -round(float(p_norm[i]), _TIE_DECIMALS),
            -round(float(p_mean[i]), _TIE_DECIMALS),
            (0, tuple(tiebreak[proposals[i]])) if proposals[i] in tiebreak else (1, ()),
            i,
        ),
    )
    proposal_stats = tuple(
        ProposalStats(
            proposal=proposals[i],
            n=int(p_n[i]),
            raw_mean=float(p_mean[i]),
            median=float(p_median[i]),
            sd=float(p_sd[i]),
            min=float(p_min[i]),
            max=float(p_max[i]),
            normalized=float(p_norm[i]),
            disagreement=bool(disagreement[i]),
            rank=rank,
        )
        for rank, i in enumerate(ranked, start=1)
    )
    judge_stats = {
        judges[k]: JudgeStats(
            judge=judges[k],
            n=int(j_n[k]),
            mean=float(j_mean[k]),
            sd=float(j_sd[k]),
            severity=float(dev_sum[k] / dev_n[k]) if dev_n[k] else None,
            fallback=bool(fallback[k]),
        )
        for k in range(n_j)
    }
    sheets = tuple(
        SheetResult(r[0], r[1], float(r[2]), float(v))
        for r, v in zip(rows, normalized, strict=True)
    )
    complete = len(rows) == n_p * n_j
    icc_values = None
    if complete:
        matrix = np.empty((n_p, n_j))
        matrix[pi, ji] = raw
        icc_values = icc(matrix)
    return RoundAnalysis(
        normalize=normalize,
        proposals=proposal_stats,
        judges=judge_stats,
        sheets=sheets,
        krippendorff_alpha=_alpha_arrays(pi, raw, n_p),
        icc=icc_values,
        overall_mean=overall_mean,
        overall_sd=overall_sd,
        disagreement_threshold=disagreement_threshold,
        by_proposal={p.proposal: p for p in proposal_stats},
    )


def krippendorff_alpha_interval(units: Mapping[Any, Mapping[Any, float]]) -> float | None:
    """Krippendorff's alpha, interval metric, for {unit: {coder: value}} with gaps allowed.

    Only pairable values count (units with at least two values). alpha = 1 - D_o / D_e with
    D_o = (1/n) sum_u sum_{c != k in u} (v_c - v_k)^2 / (m_u - 1) and
    D_e = 1/(n(n-1)) sum_{c != k over all pairable values} (v_c - v_k)^2
    (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"). None when fewer than
    two pairable values or no variation at all (alpha undefined).
    """
    unit_idx, values = [], []
    for i, coded in enumerate(units.values()):
        present = [float(v) for v in coded.values() if v is not None and not np.isnan(v)]
        unit_idx.extend([i] * len(present))
        values.extend(present)
    if not values:
        return None
    return _alpha_arrays(np.asarray(unit_idx, dtype=np.intp), np.asarray(values), len(units))


def alpha_per_criterion(
    rows: Iterable[tuple[Any, Any, Any, float]],
) -> dict[Any, float | None]:
    """Interval alpha per criterion from rows of (proposal, judge, criterion, score),
    scores on the rubric's own scale; criteria in sorted order."""
    units: dict = {}
    for proposal, judge, criterion, score in rows:
        units.setdefault(criterion, {}).setdefault(proposal, {})[judge] = score
    return {c: krippendorff_alpha_interval(units[c]) for c in _sorted_keys(units)}


def _alpha_arrays(unit_idx: np.ndarray, values: np.ndarray, n_units: int) -> float | None:
    m = np.bincount(unit_idx, minlength=n_units)
    keep = m[unit_idx] >= 2
    unit_idx, values = unit_idx[keep], values[keep]
    n = values.size
    if n < 2:
        return None
    # Centre first: the differences are unchanged and the sums of squares stay accurate.
    values = values - values.mean()
    m = np.bincount(unit_idx, minlength=n_units).astype(float)
    s1 = np.bincount(unit_idx, values, n_units)
    s2 = np.bincount(unit_idx, values**2, n_units)
    used = m >= 2
    # sum over ordered pairs c != k of (v_c - v_k)^2 within a unit = 2 (m s2 - s1^2).
    within = 2 * (m[used] * s2[used] - s1[used] ** 2) / (m[used] - 1)
    d_o = within.sum() / n
    d_e = 2 * (n * (values**2).sum() - values.sum() ** 2) / (n * (n - 1))
    if d_e <= 1e-12:
        return None
    return float(1 - d_o / d_e)


def icc(matrix) -> dict[str, float] | None:
    """Shrout & Fleiss (1979) single-rater ICC(1,1), ICC(2,1), ICC(3,1).

    `matrix` is targets x judges, complete (every judge scored every target). Returns
    {"ICC1", "ICC2", "ICC3"}, or None when fewer than 2 targets or 2 judges, a value is
    missing, or a denominator is zero (no variance at all).
    """
    x = np.asarray(matrix, dtype=float)
    if x.ndim != 2 or x.shape[0] < 2 or x.shape[1] < 2 or np.isnan(x).any():
        return None
    n, k = x.shape
    grand = x.mean()
    row_means, col_means = x.mean(axis=1), x.mean(axis=0)
    ss_rows = k * ((row_means - grand) ** 2).sum()
    ss_cols = n * ((col_means - grand) ** 2).sum()
    ss_total = ((x - grand) ** 2).sum()
    ss_within = ss_total - ss_rows
    ss_error = ss_total - ss_rows - ss_cols
    bms = ss_rows / (n - 1)
    wms = ss_within / (n * (k - 1))
    jms = ss_cols / (k - 1)
    ems = ss_error / ((n - 1) * (k - 1))
    denominators = (
        bms + (k - 1) * wms,
        bms + (k - 1) * ems + k * (jms - ems) / n,
        bms + (k - 1) * ems,
    )
    if any(abs(d) <= 1e-12 for d in denominators):
        return None
    return {
        "ICC1": float((bms - wms) / denominators[0]),
        "ICC2": float((bms - ems) / denominators[1]),
        "ICC3": float((bms - ems) / denominators[2]),
    }
