"""The one source of "now": the real time, or a fixed instant set with TWITCHGUIDE_NOW.

Every "now" and "today" in Twitchguide is this instant seen on the person's clock (their time
zone and day start), never the machine's. Freezing it makes a diary's reports reproducible:
the snapshot tests and the sample report pin their output with it.
"""

from __future__ import annotations

import os
from datetime import UTC, datetime

from twitchguide.errors import InvalidInput

NOW_VARIABLE = "TWITCHGUIDE_NOW"
_fixed: list[datetime] = []


def utc_now() -> datetime:
    """Now as an aware UTC instant (the frozen one if TWITCHGUIDE_NOW is set)."""
    if _fixed:
        return _fixed[0]
    text = os.environ.get(NOW_VARIABLE)
    if text:
        return _parse_fixed(text)
    return datetime.now(UTC)


def _parse_fixed(text: str) -> datetime:
    try:
        instant = datetime.fromisoformat(text)
    except ValueError:
        raise InvalidInput(
            NOW_VARIABLE, f"'{text}' is not an ISO 8601 instant, e.g. 2026-11-28T12:00:00+00:00"
        ) from None
    if instant.tzinfo is None:
        raise InvalidInput(NOW_VARIABLE, "needs a UTC offset, e.g. 2026-11-28T12:00:00+00:00")
    return instant.astimezone(UTC)
