"""What goes with more twitching: one multivariable rate model over all daily factors.

Method (see /shared research "trigger-method" and docs/insights.md):
- outcome: episodes per diary day, offset log(hours observed / 16);
- terms: every factor at lag 0 (same day) and lag 1 (the day before), z-scored, each on its
  natural scale (alcohol in units); weekend; the previous day's log-rate and a
  previous-day-missing indicator;
- a N(0, 0.3²) prior on each per-SD effect (penalised IRLS); variance φ·μ·(1 + αμ), chosen
  over quasi-Poisson on measured FDR and coverage (docs/benchmarks.md);
- p-values (for the FDR step) use Student's t with df = n − effective df, a small-sample guard
  on the discovery claim; the 95% intervals are the normal posterior intervals the prior
  implies. t-based intervals on top of the prior covered 98.4% at 30 days, above the 90–98%
  target; normal ones cover 97% (docs/benchmarks.md);
- evidence: `likely` = Benjamini–Hochberg over all factor × lag terms, at q = 0.15 up to
  120 logged days and 0.10 beyond (the levels that kept the measured FDR under 10%);
  `possible` = 95% interval excludes 1; else `no_clear_link` with the smallest effect the data
  could have shown; `not_enough_data` when the data gates fail.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from twitchguide.insights import student_t
from twitchguide.insights.daily_table import DailyTable, FloatArray
from twitchguide.insights.discovery import benjamini_hochberg, null_share, two_stage
from twitchguide.insights.evidence import Evidence, TriggerResult, false_share
from twitchguide.insights.factors import ALCOHOL_YES_NO, FACTORS, Factor
from twitchguide.insights.ratefit import fit_rate_model
from twitchguide.insights.wording import trigger_sentence
from twitchguide.wording import counted

__all__ = ["Evidence", "TriggerAnalysis", "TriggerResult", "analyse_triggers"]

PRIOR_SD = 0.3
_Z_INTERVAL = 1.959964  # z(0.975)
# BH level by diary length, chosen on measured FDR (docs/benchmarks.md, "Trigger engine,
# issue 17"): up to SHORT_DIARY_DAYS logged days q = 0.15 kept the measured FDR at 2–9% with
# modest or strong true effects; beyond, q = 0.15 let it reach 11–12%, so q = 0.10 there.
FDR_Q = 0.10
FDR_Q_SHORT = 0.15
SHORT_DIARY_DAYS = 120
VARIANCE = "negative_binomial"
DISCOVERY = "bh"
POOLED_PRIOR = False
_LOOSE_PRIOR_SD = 1.0
MIN_DAYS = 21
MIN_SIDE = 3
# z(0.80): the minimum detectable effect is the one found with 80% power at the 5% level.
_Z_POWER = 0.8416
_NUISANCE_PRECISION = 1e-6
# Quasi-Poisson stays as an option for the benchmark: it found more at 60-90 days on modest
# effects, but with stronger effects its FDR reached 16.5% and coverage fell to 89%.
VARIANCES = ("quasi_poisson", "negative_binomial")
DISCOVERIES = ("bh", "adaptive_bh", "two_stage")


@dataclass(frozen=True)
class TriggerAnalysis:
    """Every factor × lag result, plus the fit summary."""

    days_logged: int
    results: list[TriggerResult]
    not_logged: list[str]
    dispersion: float | None = None
    nb_alpha: float | None = None
    df_resid: float | None = None
    summary: str = ""
    method: dict[str, float] = field(default_factory=dict)


@dataclass(frozen=True)
class _Column:
    factor: Factor
    lag: int
    mean: float
    sd: float


def analyse_triggers(
    table: DailyTable,
    *,
    prior_sd: float = PRIOR_SD,
    q: float | None = None,
    min_days: int = MIN_DAYS,
    min_side: int = MIN_SIDE,
    dispersion_floor: float = 1.0,
    variance: str = VARIANCE,
    discovery: str = DISCOVERY,
    alcohol_yes_no: bool = False,
    pooled_prior: bool = POOLED_PRIOR,
) -> TriggerAnalysis:
    """Fit the trigger model to a daily table and label every factor × lag term.

    The keyword settings exist for the benchmark (docs/benchmarks.md compares them); the
    defaults are the measured choice. `alcohol_yes_no` brings back the first engine's yes/no
    alcohol term; `discovery` names the false-discovery procedure (`insights.discovery`).
    """
    if variance not in VARIANCES or discovery not in DISCOVERIES:
        raise ValueError(f"variance must be one of {VARIANCES}, discovery one of {DISCOVERIES}")
    factors = tuple(
        ALCOHOL_YES_NO if alcohol_yes_no and f.name == ALCOHOL_YES_NO.name else f for f in FACTORS
    )
    rows = np.flatnonzero(table.observed)
    n = len(rows)
    level = q if q is not None else (FDR_Q_SHORT if n <= SHORT_DIARY_DAYS else FDR_Q)
    values = {f.name: _transform(f, table.factors[f.name]) for f in factors}
    logged = [f for f in factors if np.isfinite(values[f.name][rows]).any()]
    not_logged = [f.name for f in factors if f not in logged]
    method = {
        "prior_sd": prior_sd,
        "fdr_q": level,
        "min_days": float(min_days),
        "negative_binomial_variance": float(variance == "negative_binomial"),
    }

    if n < min_days or table.episodes[rows].sum() < 1:
        needed = max(min_days - n, 1)
        waiting = [_not_enough(f, lag, needed, n) for f in logged for lag in (0, 1)]
        summary = (
            f"Not enough data yet: {counted(n, 'day')} logged. Keep logging for about "
            f"{counted(needed, 'more day')} before any link can be looked at."
        )
        return TriggerAnalysis(n, waiting, not_logged, summary=summary, method=method)

    gated: dict[str, int] = {}
    columns: list[_Column] = []
    for f in logged:
        v = values[f.name][rows]
        short = _days_short(v[np.isfinite(v)], min_side)
        if short:
            gated[f.name] = short
            continue
        recorded = v[np.isfinite(v)]
        for lag in (0, 1):
            columns.append(_Column(f, lag, float(recorded.mean()), float(recorded.std())))

    x, y, offset, precision = _design(table, rows, values, columns, prior_sd)
    alpha = None if variance == "negative_binomial" else 0.0
    first = x.shape[1] - len(columns)
    if pooled_prior and columns:
        # Partial pooling across factors: the spread of the effects themselves sets the prior
        # (method of moments from a loosely penalised fit), never tighter than prior_sd.
        loose = precision.copy()
        loose[first:] = 1.0 / _LOOSE_PRIOR_SD**2
        wide = fit_rate_model(x, y, offset, loose, alpha=alpha, dispersion_floor=dispersion_floor)
        spread = float(np.mean(wide.coef[first:] ** 2 - wide.se[first:] ** 2))
        pooled_sd = min(max(prior_sd, math.sqrt(max(spread, 0.0))), _LOOSE_PRIOR_SD)
        precision[first:] = 1.0 / pooled_sd**2
        method["pooled_prior_sd"] = pooled_sd
    fit = fit_rate_model(x, y, offset, precision, alpha=alpha, dispersion_floor=dispersion_floor)
    results = _label_terms(
        columns, fit.coef[first:], fit.se[first:], fit.df_resid, level, n, discovery=discovery
    )
    for f in logged:
        if f.name in gated:
            results.extend(_not_enough(f, lag, gated[f.name], n) for lag in (0, 1))
    order = {f.name: i for i, f in enumerate(factors)}
    results.sort(key=lambda r: (order[r.factor], r.lag_days))
    return TriggerAnalysis(
        days_logged=n,
        results=results,
        not_logged=not_logged,
        dispersion=fit.dispersion,
        nb_alpha=fit.alpha,
        df_resid=fit.df_resid,
        summary=_summary(results, n),
        method=method,
    )


def _label_terms(
    columns: list[_Column],
    coef: FloatArray,
    se: FloatArray,
    df: float,
    q: float,
    n: int,
    *,
    discovery: str,
) -> list[TriggerResult]:
    """Rate ratio, 95% interval and evidence label for each factor × lag term in the model."""
    p_values = [student_t.two_sided_p(float(b / s), df) for b, s in zip(coef, se, strict=True)]
    if discovery == "two_stage":
        discoveries = two_stage(p_values, [col.factor.name for col in columns], q)
    else:
        level = q / null_share(p_values) if discovery == "adaptive_bh" else q
        discoveries = benjamini_hochberg(p_values, level)
    results = []
    for j, col in enumerate(columns):
        scale = col.factor.delta / col.sd
        log_rr, log_se = float(coef[j]) * scale, float(se[j]) * abs(scale)
        low, high = log_rr - _Z_INTERVAL * log_se, log_rr + _Z_INTERVAL * log_se
        if discoveries[j]:
            evidence = "likely"
        elif low > 0 or high < 0:
            evidence = "possible"
        else:
            evidence = "no_clear_link"
        detectable = math.exp((_Z_INTERVAL + _Z_POWER) * log_se)
        result = TriggerResult(
            factor=col.factor.name,
            label=col.factor.label,
            lag_days=col.lag,
            contrast=col.factor.contrast,
            evidence=evidence,
            rate_ratio=math.exp(log_rr),
            ci_low=math.exp(low),
            ci_high=math.exp(high),
            p_value=p_values[j],
            detectable_rate_ratio=detectable if evidence == "no_clear_link" else None,
            days_logged=n,
            false_share=false_share(evidence, n),
        )
        results.append(_worded(result))
    return results


def _transform(factor: Factor, raw: FloatArray) -> FloatArray:
    if factor.binary:
        return np.where(np.isfinite(raw), (raw > 0).astype(np.float64), np.nan)
    return raw


def _days_short(recorded: FloatArray, min_side: int) -> int:
    """How many more days are needed so that ≥min_side days lie on each side of the median."""
    if len(recorded) == 0:
        return min_side * 2
    median = float(np.median(recorded))
    splits = [
        (int((recorded <= median).sum()), int((recorded > median).sum())),
        (int((recorded < median).sum()), int((recorded >= median).sum())),
    ]
    return min(max(min_side - low, 0) + max(min_side - high, 0) for low, high in splits)


def _design(
    table: DailyTable,
    rows: np.ndarray,
    values: dict[str, FloatArray],
    columns: list[_Column],
    prior_sd: float,
) -> tuple[FloatArray, FloatArray, FloatArray, FloatArray]:
    y = table.episodes[rows]
    hours = table.hours[rows]
    offset = np.log(hours / 16.0)
    previous = rows - 1
    prev_ok = previous >= 0
    prev_ok[prev_ok] = table.observed[previous[prev_ok]]
    prev_rate = np.zeros(len(rows))
    safe_prev = previous[prev_ok]
    prev_rate[prev_ok] = np.log((table.episodes[safe_prev] + 0.5) / (table.hours[safe_prev] / 16.0))
    if prev_ok.any():
        prev_rate[prev_ok] -= prev_rate[prev_ok].mean()
    weekend = table.weekend[rows].astype(np.float64)
    nuisance = [np.ones(len(rows)), weekend, prev_rate, (~prev_ok).astype(np.float64)]
    factor_columns = []
    for col in columns:
        source = values[col.factor.name]
        if col.lag == 0:
            raw = source[rows]
        else:
            raw = np.full(len(rows), np.nan)
            has = previous >= 0
            raw[has] = source[previous[has]]
        z = (raw - col.mean) / col.sd
        factor_columns.append(np.where(np.isfinite(z), z, 0.0))
    x = np.column_stack(nuisance + factor_columns)
    precision = np.array([_NUISANCE_PRECISION] * len(nuisance) + [1.0 / prior_sd**2] * len(columns))
    return x, y, offset, precision


def _not_enough(factor: Factor, lag: int, needed: int, n: int) -> TriggerResult:
    result = TriggerResult(
        factor=factor.name,
        label=factor.label,
        lag_days=lag,
        contrast=factor.contrast,
        evidence="not_enough_data",
        days_needed=needed,
        days_logged=n,
    )
    return _worded(result)


def _worded(result: TriggerResult) -> TriggerResult:
    return TriggerResult(**{**result.__dict__, "wording": trigger_sentence(result)})


def _summary(results: list[TriggerResult], n: int) -> str:
    flagged = [r for r in results if r.evidence in ("likely", "possible")]
    if not flagged:
        return (
            f"With {n} days logged, no factor shows a clear link with your twitching yet. "
            "That is the most common result, and it is useful to know."
        )
    likely = sum(r.evidence == "likely" for r in results)
    possible = len(flagged) - likely
    parts = []
    if likely:
        parts.append(counted(likely, "link") + (" looks" if likely == 1 else " look") + " likely")
    if possible:
        need = " needs" if possible == 1 else " need"
        parts.append(counted(possible, "possible link") + need + " more logging")
    return (
        f"With {n} days logged, " + " and ".join(parts) + ". These show what goes with more or "
        "fewer twitches, not what causes them."
    )
