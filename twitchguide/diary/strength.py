"""Grip-strength trend per hand, and a decline flag that one bad day can never raise.

Why this design (see docs/triage.md, "Grip decline"):
- A check's grip for a hand is the mean of its three trials: less noisy than the best of three.
- Checks on the same diary day are averaged into one value, so a bad day counts once.
- Measurement noise: the standard error of measurement (SEM) of grip is about 6.2% of the
  value (PMC8068646). A single new value differs from a baseline that is the mean of n values
  by noise with SD = SEM * sqrt(1 + 1/n); 1.96 times that is the minimal detectable change
  (MDC95): about 17% against a single baseline day, 14% against three.
- Baseline: the mean of the first (up to three) days before the last two days.
- Flag a decline only when the last two days are both below the baseline by more than the
  MDC95. Two independent days both past the 95% band by chance is rare (about 1 in 1600 for
  a one-sided 2.5% tail each), so the flag means "more than noise, more than once".
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from datetime import date, datetime

from twitchguide.diary.records import StrengthCheck
from twitchguide.value import value

SEM_FRACTION = 0.062
Z95 = 1.96
BASELINE_DAYS = 3
CONFIRM_DAYS = 2
# Weekly is enough to see a trend past the noise; checking more often turns into body-checking,
# which feeds the worry (docs/research: trackers, "self strength tests").
CHECK_SPACING_DAYS = 7


@value(eq=False)
class HandTrend:
    """One hand's grip over time and whether it fell by more than noise on the last two days."""

    hand: str
    days: tuple[tuple[date, float], ...]
    baseline_kg: float | None
    recent_kg: tuple[float, ...]
    threshold_fraction: float | None
    declined: bool

    @property
    def change_fraction(self) -> float | None:
        """Change of the latest day against the baseline, e.g. -0.2 for 20% weaker."""
        if self.baseline_kg is None or not self.recent_kg or self.baseline_kg <= 0:
            return None
        return self.recent_kg[-1] / self.baseline_kg - 1


@value(eq=False)
class GripDecline:
    """Both hands' trends; `flagged` when either hand declined beyond noise."""

    left: HandTrend
    right: HandTrend

    @property
    def flagged(self) -> bool:
        return self.left.declined or self.right.declined


def days_since_previous_check(
    checks: Sequence[StrengthCheck], new: StrengthCheck, day_of: Callable[[datetime], date]
) -> int | None:
    """Diary days from the check before `new` to `new`, when that is under CHECK_SPACING_DAYS."""
    earlier = [
        day_of(check.checked_at)
        for check in checks
        if check.stamps.id != new.stamps.id and check.checked_at <= new.checked_at
    ]
    if not earlier:
        return None
    gap = (day_of(new.checked_at) - max(earlier)).days
    return gap if gap < CHECK_SPACING_DAYS else None


def minimal_detectable_change(baseline_days: int, sem_fraction: float = SEM_FRACTION) -> float:
    """MDC95 as a fraction of the baseline, for one new day against a mean of baseline_days."""
    return Z95 * sem_fraction * math.sqrt(1 + 1 / baseline_days)


def daily_grip(
    checks: Sequence[StrengthCheck], hand: str, day_of: Callable[[datetime], date]
) -> tuple[tuple[date, float], ...]:
    """Each day's grip for one hand (mean of its checks' three-trial means), in day order."""
    by_day: dict[date, list[float]] = {}
    for check in checks:
        value = check.grip_left_kg if hand == "left" else check.grip_right_kg
        if value is not None:
            by_day.setdefault(day_of(check.checked_at), []).append(value)
    return tuple((day, sum(values) / len(values)) for day, values in sorted(by_day.items()))


def hand_trend(hand: str, days: tuple[tuple[date, float], ...]) -> HandTrend:
    """The decline rule for one hand's daily values (see the module docstring)."""
    if len(days) < CONFIRM_DAYS + 1:
        return HandTrend(hand, days, None, tuple(v for _, v in days), None, False)
    earlier = days[:-CONFIRM_DAYS]
    recent = tuple(value for _, value in days[-CONFIRM_DAYS:])
    base_values = [value for _, value in earlier[:BASELINE_DAYS]]
    baseline = sum(base_values) / len(base_values)
    threshold = minimal_detectable_change(len(base_values))
    declined = baseline > 0 and all(value < baseline * (1 - threshold) for value in recent)
    return HandTrend(hand, days, baseline, recent, threshold, declined)


def grip_decline(
    checks: Sequence[StrengthCheck], day_of: Callable[[datetime], date] | None = None
) -> GripDecline:
    """Both hands' grip trends from the diary's strength checks.

    day_of maps a check time to its diary day (pass `diary.day_of`); by default the date of
    the timestamp itself.
    """
    to_day = day_of or (lambda instant: instant.date())
    return GripDecline(
        left=hand_trend("left", daily_grip(checks, "left", to_day)),
        right=hand_trend("right", daily_grip(checks, "right", to_day)),
    )
