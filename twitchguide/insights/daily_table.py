"""The one function that turns a diary into the analysis inputs: a table with one row per day.

Rules (documented in docs/insights.md and relied on by every analysis):
- A row exists for every calendar diary day from the first to the last day in the period.
- Episodes are counted on the person's local diary day (`Diary.day_of` rules: the day starts at
  the person's day-start hour).
- Hours observed: the value the person recorded, else 16 h (a typical waking day, and the
  reference for rates, so an unrecorded day counts as a full day).
- A day with no factors row and no episodes is *missing*: we cannot tell "no twitches" from
  "did not log". A day with hours observed = 0 is also missing.
- A factor not recorded on a day is NaN, never zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import numpy as np
import numpy.typing as npt

from twitchguide.diary.snapshot import Diary
from twitchguide.insights.factors import FACTOR_NAMES

DEFAULT_HOURS_OBSERVED = 16.0

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class DailyTable:
    """One row per diary day; arrays are aligned with `days`."""

    days: list[date]
    episodes: FloatArray
    hours: FloatArray
    observed: BoolArray
    factors: dict[str, FloatArray]
    # For each diary episode (in diary order): its row in `days` (-1 if outside) and local hour.
    episode_row: IntArray
    episode_hour: IntArray

    @property
    def n_days(self) -> int:
        return len(self.days)

    @property
    def n_observed(self) -> int:
        return int(self.observed.sum())

    @property
    def weekend(self) -> BoolArray:
        return np.array([day.weekday() >= 5 for day in self.days], dtype=bool)


def build_daily_table(
    diary: Diary, start: date | None = None, end: date | None = None
) -> DailyTable:
    """The daily table for `diary` over [start, end] (default: first to last day with a record)."""
    zone = diary.zone
    local = [episode.started_at.astimezone(zone) for episode in diary.episodes]
    shift = timedelta(hours=diary.day_start_hour)
    episode_days = [(moment - shift).date() for moment in local]
    known_days = episode_days + [row.day for row in diary.days]
    if start is None:
        start = min(known_days) if known_days else None
    if end is None:
        end = max(known_days) if known_days else None
    if start is None or end is None or end < start:
        return _empty_table(len(diary.episodes))

    n = (end - start).days + 1
    days = [start + timedelta(days=i) for i in range(n)]
    episode_row = np.array(
        [(day - start).days if start <= day <= end else -1 for day in episode_days],
        dtype=np.int64,
    )
    episode_hour = np.array([moment.hour for moment in local], dtype=np.int64)
    inside = episode_row[episode_row >= 0]
    episodes = np.bincount(inside, minlength=n).astype(np.float64)

    hours = np.full(n, DEFAULT_HOURS_OBSERVED)
    has_row = np.zeros(n, dtype=bool)
    factors = {name: np.full(n, np.nan) for name in FACTOR_NAMES}
    for row in diary.days:
        i = (row.day - start).days
        if not 0 <= i < n:
            continue
        has_row[i] = True
        if row.hours_observed is not None:
            hours[i] = row.hours_observed
        for name in FACTOR_NAMES:
            value = getattr(row, name)
            if value is not None:
                factors[name][i] = float(value)
    observed = (has_row | (episodes > 0)) & (hours > 0)
    return DailyTable(days, episodes, hours, observed, factors, episode_row, episode_hour)


def _empty_table(n_episodes: int) -> DailyTable:
    return DailyTable(
        days=[],
        episodes=np.zeros(0),
        hours=np.zeros(0),
        observed=np.zeros(0, dtype=bool),
        factors={name: np.zeros(0) for name in FACTOR_NAMES},
        episode_row=np.full(n_episodes, -1, dtype=np.int64),
        episode_hour=np.zeros(n_episodes, dtype=np.int64),
    )
