"""The diary day is the person's local day, starting at their day-start hour (default 04:00).

A twitch at 01:00 belongs to the evening before, as the person would say it.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from zoneinfo import ZoneInfo

DEFAULT_DAY_START_HOUR = 4
# The earliest date any record may carry: earlier is a typo, not a day in someone's life.
EARLIEST_DAY = date(1920, 1, 1)


def diary_day(
    instant: datetime, zone: ZoneInfo, day_start_hour: int = DEFAULT_DAY_START_HOUR
) -> date:
    """The diary day an instant belongs to."""
    local = instant.astimezone(zone)
    return (local - timedelta(hours=day_start_hour)).date()


def day_start(day: date, zone: ZoneInfo, day_start_hour: int = DEFAULT_DAY_START_HOUR) -> datetime:
    """The UTC instant at which a diary day begins."""
    local = datetime.combine(day, time(hour=day_start_hour), tzinfo=zone)
    return local.astimezone(UTC)


def day_bounds(
    day: date, zone: ZoneInfo, day_start_hour: int = DEFAULT_DAY_START_HOUR
) -> tuple[datetime, datetime]:
    """[start, end) of a diary day as UTC instants; DST days may be 23 or 25 hours long."""
    return (
        day_start(day, zone, day_start_hour),
        day_start(day + timedelta(days=1), zone, day_start_hour),
    )
