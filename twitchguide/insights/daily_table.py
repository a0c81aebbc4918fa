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

from collections.abc import Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime, timedelta
from zoneinfo import ZoneInfo

import numpy as np
import numpy.typing as npt

from twitchguide.diary.records import Episode
from twitchguide.diary.snapshot import Diary
from twitchguide.insights.factors import FACTOR_NAMES

DEFAULT_HOURS_OBSERVED = 16.0

FloatArray = npt.NDArray[np.float64]
BoolArray = npt.NDArray[np.bool_]
IntArray = npt.NDArray[np.int64]


@dataclass(frozen=True)
class EpisodeColumns:
    """The three things insights read of each episode, as columns, in diary order.

    A 200,000-episode diary loads in a fraction of the time as columns straight from SQL
    (`store.insights_store`) than as Episode records; `of` builds them from records.
    """

    seconds: FloatArray  # start, as UTC epoch seconds
    regions: list[str] = field(default_factory=list)
    sides: list[str | None] = field(default_factory=list)

    @staticmethod
    def of(episodes: Sequence[Episode]) -> EpisodeColumns:
        return EpisodeColumns(
            np.array([e.started_at.timestamp() for e in episodes], dtype=np.float64),
            [e.region for e in episodes],
            [e.side for e in episodes],
        )

    def __len__(self) -> int:
        return len(self.regions)


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
    diary: Diary,
    start: date | None = None,
    end: date | None = None,
    episodes: EpisodeColumns | None = None,
) -> DailyTable:
    """The daily table for `diary` over [start, end] (default: first to last day with a record).

    `episodes`, when given, stands for the diary's episodes (loaded as columns).
    """
    columns = episodes if episodes is not None else EpisodeColumns.of(diary.episodes)
    episode_days, episode_hour = local_days_and_hours(
        columns.seconds, diary.zone, diary.day_start_hour
    )
    known = episode_days.tolist() + [row.day.toordinal() for row in diary.days]
    if start is None:
        start = date.fromordinal(min(known)) if known else None
    if end is None:
        end = date.fromordinal(max(known)) if known else None
    if start is None or end is None or end < start:
        return _empty_table(len(columns))

    n = (end - start).days + 1
    days = [start + timedelta(days=i) for i in range(n)]
    first, last = start.toordinal(), end.toordinal()
    inside_period = (episode_days >= first) & (episode_days <= last)
    episode_row = np.where(inside_period, episode_days - first, -1).astype(np.int64)
    inside = episode_row[episode_row >= 0]
    counts = np.bincount(inside, minlength=n).astype(np.float64)

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
    observed = (has_row | (counts > 0)) & (hours > 0)
    return DailyTable(days, counts, hours, observed, factors, episode_row, episode_hour)


_DAY_SECONDS = 86400
_EPOCH_ORDINAL = date(1970, 1, 1).toordinal()


def local_days_and_hours(
    instants: Sequence[datetime] | FloatArray, zone: ZoneInfo, day_start_hour: int
) -> tuple[IntArray, IntArray]:
    """Each instant's diary day (as a date ordinal) and local clock hour.

    The same answers as `diary_day` and `astimezone(zone).hour` one at a time, but a five-year
    diary has 20,000 instants: the zone's offset is looked up once per UTC midnight instead, and
    per instant only on a day when the offset changes (a clock change).
    """
    if len(instants) == 0:
        empty = np.zeros(0, dtype=np.int64)
        return empty, empty.copy()
    if isinstance(instants, np.ndarray):
        seconds = instants.astype(np.float64)
    else:
        seconds = np.array([instant.timestamp() for instant in instants])
    utc_days, day_of_instant = np.unique(
        np.floor_divide(seconds, _DAY_SECONDS).astype(np.int64), return_inverse=True
    )
    # The offset at each UTC midnight that starts or ends one of those days, looked up once.
    at_midnight = {
        day: _offset_seconds(datetime.fromtimestamp(day * _DAY_SECONDS, UTC), zone)
        for day in {*utc_days.tolist(), *(utc_days + 1).tolist()}
    }
    days = utc_days.tolist()
    day_offsets = np.array([at_midnight[day] for day in days])
    changes = [k for k, day in enumerate(days) if at_midnight[day + 1] != at_midnight[day]]
    offsets = day_offsets[day_of_instant]
    for i in np.flatnonzero(np.isin(day_of_instant, changes)).tolist():
        offsets[i] = _offset_seconds(datetime.fromtimestamp(float(seconds[i]), UTC), zone)
    wall = seconds + offsets
    diary_days = np.floor_divide(wall - day_start_hour * 3600, _DAY_SECONDS).astype(np.int64)
    hours = (np.floor_divide(wall, 3600) % 24).astype(np.int64)
    return diary_days + _EPOCH_ORDINAL, hours


def _offset_seconds(instant: datetime, zone: ZoneInfo) -> float:
    offset = instant.astimezone(zone).utcoffset()
    return offset.total_seconds() if offset is not None else 0.0


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
