"""Descriptive patterns over a period: how often, where, which side, when, spread, and the trend."""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field
from datetime import date
from typing import Any

import numpy as np

from twitchguide.diary.snapshot import Diary
from twitchguide.insights import student_t
from twitchguide.insights.daily_table import DailyTable, EpisodeColumns
from twitchguide.insights.ratefit import fit_rate_model

RECENT_DAYS = 14
MIN_TREND_DAYS = 14
TIMES_OF_DAY: tuple[tuple[str, int, int], ...] = (
    ("night", 0, 6),
    ("morning", 6, 12),
    ("afternoon", 12, 18),
    ("evening", 18, 24),
)


@dataclass(frozen=True)
class RegionCount:
    """Episodes in one body region."""

    region: str
    episodes: int


@dataclass(frozen=True)
class WeekSpread:
    """How many distinct body regions twitched in one week (weeks end on the period's last day)."""

    week_start: date
    regions: int


@dataclass(frozen=True)
class HotSpot:
    """The longest run of consecutive days with twitching in one place (missing days skipped)."""

    region: str
    side: str | None
    first_day: date
    last_day: date
    days_with_twitching: int
    still_going: bool


@dataclass(frozen=True)
class Change:
    """A rate ratio with its 95% interval, and the plain reading of it."""

    rate_ratio: float
    ci_low: float
    ci_high: float
    direction: str  # "more" | "fewer" | "no_meaningful_change"
    wording: str


@dataclass(frozen=True)
class Patterns:
    """Every descriptive figure for one period."""

    start: date | None
    end: date | None
    days_in_period: int
    days_logged: int
    episodes: int
    episodes_per_logged_day: float | None
    by_region: list[RegionCount] = field(default_factory=list)
    by_side: dict[str, int] = field(default_factory=dict)
    side_balance: float | None = None
    by_time_of_day: dict[str, int] = field(default_factory=dict)
    regions_per_week: list[WeekSpread] = field(default_factory=list)
    hot_spot: HotSpot | None = None
    trend_per_30_days: Change | None = None
    last_14_days: Change | None = None


def describe_patterns(
    diary: Diary, table: DailyTable, episodes: EpisodeColumns | None = None
) -> Patterns:
    """The patterns of the episodes inside the table's period (`episodes`: as columns)."""
    columns = episodes if episodes is not None else EpisodeColumns.of(diary.episodes)
    inside = np.flatnonzero(table.episode_row >= 0)
    picked = inside.tolist()
    rows = table.episode_row[inside]
    n_logged = table.n_observed
    regions = [columns.regions[i] for i in picked]
    places = list(zip(regions, [columns.sides[i] for i in picked], strict=True))
    sides = Counter(side or "not_given" for _, side in places)
    left, right = sides.get("left", 0), sides.get("right", 0)
    hours = np.bincount(table.episode_hour[inside], minlength=24)
    return Patterns(
        start=table.days[0] if table.days else None,
        end=table.days[-1] if table.days else None,
        days_in_period=table.n_days,
        days_logged=n_logged,
        episodes=len(picked),
        episodes_per_logged_day=len(picked) / n_logged if n_logged else None,
        by_region=[RegionCount(region, n) for region, n in Counter(regions).most_common()],
        by_side=dict(sides),
        side_balance=(right - left) / (right + left) if right + left else None,
        by_time_of_day={name: int(hours[low:high].sum()) for name, low, high in TIMES_OF_DAY},
        regions_per_week=_regions_per_week(table, regions, rows),
        hot_spot=_hot_spot(table, places, rows),
        trend_per_30_days=_trend(table),
        last_14_days=_recent_change(table),
    )


