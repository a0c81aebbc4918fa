"""Every bad value gets one message naming the field and what is allowed."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from hypothesis import given
from hypothesis import strategies as st

from twitchguide.diary.records import (
    DAILY_FACTORS,
    EPISODE,
    MEDICATION,
    RELIEF_RATING,
    STRENGTH,
    SYMPTOM,
    RecordKind,
)
from twitchguide.diary.timewords import parse_date, parse_duration, parse_instant, parse_since
from twitchguide.diary.validation import check_record, validate_fields
from twitchguide.errors import InvalidInput

NOW = datetime(2026, 11, 28, 15, 0, tzinfo=UTC)
TODAY = date(2026, 11, 28)


def _validate(kind: RecordKind, raw: dict[str, Any]) -> dict[str, Any]:
    return validate_fields(kind, raw, now=NOW, today=TODAY)


@pytest.mark.parametrize(
    ("kind", "raw", "field", "allowed"),
    [
        (EPISODE, {"started_at": NOW, "region": "calf", "intensity": 9}, "intensity", "1 to 5"),
        (EPISODE, {"started_at": NOW, "region": "elbowz"}, "region", "eyelid"),
        (
            EPISODE,
            {"started_at": NOW + timedelta(days=1), "region": "calf"},
            "started_at",
            "future",
        ),
        (EPISODE, {"started_at": NOW, "region": "calf", "side": "up"}, "side", "left, right"),
        (EPISODE, {"started_at": 0, "region": "calf"}, "started_at", "date and time"),
        (EPISODE, {"started_at": "2026-11-01T10:00", "region": "calf"}, "started_at", "time zone"),
        (EPISODE, {"region": "calf"}, "started_at", "required"),
        (EPISODE, {"started_at": NOW, "region": "calf", "mood": 3}, "mood", "not a field"),
        (DAILY_FACTORS, {"day": TODAY, "sleep_hours": 30}, "sleep_hours", "0 to 24"),
        (DAILY_FACTORS, {"day": TODAY, "stress": "high"}, "stress", "1 to 5"),
        (DAILY_FACTORS, {"day": TODAY, "caffeine_mg": -5}, "caffeine_mg", "0 to 3000"),
        (DAILY_FACTORS, {"day": TODAY, "caffeine_mg": float("nan")}, "caffeine_mg", "number"),
        (DAILY_FACTORS, {"day": TODAY + timedelta(days=2)}, "day", "future"),
        (DAILY_FACTORS, {"day": TODAY, "note": "x" * 3000}, "note", "2000"),
    ],
)
def test_bad_values_name_the_field_and_what_is_allowed(
    kind: RecordKind, raw: dict[str, Any], field: str, allowed: str
) -> None:
    with pytest.raises(InvalidInput) as raised:
        _validate(kind, raw)
    assert raised.value.field == field
    assert allowed in str(raised.value)


def test_a_count_without_its_minutes_says_what_to_give() -> None:
    with pytest.raises(InvalidInput) as raised:
        check_record(EPISODE, {"started_at": NOW, "region": "calf", "count": 12})
    assert raised.value.field == "count_minutes"
    assert "together with the minutes you counted over" in str(raised.value)


def test_a_future_time_is_shown_as_a_plain_date_and_time() -> None:
    with pytest.raises(InvalidInput) as raised:
        _validate(EPISODE, {"started_at": NOW + timedelta(days=1), "region": "calf"})
    assert f"{NOW + timedelta(days=1):%Y-%m-%d %H:%M} is in the future" in str(raised.value)


@pytest.mark.parametrize(
    ("kind", "field", "typed", "stored"),
    [
        (RELIEF_RATING, "strategy", "magnesium", "mineral_rich_food"),
        (RELIEF_RATING, "strategy", "Coffee", "caffeine_reduction"),
        (RELIEF_RATING, "strategy", "sleep", "sleep_habits"),
        (RELIEF_RATING, "strategy", "heating pad", "heat_and_cold"),
        (RELIEF_RATING, "rating", "didn't help", "not_helpful"),
        (RELIEF_RATING, "rating", "a bit", "somewhat"),
        (RELIEF_RATING, "rating", "worked", "helpful"),
        (SYMPTOM, "kind", "pins and needles", "tingling"),
        (SYMPTOM, "kind", "numb", "numbness"),
        (SYMPTOM, "kind", "slurred speech", "trouble_speaking"),
        (EPISODE, "context", "sleep", "falling_asleep"),
        (MEDICATION, "kind", "supplements", "supplement"),
    ],
)
def test_everyday_words_for_a_choice(kind: RecordKind, field: str, typed: str, stored: str) -> None:
    checked = validate_fields(kind, {field: typed}, now=NOW, today=TODAY, partial=True)
    assert checked[field] == stored


@pytest.mark.parametrize(
    ("field", "typed", "stored"),
    [
        ("water_litres", "2L", 2.0),
        ("water_litres", "500 ml", 0.5),
        ("caffeine_mg", "300mg", 300.0),
        ("caffeine_mg", "1,000", 1000.0),
        ("sleep_hours", "5.5h", 5.5),
        ("sleep_hours", "6h30m", 6.5),
        ("sleep_hours", "7,5", 7.5),
        ("exercise_minutes", "1h", 60.0),
        ("exercise_minutes", "1 hour and 15 min", 75.0),
        ("alcohol_units", "2 units", 2.0),
    ],
)
def test_numbers_may_carry_a_unit_that_fits(field: str, typed: str, stored: float) -> None:
    checked = validate_fields(DAILY_FACTORS, {field: typed}, now=NOW, today=TODAY, partial=True)
    assert checked[field] == pytest.approx(stored)


@pytest.mark.parametrize(
    ("field", "typed"),
    [
        ("sleep_hours", "7kg"),
        ("sleep_hours", "7h7"),
        ("water_litres", "two"),
        ("water_litres", "1.2.3"),
        ("caffeine_mg", "1,000,000"),
        ("stress", "3 mg"),
        ("sleep_hours", "30h"),
    ],
)
def test_a_unit_that_does_not_fit_is_refused(field: str, typed: str) -> None:
    with pytest.raises(InvalidInput) as raised:
        validate_fields(DAILY_FACTORS, {field: typed}, now=NOW, today=TODAY, partial=True)
    assert raised.value.field == field


@given(st.text(max_size=20))
def test_numbers_with_units_never_crash(text: str) -> None:
    try:
        validate_fields(DAILY_FACTORS, {"sleep_hours": text}, now=NOW, today=TODAY, partial=True)
    except InvalidInput as error:
        assert error.field == "sleep_hours"


def test_words_people_type_are_accepted() -> None:
    values = _validate(
        EPISODE,
        {
            "started_at": "2026-11-28T10:00:00+00:00",
            "region": "Calves",
            "side": "L",
            "pattern": "rippling",
            "intensity": "2",
            "duration_seconds": "90",
        },
    )
    assert values["region"] == "calf"
    assert values["side"] == "left"
    assert values["pattern"] == "continuous"
    assert values["intensity"] == 2
    assert values["duration_seconds"] == 90


def test_cross_field_rules() -> None:
    with pytest.raises(InvalidInput, match="count_minutes"):
        check_record(EPISODE, {"count": 5, "count_minutes": None})
    with pytest.raises(InvalidInput, match="ongoing"):
        check_record(EPISODE, {"ongoing": True, "duration_seconds": 30})
    with pytest.raises(InvalidInput, match="three trials"):
        check_record(STRENGTH, {"grip_left_1": 30, "grip_left_2": 31})
    with pytest.raises(InvalidInput, match="strength"):
        check_record(STRENGTH, {"checked_at": NOW})


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("90s", 90), ("2m", 120), ("1h30m", 5400), ("2 min", 120), ("1.5 hours", 5400), ("45", 45)],
)
def test_durations(text: str, seconds: int) -> None:
    assert parse_duration(text) == seconds


def test_bad_duration_names_the_field() -> None:
    with pytest.raises(InvalidInput, match="duration: 'a while'"):
        parse_duration("a while")


LOCAL_NOW = datetime(2026, 11, 28, 10, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("now", LOCAL_NOW),
        ("2h ago", datetime(2026, 11, 28, 8, 30, tzinfo=UTC)),
        ("yesterday evening", datetime(2026, 11, 27, 19, 0, tzinfo=UTC)),
        ("monday 9am", datetime(2026, 11, 23, 9, 0, tzinfo=UTC)),
        ("9pm", datetime(2026, 11, 27, 21, 0, tzinfo=UTC)),
        ("2026-11-02 21:30", datetime(2026, 11, 2, 21, 30, tzinfo=UTC)),
        ("yesterday at 14:30", datetime(2026, 11, 27, 14, 30, tzinfo=UTC)),
        ("last night at 11pm", datetime(2026, 11, 27, 23, 0, tzinfo=UTC)),
        ("this morning", datetime(2026, 11, 28, 9, 0, tzinfo=UTC)),
        ("half an hour ago", datetime(2026, 11, 28, 10, 0, tzinfo=UTC)),
        ("a few minutes ago", datetime(2026, 11, 28, 10, 27, tzinfo=UTC)),
        ("an hour and a half ago", datetime(2026, 11, 28, 9, 0, tzinfo=UTC)),
        ("earlier today", datetime(2026, 11, 28, 8, 15, tzinfo=UTC)),
    ],
)
def test_time_words(text: str, expected: datetime) -> None:
    assert parse_instant(text, LOCAL_NOW) == expected


EARLY_NOW = datetime(2026, 11, 28, 8, 30, tzinfo=UTC)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Said at 08:30, the morning has begun but 09:00 has not come: halfway from 05:00 to now.
        ("this morning", datetime(2026, 11, 28, 6, 45, tzinfo=UTC)),
        ("morning", datetime(2026, 11, 28, 6, 45, tzinfo=UTC)),
        ("today morning", datetime(2026, 11, 28, 6, 45, tzinfo=UTC)),
        ("evening", datetime(2026, 11, 27, 19, 0, tzinfo=UTC)),
        ("yesterday morning", datetime(2026, 11, 27, 9, 0, tzinfo=UTC)),
    ],
)
def test_part_of_day_in_progress_means_earlier_today(text: str, expected: datetime) -> None:
    assert parse_instant(text, EARLY_NOW) == expected


def test_a_part_of_day_still_to_come_stays_in_the_future() -> None:
    # The store then refuses it as a future time, naming the field.
    assert parse_instant("this evening", EARLY_NOW) > EARLY_NOW


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("last week", date(2026, 11, 21)),
        ("a week ago", date(2026, 11, 21)),
        ("a few days ago", date(2026, 11, 25)),
        ("a couple of weeks ago", date(2026, 11, 14)),
        ("last month", date(2026, 10, 29)),
        ("3 months ago", date(2026, 8, 30)),
        ("2w ago", date(2026, 11, 14)),
    ],
)
def test_dates_in_the_words_people_use(text: str, expected: date) -> None:
    assert parse_date(text, TODAY) == expected


@given(st.text(max_size=30))
def test_date_parser_never_crashes(text: str) -> None:
    try:
        parse_date(text, TODAY)
    except InvalidInput as error:
        assert error.field == "date"


def test_since_counts_today_in() -> None:
    assert parse_since("7d", TODAY) == date(2026, 11, 22)
    assert parse_since("2w", TODAY) == date(2026, 11, 15)
    assert parse_since("2026-11-01", TODAY) == date(2026, 11, 1)


@given(st.text(max_size=40))
def test_time_parser_never_crashes(text: str) -> None:
    try:
        result = parse_instant(text, LOCAL_NOW)
    except InvalidInput as error:
        assert error.field == "at"
    else:
        assert result.tzinfo is not None
