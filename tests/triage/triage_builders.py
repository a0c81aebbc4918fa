"""Small builders for hand-made diaries used by the triage tests."""

from __future__ import annotations

from datetime import UTC, date, datetime, time
from typing import Any

from twitchguide.diary.records import (
    DailyFactors,
    Episode,
    MedicationCourse,
    Stamps,
    StrengthCheck,
    SymptomReport,
)

_STAMP_TIME = datetime(2026, 1, 1, tzinfo=UTC)


def stamps() -> Stamps:
    return Stamps(id=1, owner_id=1, created_at=_STAMP_TIME, updated_at=_STAMP_TIME)


def noon(day: date) -> datetime:
    return datetime.combine(day, time(12), tzinfo=UTC)


def episode(day: date, region: str = "eyelid", **values: Any) -> Episode:
    return Episode(stamps=stamps(), started_at=noon(day), region=region, **values)


def symptom(day: date, kind: str, **values: Any) -> SymptomReport:
    return SymptomReport(stamps=stamps(), noted_at=noon(day), kind=kind, **values)


def medicine(
    name: str, started: date, ended: date | None = None, kind: str | None = None
) -> MedicationCourse:
    return MedicationCourse(
        stamps=stamps(), name=name, started_on=started, ended_on=ended, kind=kind
    )


def factors(day: date, **values: Any) -> DailyFactors:
    return DailyFactors(stamps=stamps(), day=day, **values)


def grip(day: date, left: float, right: float, hour: int = 12) -> StrengthCheck:
    at = datetime.combine(day, time(hour), tzinfo=UTC)
    return StrengthCheck(
        stamps=stamps(), checked_at=at,
        grip_left_1=left, grip_left_2=left, grip_left_3=left,
        grip_right_1=right, grip_right_2=right, grip_right_3=right,
    )  # fmt: skip
