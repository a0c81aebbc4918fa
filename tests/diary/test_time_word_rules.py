"""Time words that used to land on the wrong time: each is refused or follows the written rule
in docs/time-words.md, never a silent guess."""

from __future__ import annotations

from datetime import UTC, date, datetime
from zoneinfo import ZoneInfo

import pytest

from twitchguide.diary.timewords import parse_date, parse_duration, parse_instant, parse_since
from twitchguide.errors import InvalidInput

LONDON = ZoneInfo("Europe/London")
NEW_YORK = ZoneInfo("America/New_York")
# Tuesday 1 December 2026.
EVENING = datetime(2026, 12, 1, 19, 0, tzinfo=LONDON)
MORNING = datetime(2026, 12, 1, 10, 0, tzinfo=LONDON)


def refused(text: str, now: datetime = MORNING, **kwargs: object) -> str:
    with pytest.raises(InvalidInput) as caught:
        parse_instant(text, now, field="started_at", **kwargs)  # type: ignore[arg-type]
    assert caught.value.field == "started_at"
    return caught.value.problem


@pytest.mark.parametrize(
    "text", ["tomorrow", "tomorrow at 9am", "tomorrow morning", "next week", "in 2 hours"]
)
def test_future_words_are_refused(text: str) -> None:
    assert "in the future" in refused(text)


def test_future_dates_are_refused_too() -> None:
    with pytest.raises(InvalidInput, match="day: 'tomorrow' is in the future"):
        parse_date("tomorrow", date(2026, 12, 1), field="day")


def test_tonight_in_the_evening_is_now_not_yesterday() -> None:
    assert parse_instant("tonight", EVENING) == EVENING


def test_tonight_after_nine_is_halfway_from_nine() -> None:
    late = datetime(2026, 12, 1, 22, 30, tzinfo=LONDON)
    assert parse_instant("tonight", late) == datetime(2026, 12, 1, 21, 45, tzinfo=LONDON)


def test_tonight_after_midnight_is_the_night_of_the_diary_day() -> None:
    one_am = datetime(2026, 12, 2, 1, 0, tzinfo=LONDON)
    assert parse_instant("tonight", one_am) == datetime(2026, 12, 1, 23, 0, tzinfo=LONDON)


def test_tonight_in_the_morning_is_still_to_come() -> None:
    assert "still to come" in refused("tonight", MORNING)


@pytest.mark.parametrize(
    "text", ["yesterday at 25:00", "25:00", "9:75", "24:00", "13pm", "0am", "yesterday 9:5"]
)
def test_impossible_clock_times_are_refused_naming_the_field(text: str) -> None:
    assert "is not a time of day" in refused(text)


def test_a_weekday_alone_is_the_start_of_that_diary_day() -> None:
    # Tuesday 1 December: "sunday" is 29 November at the day-start hour, inside that diary day.
    assert parse_instant("sunday", MORNING) == datetime(2026, 11, 29, 4, 0, tzinfo=LONDON)
    assert parse_instant("last sunday", MORNING) == datetime(2026, 11, 29, 4, 0, tzinfo=LONDON)
    assert parse_instant("sunday", MORNING, day_start_hour=6) == datetime(
        2026, 11, 29, 6, 0, tzinfo=LONDON
    )


def test_todays_weekday_alone_is_today_and_last_is_a_week_ago() -> None:
    assert parse_instant("tuesday", MORNING) == datetime(2026, 12, 1, 4, 0, tzinfo=LONDON)
    assert parse_instant("last tuesday", MORNING) == datetime(2026, 11, 24, 4, 0, tzinfo=LONDON)
    assert parse_date("tuesday", date(2026, 12, 1)) == date(2026, 12, 1)
    assert parse_date("last tuesday", date(2026, 12, 1)) == date(2026, 11, 24)


def test_a_weekday_with_a_time_still_to_come_today_is_last_week() -> None:
    early = datetime(2026, 12, 1, 8, 0, tzinfo=LONDON)
    assert parse_instant("tuesday 9am", early) == datetime(2026, 11, 24, 9, 0, tzinfo=LONDON)


def test_a_date_alone_starts_at_the_diary_day_start() -> None:
    assert parse_instant("2026-11-02", MORNING) == datetime(2026, 11, 2, 4, 0, tzinfo=LONDON)


def test_slash_dates_follow_the_persons_zone() -> None:
    london = parse_instant("01/12/2026 9am", MORNING)
    assert london == datetime(2026, 12, 1, 9, 0, tzinfo=LONDON)
    new_york_now = datetime(2026, 12, 1, 10, 0, tzinfo=NEW_YORK)
    assert parse_instant("01/12/2026 9am", new_york_now) == datetime(
        2026, 1, 12, 9, 0, tzinfo=NEW_YORK
    )
    assert parse_date("01/11/2026", date(2026, 12, 1), zone="Europe/London") == date(2026, 11, 1)
    assert parse_date("11/01/2026", date(2026, 12, 1), zone="America/Chicago") == date(2026, 11, 1)


def test_a_slash_date_without_a_zone_that_reads_two_ways_is_refused() -> None:
    with pytest.raises(InvalidInput, match="could be 1 November or 11 January"):
        parse_date("01/11/2026", date(2026, 12, 1), field="day")
    # One reading only: not a guess.
    assert parse_date("25/11/2026", date(2026, 12, 1)) == date(2026, 11, 25)


@pytest.mark.parametrize("text", ["-5 minutes", "-90s", "for -5 minutes", "\u22125m"])
def test_negative_durations_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput, match=r"duration: .* is negative"):
        parse_duration(text)


def test_a_time_in_the_spring_gap_is_refused() -> None:
    after = datetime(2026, 4, 1, 12, 0, tzinfo=LONDON)
    problem = refused("2026-03-29 01:30", after)
    assert "did not happen in Europe/London" in problem
    assert "clocks went forward" in problem


def test_a_time_the_clocks_passed_twice_is_the_first() -> None:
    after = datetime(2026, 11, 1, 12, 0, tzinfo=LONDON)
    first = parse_instant("2026-10-25 01:30", after)
    assert first.astimezone(UTC) == datetime(2026, 10, 25, 0, 30, tzinfo=UTC)


def test_hours_ago_across_a_change_of_the_clocks_are_real_hours() -> None:
    now = datetime(2026, 3, 29, 3, 0, tzinfo=LONDON)  # 02:00 UTC, just after the change
    assert parse_instant("2h ago", now).astimezone(UTC) == datetime(2026, 3, 29, 0, 0, tzinfo=UTC)


@pytest.mark.parametrize("text", ["1900-01-01 09:00", "1919-12-31", "0001-01-01"])
def test_years_before_1920_are_refused(text: str) -> None:
    assert "before 1920" in refused(text)
    with pytest.raises(InvalidInput, match="before 1920"):
        parse_date(text[:10], date(2026, 12, 1))


@pytest.mark.parametrize("text", ["99999999999d", "100000w", "1900-01-01"])
def test_absurd_look_backs_are_refused(text: str) -> None:
    with pytest.raises(InvalidInput) as caught:
        parse_since(text, date(2026, 12, 1))
    assert caught.value.field == "since"
