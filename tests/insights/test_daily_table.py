"""The daily table: local diary days, default hours, missing days and unrecorded factors."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from twitchguide.diary.localday import diary_day
from twitchguide.diary.snapshot import Diary
from twitchguide.insights.daily_table import (
    DEFAULT_HOURS_OBSERVED,
    build_daily_table,
    local_days_and_hours,
)


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


@settings(max_examples=300, deadline=None)
@given(
    zone_name=st.sampled_from(
        ["Europe/London", "America/New_York", "Australia/Lord_Howe", "Asia/Kolkata", "UTC"]
    ),
    start_hour=st.integers(0, 23),
    instants=st.lists(
        st.datetimes(
            min_value=datetime(2023, 1, 1), max_value=datetime(2027, 12, 31), timezones=st.just(UTC)
        ),
        max_size=60,
    ),
)
def test_fast_local_days_match_one_at_a_time(
    zone_name: str, start_hour: int, instants: list[datetime]
) -> None:
    # Clock changes included: London, New York, and Lord Howe (a half-hour shift).
    zone = ZoneInfo(zone_name)
    days, hours = local_days_and_hours(instants, zone, start_hour)
    assert [date.fromordinal(d) for d in days.tolist()] == [
        diary_day(i, zone, start_hour) for i in instants
    ]
    assert hours.tolist() == [i.astimezone(zone).hour for i in instants]


def test_fast_local_days_around_a_clock_change() -> None:
    zone = ZoneInfo("Europe/London")
    # 2026-03-29 01:00 UTC: clocks go forward; 2026-10-25 01:00 UTC: clocks go back.
    around = [
        datetime(2026, 3, 29, 0, 59, tzinfo=UTC),
        datetime(2026, 3, 29, 1, 0, tzinfo=UTC),
        datetime(2026, 10, 25, 0, 59, tzinfo=UTC),
        datetime(2026, 10, 25, 1, 0, tzinfo=UTC),
    ]
    days, hours = local_days_and_hours(around, zone, 4)
    assert hours.tolist() == [0, 2, 1, 1]
    assert [date.fromordinal(d) for d in days.tolist()] == [diary_day(i, zone) for i in around]
