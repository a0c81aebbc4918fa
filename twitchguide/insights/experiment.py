"""Self-experiments (randomised N-of-1): the schedule, the power statement and the analysis.

Pure Python on purpose (no numpy): `experiment today` must start fast. The design, fixed and
stored before day 1 (docs/insights.md, "Self-experiments"):
- `pairs` pairs of `block_days`-day blocks; within each pair one block follows the step ("on")
  and one does not ("off"), the order drawn at random from the stored seed;
- the first `washout_days` of every block are not analysed (the last condition may linger);
- a day counts when it is logged and the person says they kept that day's condition; a block
  counts with at least MIN_BLOCK_DAYS such days, a pair when both its blocks count;
- the result is the mean over complete pairs of log(rate on) − log(rate off), with a Student-t
  95% interval on (pairs − 1) df; at least MIN_PAIRS complete pairs are needed.
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from twitchguide.errors import InvalidInput
from twitchguide.insights import student_t
from twitchguide.wording import counted

MIN_BLOCK_DAYS = 2
MIN_PAIRS = 3
# 6 pairs of 7-day blocks (12 weeks): shorter designs could only show very large changes
# in a typical diary (docs/benchmarks.md, "Self-experiments").
DEFAULT_PAIRS = 6
DEFAULT_BLOCK_DAYS = 7
# Half an episode added to each block's count: a block with no twitches still has a rate.
_CONTINUITY = 0.5
_HOURS_UNIT = 16.0
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
class Step:
    """Something a person can safely try on some days and not others. Never a medicine."""

    name: str
    on_label: str
    on_today: str
    off_today: str
    washout_days: int


STEPS: dict[str, Step] = {
    step.name: step
    for step in (
        Step(
            "caffeine_off",
            "caffeine off",
            "No caffeine today: no coffee, tea, cola or energy drinks.",
            "Have caffeine as you usually do.",
            1,
        ),
        Step(
            "magnesium_food",
            "magnesium-rich food daily",
            "Eat at least two servings of magnesium-rich food today (nuts, seeds, beans, "
            "whole grains or leafy greens).",
            "Eat as you usually do.",
            0,
        ),
        Step(
            "sleep_window",
            "a regular sleep window",
            "Go to bed and get up at your chosen times, with 7 to 9 hours in bed.",
            "Sleep as you usually do.",
            1,
        ),
        Step(
            "no_alcohol",
            "no alcohol",
            "No alcohol today.",
            "Drink as you usually do, or not at all: there is no need to drink.",
            1,
        ),
        Step(
            "stretch_before_bed",
            "stretching before bed",
            "Stretch gently for about 10 minutes before bed.",
            "No stretching before bed today.",
            0,
        ),
    )
}


@dataclass(frozen=True)
class Design:
    """Everything fixed before day 1: the step, the seed, the blocks and the block order."""

    step: str
    start_day: date
    seed: int
    pairs: int
    block_days: int
    washout_days: int
    first_on: tuple[bool, ...]  # per pair: does the "on" block come first?

    @property
    def days(self) -> int:
        return self.pairs * 2 * self.block_days

    @property
    def end_day(self) -> date:
        return self.start_day + timedelta(days=self.days - 1)


@dataclass(frozen=True)
class PlannedDay:
    """One day of the schedule."""

    day: date
    on: bool
    pair: int
    block: int
    analysed: bool


@dataclass(frozen=True)
class DayOutcome:
    """What the diary says about one experiment day."""

    episodes: int
    hours: float
    logged: bool
    kept: bool | None


@dataclass(frozen=True)
class ExperimentResult:
    """The pre-specified analysis: rate ratio on/off with its 95% interval, in plain words."""

    complete_pairs: int
    rate_ratio: float | None
    ci_low: float | None
    ci_high: float | None
    p_value: float | None
    days_counted: int
    days_left_out: int
    conclusion: str  # "fewer" | "more" | "no_clear_difference" | "not_enough_data"
    wording: str


def check_design_inputs(step: str, pairs: int, block_days: int) -> Step:
    """The chosen step and sizes, or one clear line on what is allowed."""
    if step not in STEPS:
        raise InvalidInput(
            "step",
            "must be one of " + ", ".join(STEPS) + " (medicines and supplements are not offered)",
        )
    if not 3 <= pairs <= 8:
        raise InvalidInput("pairs", "must be a whole number from 3 to 8")
    washout = STEPS[step].washout_days
    if not washout + MIN_BLOCK_DAYS <= block_days <= 7:
        raise InvalidInput("block_days", f"must be from {washout + MIN_BLOCK_DAYS} to 7 days")
    return STEPS[step]


def make_design(
    step: str,
    start_day: date,
    seed: int,
    *,
    pairs: int = DEFAULT_PAIRS,
    block_days: int = DEFAULT_BLOCK_DAYS,
) -> Design:
    """A randomised block design; the same seed always gives the same schedule."""
    chosen = check_design_inputs(step, pairs, block_days)
    draw = random.Random(seed)
    first_on = tuple(draw.random() < 0.5 for _ in range(pairs))
    return Design(step, start_day, seed, pairs, block_days, chosen.washout_days, first_on)


def schedule(design: Design) -> list[PlannedDay]:
    """Every day of the experiment with its condition, in order."""
    days = []
    for pair in range(design.pairs):
        for block in range(2):
            on = design.first_on[pair] == (block == 0)
            for offset in range(design.block_days):
                index = (pair * 2 + block) * design.block_days + offset
                days.append(
                    PlannedDay(
                        design.start_day + timedelta(days=index),
                        on,
                        pair,
                        block,
                        offset >= design.washout_days,
                    )
                )
    return days


def planned_analysis(design: Design) -> str:
    """The analysis, in words, recorded with the schedule before the first day."""
    analysed = design.block_days - design.washout_days
    label = STEPS[design.step].on_label
    first = "first day" if design.washout_days == 1 else f"first {design.washout_days} days"
    washout = (
        f"The {first} of each block is not counted, because the block before may still have "
        "an effect. "
        if design.washout_days
        else ""
    )
    return (
        f"{design.pairs} pairs of {design.block_days}-day blocks. In each pair, one block is "
        f"'{label}' and one is 'as usual'; which comes first was decided at random (seed "
        f"{design.seed}). {washout}For each block we count twitches per 16 waking hours over "
        f"its {counted(analysed, 'counted day')}. Days you did not log, or did not keep to the "
        f"plan, are left out. A block with fewer than {MIN_BLOCK_DAYS} days left is dropped, "
        f"with its pair, and at least {MIN_PAIRS} full pairs are needed. The result compares "
        "the two blocks of each pair and averages over the pairs (the mean difference of log "
        "rates, with a 95% range from Student's t)."
    )


def _block_rate(episodes: float, hours: float) -> float:
    return math.log((episodes + _CONTINUITY) / (hours / _HOURS_UNIT))


def analyse(design: Design, outcomes: Mapping[date, DayOutcome]) -> ExperimentResult:
    """The pre-specified within-pair analysis over the days recorded so far."""
    totals: dict[tuple[int, int], list[float]] = {}
    counted_days = left_out = 0
    for planned in schedule(design):
        if not planned.analysed:
            continue
        outcome = outcomes.get(planned.day)
        if outcome is None:  # not reached yet
            continue
        if not outcome.logged or outcome.kept is not True:
            left_out += 1
            continue
        counted_days += 1
        cell = totals.setdefault((planned.pair, int(planned.on)), [0.0, 0.0, 0.0])
        cell[0] += outcome.episodes
        cell[1] += outcome.hours
        cell[2] += 1
    differences = []
    for pair in range(design.pairs):
        on, off = totals.get((pair, 1)), totals.get((pair, 0))
        if on and off and on[2] >= MIN_BLOCK_DAYS and off[2] >= MIN_BLOCK_DAYS:
            differences.append(_block_rate(on[0], on[1]) - _block_rate(off[0], off[1]))
    label = STEPS[design.step].on_label
    k = len(differences)
    if k < MIN_PAIRS:
        return ExperimentResult(
            k, None, None, None, None, counted_days, left_out, "not_enough_data",
            f"Not enough complete pairs yet for a result: {k} of the {MIN_PAIRS} needed "
            f"({counted(left_out, 'day')} left out so far as not logged or not kept).",
        )  # fmt: skip
    mean = sum(differences) / k
    sd = math.sqrt(sum((d - mean) ** 2 for d in differences) / (k - 1))
    se = max(sd / math.sqrt(k), 1e-9)
    t_crit = student_t.quantile(0.975, k - 1)
    low, high = mean - t_crit * se, mean + t_crit * se
    p = student_t.two_sided_p(mean / se, k - 1)
    rr, rr_low, rr_high = math.exp(mean), math.exp(low), math.exp(high)
    if high < 0:
        conclusion = "fewer"
        wording = (
            f"With {label}, about {_pct(1 - rr)}% fewer twitches "
            f"(range {_pct(1 - rr_high)}–{_pct(1 - rr_low)}% fewer)."
        )
    elif low > 0:
        conclusion = "more"
        wording = (
            f"With {label}, about {_pct(rr - 1)}% more twitches "
            f"(range {_pct(rr_low - 1)}–{_pct(rr_high - 1)}% more)."
        )
    else:
        conclusion = "no_clear_difference"
        wording = (
            f"No clear difference with {label}: at most about {_pct(1 - rr_low)}% fewer "
            f"or {_pct(rr_high - 1)}% more twitches."
        )
    wording += (
        f" From {counted(k, 'complete pair')} of blocks; this shows what goes with it for you."
    )
    return ExperimentResult(k, rr, rr_low, rr_high, p, counted_days, left_out, conclusion, wording)


def _pct(fraction: float) -> int:
    return round(100 * fraction)


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
                    rates.append(_block_rate(episodes, hours))
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
        f"{_pct(1 - rr)}% fewer twitches or more, if there is one. It may miss smaller "
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
