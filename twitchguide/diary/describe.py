"""How diary records read in one calm line each (terminal and web), in the person's local time."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date, datetime
from zoneinfo import ZoneInfo

from twitchguide.diary.records import (
    DailyFactors,
    Episode,
    MedicationCourse,
    Record,
    ReliefRating,
    StrengthCheck,
    SymptomReport,
)
from twitchguide.diary.vocabulary import label


def when(instant: datetime, zone: ZoneInfo, on_day: date | None = None) -> str:
    """Local date and time; under a diary day's heading (`on_day`) the time alone will do.

    A twitch at 01:30 belongs to the evening before, so there its own date is kept.
    """
    local = instant.astimezone(zone)
    if on_day is None:
        return local.strftime("%a %d %b %Y %H:%M")
    if local.date() == on_day:
        return local.strftime("%H:%M")
    return local.strftime("%a %d %b %H:%M")


def day_label(day: date) -> str:
    return day.strftime("%a %d %b %Y")


def duration(seconds: int) -> str:
    if seconds < 120:
        return f"{seconds} s"
    if seconds < 7200:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def _num(value: float) -> str:
    return f"{value:g}"


Stamp = Callable[[datetime], str]


def describe(record: Record, zone: ZoneInfo, on_day: date | None = None) -> str:
    """One line for any record, starting with its id; `on_day` when listed under that day."""

    def stamp(instant: datetime) -> str:
        return when(instant, zone, on_day)

    return f"#{record.stamps.id}  " + _DESCRIBERS[type(record)](record, stamp, on_day)


def _episode(record: Record, stamp: Stamp, on_day: date | None) -> str:
    assert isinstance(record, Episode)
    place = label(record.region) + (f", {record.side}" if record.side else "")
    parts = [place]
    if record.ongoing:
        parts.append("ongoing")
    elif record.duration_seconds is not None:
        parts.append(duration(record.duration_seconds))
    if record.intensity is not None:
        parts.append(f"intensity {record.intensity}/5")
    if record.pattern:
        parts.append(record.pattern)
    if record.context:
        parts.append(label(record.context))
    if record.count is not None and record.count_minutes is not None:
        parts.append(f"{record.count} twitches in {_num(record.count_minutes)} min")
    text = f"{stamp(record.started_at)}  " + " · ".join(parts)
    return text + (f" — {record.note}" if record.note else "")


_FACTOR_LABELS = (
    ("sleep_hours", "sleep {} h"),
    ("stress", "stress {}/5"),
    ("anxiety", "anxiety {}/5"),
    ("caffeine_mg", "caffeine {} mg"),
    ("water_litres", "water {} L"),
    ("exercise_minutes", "exercise {} min"),
    ("exercise_intensity", "({})"),
    ("alcohol_units", "alcohol {} units"),
    ("magnesium_servings", "magnesium-rich food {}"),
    ("potassium_servings", "potassium-rich food {}"),
    ("hours_observed", "watched {} h"),
)


def factors_summary(record: DailyFactors) -> str:
    parts = []
    for name, template in _FACTOR_LABELS:
        value = getattr(record, name)
        if value is not None:
            parts.append(template.format(_num(value) if isinstance(value, float) else value))
    text = " · ".join(parts) if parts else "no factors recorded"
    return text + (f" — {record.note}" if record.note else "")


def _day(record: Record, stamp: Stamp, on_day: date | None) -> str:
    assert isinstance(record, DailyFactors)
    return f"{day_label(record.day)}  {factors_summary(record)}"


def _medication(record: Record, stamp: Stamp, on_day: date | None) -> str:
    assert isinstance(record, MedicationCourse)
    dose = f" {record.dose}" if record.dose else ""
    until = f"to {record.ended_on.isoformat()}" if record.ended_on else "ongoing"
    kind = f" ({record.kind})" if record.kind else ""
    text = f"{record.name}{dose}{kind} from {record.started_on.isoformat()}, {until}"
    return text + (f" — {record.note}" if record.note else "")


def _symptom(record: Record, stamp: Stamp, on_day: date | None) -> str:
    assert isinstance(record, SymptomReport)
    text = f"{stamp(record.noted_at)}  {label(record.kind)}"
    if record.region:
        text += f" in {label(record.region)}" + (f", {record.side}" if record.side else "")
    if record.since:
        text += f", since {record.since.isoformat()}"
    return text + (f" — {record.description}" if record.description else "")


def _strength(record: Record, stamp: Stamp, on_day: date | None) -> str:
    assert isinstance(record, StrengthCheck)
    parts = []
    # A hand's grip is stored with all three trials or none (validation sees to that).
    for hand, trials, mean in (
        ("left", (record.grip_left_1, record.grip_left_2, record.grip_left_3), record.grip_left_kg),
        (
            "right",
            (record.grip_right_1, record.grip_right_2, record.grip_right_3),
            record.grip_right_kg,
        ),
    ):
        if mean is not None:
            given = ", ".join(_num(trial) for trial in trials if trial is not None)
            parts.append(f"grip {hand} {given} kg (mean {mean:.1f})")
    if record.heel_walk:
        parts.append(f"heel walk {record.heel_walk}")
    if record.toe_walk:
        parts.append(f"toe walk {record.toe_walk}")
    text = f"{stamp(record.checked_at)}  " + " · ".join(parts)
    return text + (f" — {record.note}" if record.note else "")


def _relief(record: Record, stamp: Stamp, on_day: date | None) -> str:
    assert isinstance(record, ReliefRating)
    rated = "" if record.rated_on == on_day else f"{record.rated_on.isoformat()}  "
    text = f"{rated}{label(record.strategy)}: {label(record.rating)}"
    return text + (f" — {record.note}" if record.note else "")


_DESCRIBERS = {
    Episode: _episode,
    DailyFactors: _day,
    MedicationCourse: _medication,
    SymptomReport: _symptom,
    StrengthCheck: _strength,
    ReliefRating: _relief,
}
