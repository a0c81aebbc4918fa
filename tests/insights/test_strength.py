"""Grip decline: more than noise, on more than one day, never one bad day."""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta

import pytest

from twitchguide.diary.records import Stamps, StrengthCheck
from twitchguide.diary.strength import (
    days_since_previous_check,
    grip_decline,
    minimal_detectable_change,
)

DAY = date(2026, 3, 2)
_STAMPS = Stamps(id=1, owner_id=1, created_at=datetime(2026, 1, 1, tzinfo=UTC),
                 updated_at=datetime(2026, 1, 1, tzinfo=UTC))  # fmt: skip


def grip(day: date, left: float, right: float, hour: int = 12) -> StrengthCheck:
    """A check whose three trials per hand all read the given value."""
    return StrengthCheck(
        stamps=_STAMPS, checked_at=datetime.combine(day, time(hour), tzinfo=UTC),
        grip_left_1=left, grip_left_2=left, grip_left_3=left,
        grip_right_1=right, grip_right_2=right, grip_right_3=right,
    )  # fmt: skip


def days(n: int) -> list[date]:
    return [DAY + timedelta(days=7 * i) for i in range(n)]


def test_mdc_is_about_17_percent_against_one_day_and_14_against_three() -> None:
    assert minimal_detectable_change(1) == pytest.approx(0.172, abs=0.001)
    assert minimal_detectable_change(3) == pytest.approx(0.140, abs=0.001)


def test_steady_grip_with_noise_is_not_a_decline() -> None:
    values = [40, 38, 41, 37, 39, 40]
    checks = [grip(d, v, v) for d, v in zip(days(6), values, strict=True)]
    assert not grip_decline(checks).flagged


def test_one_bad_day_is_never_a_decline() -> None:
    checks = [grip(d, v, 40) for d, v in zip(days(5), [40, 40, 40, 40, 25], strict=True)]
    assert not grip_decline(checks).flagged


def test_two_bad_checks_on_the_same_day_count_once() -> None:
    checks = [grip(d, 40, 40) for d in days(3)]
    checks += [grip(DAY + timedelta(days=30), 25, 40, hour=9)]
    checks += [grip(DAY + timedelta(days=30), 25, 40, hour=18)]
    assert not grip_decline(checks).flagged


def test_two_later_days_below_noise_band_flag_a_decline() -> None:
    checks = [grip(d, v, 40) for d, v in zip(days(5), [40, 41, 39, 32, 31], strict=True)]
    result = grip_decline(checks)
    assert result.flagged
    assert result.left.declined and not result.right.declined
    assert result.left.baseline_kg == pytest.approx(40)
    assert result.left.change_fraction == pytest.approx(31 / 40 - 1)


def test_drop_within_noise_is_not_flagged() -> None:
    checks = [grip(d, v, 40) for d, v in zip(days(5), [40, 40, 40, 36, 35], strict=True)]
    assert not grip_decline(checks).flagged


def test_too_few_days_never_flag() -> None:
    checks = [grip(d, v, v) for d, v in zip(days(2), [40, 20], strict=True)]
    assert not grip_decline(checks).flagged
    assert grip_decline([]).left.baseline_kg is None


def _numbered(check: StrengthCheck, number: int) -> StrengthCheck:
    return StrengthCheck(
        **{**check.__dict__, "stamps": Stamps(**{**_STAMPS.__dict__, "id": number})}
    )


def _utc_day(instant: datetime) -> date:
    return instant.date()


def test_a_check_within_a_week_of_the_last_reports_the_gap() -> None:
    first = _numbered(grip(DAY, 40, 40), 1)
    soon = _numbered(grip(DAY + timedelta(days=3), 40, 40), 2)
    same_day = _numbered(grip(DAY, 40, 40, hour=18), 3)
    assert days_since_previous_check([first, soon], soon, _utc_day) == 3
    assert days_since_previous_check([first, same_day], same_day, _utc_day) == 0


def test_weekly_checks_and_the_first_check_say_nothing() -> None:
    first = _numbered(grip(DAY, 40, 40), 1)
    weekly = _numbered(grip(DAY + timedelta(days=7), 40, 40), 2)
    assert days_since_previous_check([first], first, _utc_day) is None
    assert days_since_previous_check([first, weekly], weekly, _utc_day) is None
    # A check entered late for an earlier day is measured from the checks before it.
    assert days_since_previous_check([weekly, first], first, _utc_day) is None
