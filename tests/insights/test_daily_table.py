"""The daily table: local diary days, default hours, missing days and unrecorded factors."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace

import numpy as np

from twitchguide.diary.snapshot import Diary
from twitchguide.insights.daily_table import DEFAULT_HOURS_OBSERVED, build_daily_table


def test_days_counts_hours_and_missing(build: SimpleNamespace) -> None:
    d0 = date(2026, 3, 2)
    diary = Diary(
        episodes=[
            build.episode(datetime(2026, 3, 2, 10, tzinfo=UTC)),
            build.episode(datetime(2026, 3, 2, 15, tzinfo=UTC)),
            # 02:00 local belongs to the evening before (day starts at 04:00).
            build.episode(datetime(2026, 3, 5, 2, tzinfo=UTC)),
        ],
        days=[
            build.factors_row(d0, stress=3, hours_observed=8.0),
            build.factors_row(date(2026, 3, 3), sleep_hours=6.5),
        ],
        timezone="UTC",
    )
    table = build_daily_table(diary)
    assert table.days == [d0, date(2026, 3, 3), date(2026, 3, 4)]
    assert list(table.episodes) == [2.0, 0.0, 1.0]
    assert list(table.hours) == [8.0, DEFAULT_HOURS_OBSERVED, DEFAULT_HOURS_OBSERVED]
    # 3 March has a factors row and no episodes: a real zero, not a missing day.
    assert list(table.observed) == [True, True, True]
    assert table.factors["stress"][0] == 3.0
    assert np.isnan(table.factors["stress"][1])
    assert table.factors["sleep_hours"][1] == 6.5
    assert list(table.episode_row) == [0, 0, 2]
    assert list(table.episode_hour) == [10, 15, 2]


def test_a_day_with_nothing_logged_is_missing(build: SimpleNamespace) -> None:
    diary = Diary(
        episodes=[build.episode(datetime(2026, 3, 2, 10, tzinfo=UTC))],
        days=[build.factors_row(date(2026, 3, 5), stress=2)],
    )
    table = build_daily_table(diary)
    assert list(table.observed) == [True, False, False, True]
    assert table.n_observed == 2


def test_zero_hours_observed_is_missing_and_period_limits_apply(build: SimpleNamespace) -> None:
    diary = Diary(
        days=[
            build.factors_row(date(2026, 3, d), hours_observed=0.0 if d == 3 else 12.0)
            for d in range(1, 6)
        ],
    )
    table = build_daily_table(diary, start=date(2026, 3, 2), end=date(2026, 3, 4))
    assert table.days[0] == date(2026, 3, 2) and table.n_days == 3
    assert list(table.observed) == [True, False, True]


def test_empty_diary_gives_an_empty_table() -> None:
    table = build_daily_table(Diary())
    assert table.n_days == 0 and table.n_observed == 0