def _regions_per_week(table: DailyTable, regions: list[str], rows: np.ndarray) -> list[WeekSpread]:
    # Weeks are counted back from the period's last day, so the newest week is always whole.
    if not table.days:
        return []
    n = table.n_days
    n_weeks = (n + 6) // 7
    codes, _ = _codes(regions)
    week_of = (n - 1 - rows.astype(np.int64)) // 7
    # One entry per (week, region) pair that occurs, then count the pairs in each week.
    pairs = np.unique(week_of * (codes.max(initial=0) + 1) + codes)
    distinct = np.bincount(pairs // (codes.max(initial=0) + 1), minlength=n_weeks)
    out = []
    for week in reversed(range(n_weeks)):
        first = max(0, n - 7 * (week + 1))
        out.append(WeekSpread(table.days[first], int(distinct[week])))
    return out


def _hot_spot(
    table: DailyTable, places: list[tuple[str, str | None]], rows: np.ndarray
) -> HotSpot | None:
    """The place with the longest run of diary days with twitching there.

    A logged day without twitching at that place ends a run; a missing day does not. Ties go
    to the place seen first, then to the earlier run.
    """
    if not places:
        return None
    # logged_before[i] = logged days before row i, so "any logged day in [a, b)" is one subtraction.
    logged_before = np.concatenate([[0], np.cumsum(table.observed)])
    codes, distinct_places = _codes(places)
    best: tuple[int, int, int, int] | None = None  # (days, first row, last row, place code)
    for code in range(int(codes.max()) + 1):
        days = np.unique(rows[codes == code]).astype(np.int64)
        # A new run starts at the first day, and wherever a logged day lies in the gap before.
        starts = np.ones(len(days), dtype=bool)
        starts[1:] = logged_before[days[1:]] > logged_before[days[:-1] + 1]
        run_of_day = np.cumsum(starts) - 1
        lengths = np.bincount(run_of_day)
        longest = int(np.argmax(lengths))  # the earliest of equally long runs
        if best is None or lengths[longest] > best[0]:
            in_run = np.flatnonzero(run_of_day == longest)
            best = (int(lengths[longest]), int(days[in_run[0]]), int(days[in_run[-1]]), code)
    assert best is not None
    count, first, last, code = best
    region, side = distinct_places[code]
    return HotSpot(
        region=region,
        side=side,
        first_day=table.days[first],
        last_day=table.days[last],
        days_with_twitching=count,
        still_going=bool(logged_before[-1] == logged_before[last + 1]),
    )


def _codes(items: list[Any]) -> tuple[np.ndarray, list[Any]]:
    """Each item's number in order of first appearance, and the distinct items in that order."""
    numbers: dict[Any, int] = {}
    codes = np.array([numbers.setdefault(item, len(numbers)) for item in items], dtype=np.int64)
    return codes, list(numbers)


_MAX_LOG_RATIO = 30.0  # beyond e^30 a ratio means the data could not pin it down


def _rate_change(
    table: DailyTable, column: np.ndarray, rows: np.ndarray
) -> tuple[float, float, float] | None:
    y = table.episodes[rows]
    if y.sum() < 1 or np.ptp(column) == 0:
        return None
    x = np.column_stack([np.ones(len(rows)), column])
    fit = fit_rate_model(x, y, np.log(table.hours[rows] / 16), np.zeros(2), alpha=None)
    t_crit = student_t.quantile(0.975, fit.df_resid)
    b, s = float(fit.coef[1]), float(fit.se[1])
    # All the twitches on one side of the comparison leave no finite estimate: say nothing.
    if not fit.converged or not (math.isfinite(b) and math.isfinite(s)):
        return None
    if abs(b) + t_crit * s > _MAX_LOG_RATIO:
        return None
    return math.exp(b), math.exp(b - t_crit * s), math.exp(b + t_crit * s)


def _trend(table: DailyTable) -> Change | None:
    rows = np.flatnonzero(table.observed)
    if len(rows) < MIN_TREND_DAYS:
        return None
    change = _rate_change(table, rows / 30.0, rows)
    if change is None:
        return None
    return _change(*change, "Over the whole period, per 30 days")


def _recent_change(table: DailyTable) -> Change | None:
    rows = np.flatnonzero(table.observed)
    recent = rows >= table.n_days - RECENT_DAYS
    before = rows >= table.n_days - 3 * RECENT_DAYS
    window = rows[before]
    if recent.sum() < 7 or (before & ~recent).sum() < 7:
        return None
    change = _rate_change(table, recent[before].astype(np.float64), window)
    if change is None:
        return None
    return _change(*change, "In the last 14 days, compared with the 4 weeks before")


def _change(ratio: float, low: float, high: float, lead: str) -> Change:
    if low <= 1.0 <= high:
        return Change(
            ratio,
            low,
            high,
            "no_meaningful_change",
            f"{lead}: no meaningful change in how often you twitch.",
        )
    more = low > 1.0
    words = f"{round(abs(ratio - 1) * 100)}% {'more' if more else 'fewer'} twitch episodes"
    near, far = sorted((round(abs(low - 1) * 100), round(abs(high - 1) * 100)))
    span = f"{near}% to {far}%"
    return Change(
        ratio,
        low,
        high,
        "more" if more else "fewer",
        f"{lead}: about {words} (95% range: {span} {'more' if more else 'fewer'}).",
    )
