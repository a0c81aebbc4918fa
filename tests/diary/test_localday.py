"""The diary day is the person's local day, starting at their day-start hour."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

from twitchguide.diary.localday import day_bounds, diary_day

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")


def test_one_am_belongs_to_the_evening_before() -> None:
    one_am = datetime(2026, 11, 28, 1, 0, tzinfo=LONDON)
    assert diary_day(one_am, LONDON) == date(2026, 11, 27)


def test_after_day_start_is_the_same_day() -> None:
    assert diary_day(datetime(2026, 11, 28, 4, 0, tzinfo=LONDON), LONDON) == date(2026, 11, 28)
    assert diary_day(datetime(2026, 11, 28, 3, 59, tzinfo=LONDON), LONDON) == date(2026, 11, 27)


def test_day_start_hour_is_a_setting() -> None:
    one_am = datetime(2026, 11, 28, 1, 0, tzinfo=LONDON)
    assert diary_day(one_am, LONDON, day_start_hour=0) == date(2026, 11, 28)


def test_the_persons_zone_decides_not_utc() -> None:
    # 02:00 UTC is 21:00 the evening before in New York.
    instant = datetime(2026, 11, 28, 2, 0, tzinfo=UTC)
    assert diary_day(instant, NEW_YORK) == date(2026, 11, 27)
    assert diary_day(instant, LONDON) == date(2026, 11, 27)
    assert diary_day(datetime(2026, 11, 28, 9, 0, tzinfo=UTC), NEW_YORK) == date(2026, 11, 28)


def test_bounds_cover_a_clock_change_day() -> None:
    # Clocks go back in London early on 2026-10-25, inside the diary day of the 24th.
    start, end = day_bounds(date(2026, 10, 24), LONDON)
    assert (end - start).total_seconds() == 25 * 3600
    assert start == datetime(2026, 10, 24, 3, 0, tzinfo=UTC)
