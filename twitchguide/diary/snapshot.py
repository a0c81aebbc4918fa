"""One person's whole diary as plain data: what triage, insights and reports read."""

from __future__ import annotations

from dataclasses import field
from datetime import date, datetime
from zoneinfo import ZoneInfo

from twitchguide.diary.localday import DEFAULT_DAY_START_HOUR, diary_day
from twitchguide.diary.records import (
    DailyFactors,
    Episode,
    MedicationCourse,
    ReliefRating,
    StrengthCheck,
    SymptomReport,
)
from twitchguide.value import value


@value(eq=False)
class Diary:
    """Every record of one owner, each list in time order, and the settings that date them."""

    episodes: list[Episode] = field(default_factory=list)
    days: list[DailyFactors] = field(default_factory=list)
    medications: list[MedicationCourse] = field(default_factory=list)
    symptoms: list[SymptomReport] = field(default_factory=list)
    strength_checks: list[StrengthCheck] = field(default_factory=list)
    relief_ratings: list[ReliefRating] = field(default_factory=list)
    timezone: str = "UTC"
    day_start_hour: int = DEFAULT_DAY_START_HOUR

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def day_of(self, instant: datetime) -> date:
        """The diary day an instant belongs to, by this person's settings."""
        return diary_day(instant, self.zone, self.day_start_hour)
