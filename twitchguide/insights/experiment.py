"""Self-experiments (randomised N-of-1): the schedule and the pre-specified analysis.

Pure Python on purpose (no numpy): `experiment today` must start fast (the power statement is
in `experiment_power`). The design, fixed and stored before day 1 (docs/insights.md,
"Self-experiments"):
- `pairs` pairs of `block_days`-day blocks; within each pair one block follows the step ("on")
  and one does not ("off"), the order drawn at random from the stored seed;
- the first `washout_days` of every block are not analysed (the last condition may linger);
- a day counts when it is logged and the person says they kept that day's condition; a block
  counts with at least MIN_BLOCK_DAYS such days, a pair when both its blocks count;
- the result is the mean over complete pairs of log(rate on) − log(rate off). Its p-value is
  exact under the design's own randomisation (`pair_tests.sign_flip_test`): the order within
  each pair was drawn at random, so with no effect each pair's contrast is as likely to have
  either sign, whatever the counts' spread, flares or drift between pairs. The 95% interval is
  that test inverted, so it excludes "no difference" exactly when p < 0.05. At least MIN_PAIRS
  complete pairs are needed: with fewer, no order of signs is rare enough for p < 0.05.

Experiments planned before the sign-flip analysis keep the one they were promised
(`STUDENT_T`: a Student-t interval on pairs − 1 df, from 3 complete pairs).
"""

from __future__ import annotations

import math
import random
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, timedelta

from twitchguide.errors import InvalidInput
from twitchguide.insights.pair_tests import sign_flip_test, student_t_test
from twitchguide.wording import counted

MIN_BLOCK_DAYS = 2
# The analyses a design can be stored with; new experiments get SIGN_FLIP.
SIGN_FLIP = "sign_flip"
STUDENT_T = "student_t"
# With k complete pairs the smallest two-sided p-value is 2 / 2^k: 6 pairs are the fewest
# where it is below 0.05 (2/64 = 0.031).
MIN_PAIRS = 6
MIN_PAIRS_STUDENT_T = 3
# A design has 7 or 8 pairs: with 6, one pair lost to missed days leaves no result (a quarter
# of simulated experiments), and the stated power ran up to 6 points too hopeful. At most 8
# keeps the test enumerated in full (2^8 = 256 sign orders).
MIN_DESIGN_PAIRS = 7
MAX_PAIRS = 8
# 8 pairs of 6-day blocks (14 weeks): 98% of simulated experiments end with a result, the
# interval covers 95% (docs/benchmarks.md, issue 17, 2026-12-02).
DEFAULT_PAIRS = 8
DEFAULT_BLOCK_DAYS = 6
# Half an episode added to each block's count: a block with no twitches still has a rate.
_CONTINUITY = 0.5
_HOURS_UNIT = 16.0


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
    analysis: str = SIGN_FLIP

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
    if not MIN_DESIGN_PAIRS <= pairs <= MAX_PAIRS:
        raise InvalidInput(
            "pairs",
            f"must be {MIN_DESIGN_PAIRS} or {MAX_PAIRS} (with fewer, a few missed days can leave "
            "no result)",
        )
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
        "the two blocks of each pair and averages over the pairs. Its 95% range and its "
        "chance level come from the coin tosses themselves: the result is checked against "
        "every way the order in each pair could have fallen."
    )


def block_rate(episodes: float, hours: float) -> float:
    return math.log((episodes + _CONTINUITY) / (hours / _HOURS_UNIT))


def pair_differences(
    design: Design, outcomes: Mapping[date, DayOutcome]
) -> tuple[list[float], int, int]:
    """log(rate on) − log(rate off) of each complete pair, and the days counted and left out."""
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
            differences.append(block_rate(on[0], on[1]) - block_rate(off[0], off[1]))
    return differences, counted_days, left_out


def analyse(design: Design, outcomes: Mapping[date, DayOutcome]) -> ExperimentResult:
    """The pre-specified within-pair analysis over the days recorded so far."""
    differences, counted_days, left_out = pair_differences(design, outcomes)
    label = STEPS[design.step].on_label
    k = len(differences)
    needed = MIN_PAIRS_STUDENT_T if design.analysis == STUDENT_T else MIN_PAIRS
    test = None
    if k >= needed and design.analysis == STUDENT_T:
        test = student_t_test(differences)
    elif k >= needed:
        test = sign_flip_test(differences)
    if test is None:
        return ExperimentResult(
            k, None, None, None, None, counted_days, left_out, "not_enough_data",
            f"Not enough complete pairs yet for a result: {k} of the {needed} needed "
            f"({counted(left_out, 'day')} left out so far as not logged or not kept).",
        )  # fmt: skip
    rr, rr_low, rr_high = math.exp(test.mean), math.exp(test.low), math.exp(test.high)
    if test.high < 0:
        conclusion = "fewer"
        wording = (
            f"With {label}, about {pct(1 - rr)}% fewer twitches "
            f"(range {pct(1 - rr_high)}–{pct(1 - rr_low)}% fewer)."
        )
    elif test.low > 0:
        conclusion = "more"
        wording = (
            f"With {label}, about {pct(rr - 1)}% more twitches "
            f"(range {pct(rr_low - 1)}–{pct(rr_high - 1)}% more)."
        )
    else:
        conclusion = "no_clear_difference"
        wording = (
            f"No clear difference with {label}: at most about {pct(1 - rr_low)}% fewer "
            f"or {pct(rr_high - 1)}% more twitches."
        )
    wording += (
        f" From {counted(k, 'complete pair')} of blocks; this shows what goes with it for you."
    )
    return ExperimentResult(
        k, rr, rr_low, rr_high, test.p_value, counted_days, left_out, conclusion, wording
    )


def pct(fraction: float) -> int:
    return round(100 * fraction)
