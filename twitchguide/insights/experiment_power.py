"""A self-experiment's power: the person's own past variability, and the change it can find.

The past diary is cut into pairs of blocks like the experiment's; their spread, corrected as
measured in benchmarks/bench_experiment.py, gives the power of the within-pair t-test.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from twitchguide.insights import student_t
from twitchguide.insights.experiment import MIN_BLOCK_DAYS, MIN_PAIRS, DayOutcome, block_rate, pct
from twitchguide.wording import counted

# SD of a pair's log rate ratio in a typical simulated diary with 3 counted days a block
# (benchmarks/bench_experiment.py: 0.70 at 3, 0.61 at 4, 0.50 at 6 counted days, close to
# 0.70·sqrt(3 / days)), used until a person has their own.
TYPICAL_PAIR_SD = 0.70
TYPICAL_COMPLETE_SHARE = 0.85
# The SD from a handful of past pairs ran low: in simulated experiments the pairs' real SD was
# about 1.2–1.25 times the history's (fewer kept days, and few pairs to estimate from), and
# the uncorrected power statement was up to 15 points too hopeful (docs/benchmarks.md).
SD_INFLATION = 1.25
MIN_HISTORY_PAIRS = 4
ASSUMED_ADHERENCE = 0.9


@dataclass(frozen=True)
class PairHistory:
    """How a person's past diary behaves when cut into the experiment's pairs of blocks."""

    pair_sd: float
    pairs_used: int
    complete_share: float  # chance a pair ends up complete, at the assumed adherence


def history_pairs(
    days: Sequence[tuple[date, DayOutcome]],
    block_days: int,
    washout_days: int,
    adherence: float = ASSUMED_ADHERENCE,
) -> PairHistory:
    """SD of a pair's log rate ratio in the person's past diary, and how often pairs complete.

    The past is cut into back-to-back pairs of blocks exactly like the experiment's (same
    counted days), so the figure carries the person's own day-to-day and week-to-week swings.
    A pair completes when both blocks keep MIN_BLOCK_DAYS days after the days not logged then,
    and after losing each day with chance 1 − adherence. With fewer than MIN_HISTORY_PAIRS
    complete pairs, TYPICAL_PAIR_SD and TYPICAL_COMPLETE_SHARE stand in.
    """
    ordered = sorted(days)
    differences: list[float] = []
    completion: list[float] = []
    if ordered:
        first = ordered[0][0]
        by_day = dict(ordered)
        span = (ordered[-1][0] - first).days + 1
        for start in range(0, span - 2 * block_days + 1, 2 * block_days):
            rates, chance = [], 1.0
            for block in range(2):
                episodes = hours = 0.0
                used = 0
                for offset in range(washout_days, block_days):
                    day = first + timedelta(days=start + block * block_days + offset)
                    outcome = by_day.get(day)
                    if outcome is not None and outcome.logged:
                        episodes += outcome.episodes
                        hours += outcome.hours
                        used += 1
                chance *= _at_least(MIN_BLOCK_DAYS, used, adherence)
                if used >= MIN_BLOCK_DAYS:
                    rates.append(block_rate(episodes, hours))
            completion.append(chance)
            if len(rates) == 2:
                differences.append(rates[0] - rates[1])
    k = len(differences)
    if k < MIN_HISTORY_PAIRS:
        typical = TYPICAL_PAIR_SD * math.sqrt(3 / max(1, block_days - washout_days))
        return PairHistory(typical, k, TYPICAL_COMPLETE_SHARE)
    mean = sum(differences) / k
    sd = math.sqrt(sum((d - mean) ** 2 for d in differences) / (k - 1))
    return PairHistory(sd * SD_INFLATION, k, sum(completion) / len(completion))


def _at_least(needed: int, days: int, keep: float) -> float:
    """P(Binomial(days, keep) ≥ needed)."""
    return sum(
        math.comb(days, j) * keep**j * (1 - keep) ** (days - j) for j in range(needed, days + 1)
    )


def expected_power(rate_ratio: float, history: PairHistory, pairs: int) -> float:
    """Power averaged over how many pairs end up complete (fewer than MIN_PAIRS: no result)."""
    share = history.complete_share
    return sum(
        math.comb(pairs, k)
        * share**k
        * (1 - share) ** (pairs - k)
        * power(rate_ratio, history.pair_sd, k)
        for k in range(MIN_PAIRS, pairs + 1)
    )


def power(rate_ratio: float, pair_sd: float, pairs: int) -> float:
    """Power of the two-sided 5% within-pair t-test for a true rate ratio (noncentral t)."""
    df = pairs - 1
    shift = abs(math.log(rate_ratio)) * math.sqrt(pairs) / pair_sd
    t_crit = student_t.quantile(0.975, df)
    # P(|Z + shift| > t_crit·sqrt(V/df)), V ~ chi²(df), integrated over V (Simpson's rule).
    steps, top = 400, df + 12.0 * math.sqrt(2.0 * df) + 10.0
    width = top / steps
    total = 0.0
    for i in range(steps + 1):
        v = i * width
        density = _chi2_pdf(v, df)
        if density == 0.0:
            continue
        cut = t_crit * math.sqrt(v / df)
        tail = _normal_sf(cut - shift) + _normal_sf(cut + shift)
        weight = 1 if i in (0, steps) else (4 if i % 2 else 2)
        total += weight * density * tail
    return min(1.0, total * width / 3.0)


def detectable_rate_ratio(history: PairHistory, pairs: int, target: float = 0.8) -> float:
    """The smallest reduction (as a rate ratio below 1) found with `target` power."""
    low, high = 1e-4, 1.0  # log-scale effect sizes, as -log(rate ratio)
    while expected_power(math.exp(-high), history, pairs) < target and high < 20:
        low, high = high, high * 2
    for _ in range(14):
        mid = (low + high) / 2
        if expected_power(math.exp(-mid), history, pairs) < target:
            low = mid
        else:
            high = mid
    return math.exp(-high)


def power_statement(history: PairHistory, pairs: int) -> str:
    """The detectable effect in words, saying whose variability it rests on."""
    rr = detectable_rate_ratio(history, pairs)
    basis = (
        f"Your twitching went up and down this much in your diary so far "
        f"({counted(history.pairs_used, 'pair')} of blocks)."
        if history.pairs_used >= MIN_HISTORY_PAIRS
        else "Your diary is still short, so this uses a typical diary."
    )
    return (
        f"{basis} So this experiment has an 80% chance to find a change of about "
        f"{pct(1 - rr)}% fewer twitches or more, if there is one. It may miss smaller "
        "changes. This is if you keep to the plan on about 9 days in 10."
    )


def _chi2_pdf(v: float, df: int) -> float:
    if v <= 0.0:
        return 0.0 if df != 2 else 0.5
    return math.exp(
        (df / 2 - 1) * math.log(v) - v / 2 - (df / 2) * math.log(2) - math.lgamma(df / 2)
    )


def _normal_sf(x: float) -> float:
    return 0.5 * math.erfc(x / math.sqrt(2.0))
