"""Turning what a person types on the command line into field values the diary validates."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from twitchguide.diary.records import RecordKind
from twitchguide.diary.timewords import parse_date, parse_duration, parse_instant
from twitchguide.store import UserSettings


def field_values(kind: RecordKind, typed: Mapping[str, Any], user: UserSettings) -> dict[str, Any]:
    """Options given (not None) as raw field values, with time words and durations read."""
    values: dict[str, Any] = {}
    for name, value in typed.items():
        if value is None:
            continue
        spec = kind.field(name)
        if isinstance(value, str):
            text = value.strip()
            if spec.kind == "instant":
                value = parse_instant(text, user.now(), field=name)
            elif spec.kind == "date":
                value = parse_date(text, user.today(), field=name)
            elif name.endswith("_seconds") and text.lower() not in ("", "none"):
                value = parse_duration(text, field=name)
        values[name] = value
    return values


def option_name(field: str) -> str:
    return "--" + field.replace("_", "-")
