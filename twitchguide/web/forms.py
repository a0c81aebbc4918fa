"""Record forms: each field's control, drawn from the diary's own field specs."""

from __future__ import annotations

from datetime import date, datetime
from typing import Any
from zoneinfo import ZoneInfo

from twitchguide.diary.records import Record, field_values


def form_values(record: Record, zone: ZoneInfo) -> dict[str, str]:
    """A record's fields as the text its form shows (local times, plain numbers)."""
    shown: dict[str, str] = {}
    for name, value in field_values(record).items():
        shown[name] = as_text(value, zone)
    return shown


def as_text(value: Any, zone: ZoneInfo) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "yes" if value else ""
    if isinstance(value, datetime):
        return value.astimezone(zone).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
