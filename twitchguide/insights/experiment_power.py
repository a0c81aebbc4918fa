"""A self-experiment's power: the person's own past variability, and the change it can find.

The past diary is cut into pairs of blocks like the experiment's; their spread, corrected as
measured in benchmarks/bench_experiment.py, gives the power of the analysis the experiment
will use: the exact sign-flip test of `pair_tests.sign_flip_test`. That power has no formula,
so it is simulated once per number of pairs from a fixed seed (the same answer every time)
with pair contrasts drawn from a normal distribution of the person's SD.
"""

from __future__ import annotations

import functools
import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from typing import TYPE_CHECKING

from twitchguide.insights.experiment import (
    MIN_BLOCK_DAYS,
    MIN_PAIRS,
    DayOutcome,
    block_rate,
    pct,
)
from twitchguide.insights.pair_tests import interval_rank
from twitchguide.wording import counted

if TYPE_CHECKING:
    import numpy as np
    import numpy.typing as npt

# SD of a pair's log rate ratio in a typical simulated diary with 3 counted days a block
# (benchmarks/bench_experiment.py: 0.70 at 3, 0.61 at 4, 0.50 at 6 counted days, close to
# 0.70·sqrt(3 / days)), used until a person has their own.
TYPICAL_PAIR_SD = 0.70
TYPICAL_COMPLETE_SHARE = 0.85
# The SD from a handful of past pairs ran low (fewer kept days in an experiment, and few pairs
# to estimate from): the uncorrected statement was up to 15 points too hopeful. And a person's
# SD from 6–10 past pairs is itself noisy, which flattened the stated power against the true
# one (too hopeful for small changes, too gloomy for large ones). So the past pairs' variance
# is pooled with PRIOR_PAIRS pairs of a typical diary's, and the result scaled by
# SD_INFLATION: both chosen on simulated people (docs/benchmarks.md, issue 17, 2026-12-02).
SD_INFLATION = 1.15
PRIOR_PAIRS = 4
MIN_HISTORY_PAIRS = 4
ASSUMED_ADHERENCE = 0.9
# Simulated experiments per number of pairs: the power's Monte Carlo error is at most
# 0.5 / sqrt(20,000) ≈ 0.4 points.
POWER_DRAWS = 20_000
POWER_SEED = 20260017


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
    complete pairs, TYPICAL_PAIR_SD and TYPICAL_COMPLETE_SHARE stand in; with more, their
    variance is pooled with PRIOR_PAIRS pairs at TYPICAL_PAIR_SD.
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
    typical = TYPICAL_PAIR_SD * math.sqrt(3 / max(1, block_days - washout_days))
    if k < MIN_HISTORY_PAIRS:
        return PairHistory(typical, k, TYPICAL_COMPLETE_SHARE)
    mean = sum(differences) / k
    squares = sum((d - mean) ** 2 for d in differences)
    pooled = math.sqrt((squares + PRIOR_PAIRS * typical**2) / (k - 1 + PRIOR_PAIRS))
    return PairHistory(pooled * SD_INFLATION, k, sum(completion) / len(completion))


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
    """Chance the two-sided 5% sign-flip test over `pairs` contrasts finds a true rate ratio.

    With contrasts log(rate_ratio) + pair_sd·z, the interval's ends are log(rate_ratio) plus
    pair_sd times the same order statistics of z's subset means, so "fewer" is found when
    the simulated upper end of z is below |log rate ratio| / pair_sd, and "more" when it is
    below minus that (the two ends mirror each other).
    """
    import numpy as np

    ends = _upper_ends(pairs)
    shift = abs(math.log(rate_ratio)) / max(pair_sd, 1e-9)
    found = np.searchsorted(ends, [shift, -shift], side="left")
    return float(found.sum()) / len(ends)


@functools.cache
def _upper_ends(pairs: int) -> npt.NDArray[np.float64]:
    """The test's upper interval end over `pairs` standard normal contrasts, in POWER_DRAWS
    simulated experiments from POWER_SEED, sorted."""
    import numpy as np

    rank = interval_rank(pairs)
    if rank < 1:
        return np.full(POWER_DRAWS, np.inf)
    subsets = np.arange(1, 2**pairs)
    member = ((subsets[None, :] >> np.arange(pairs)[:, None]) & 1).astype(float)
    to_means = member / member.sum(axis=0)
    draws = np.random.default_rng([POWER_SEED, pairs]).standard_normal((POWER_DRAWS, pairs))
    ends = np.empty(POWER_DRAWS)
    for start in range(0, POWER_DRAWS, 5000):  # 5000 × 255 subset means at a time
        means = draws[start : start + 5000] @ to_means
        ends[start : start + 5000] = np.partition(means, -rank, axis=1)[:, -rank]
    ends.sort()
    return ends


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
        else "Your diary is still short, so this is worked out from a typical diary."
    )
    return (
        f"{basis} This experiment has an 80% chance to find a change of about "
        f"{pct(1 - rr)}% fewer twitches or more, if there is one. It may miss smaller "
        "changes. This is if you keep to the plan on about 9 days in 10."
    )
