"""Field values as people type them (time words, lengths, periods), read on the person's clock.

Every front end hands the actions text as typed; the reading happens here, once.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date
from typing import Any

from twitchguide.actions.context import Clock
from twitchguide.diary.records import RecordKind
from twitchguide.diary.timewords import parse_date, parse_duration, parse_instant, parse_since
from twitchguide.errors import InvalidInput


def typed_values(kind: RecordKind, typed: Mapping[str, Any], clock: Clock) -> dict[str, Any]:
    """The fields given (not None) as raw field values, with time words and lengths read.

    Validation of each value against its field happens in the store, in one place.
    """
    values: dict[str, Any] = {}
    for name, raw in typed.items():
        if raw is None:
            continue
        spec = kind.field(name)
        value = raw
        if isinstance(raw, str):
            text = raw.strip()
            if spec.kind == "instant":
                value = parse_instant(
                    text, clock.now(), field=name, day_start_hour=clock.day_start_hour
                )
            elif spec.kind == "date":
                value = parse_date(text, clock.today(), field=name, zone=clock.zone.key)
            elif name.endswith("_seconds") and text.lower() not in ("", "none"):
                value = parse_duration(text, field=name)
        values[name] = value
    return values


def period(clock: Clock, text: str, *, allow_all: bool = False) -> tuple[date | None, date]:
    """The diary days a reading covers: [first, today]; "all" (where allowed) has no first day."""
    today = clock.today()
    if allow_all and text.strip().lower() == "all":
        return None, today
    first = parse_since(text, today, zone=clock.zone.key)
    if first > today:
        other = "all, e.g. 90d," if allow_all else "e.g. 7d"
        raise InvalidInput("since", f"is after today; use {other} or a past date")
    return first, today
