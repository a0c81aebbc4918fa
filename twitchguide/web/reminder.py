"""A daily check-in reminder as an iCalendar file (RFC 5545) a phone's calendar imports.

A local app cannot push notifications, so the phone's own calendar does the reminding.
"""

from __future__ import annotations

from datetime import UTC, datetime

from twitchguide.errors import InvalidInput


def daily_reminder(at: str, now: datetime) -> str:
    """A VCALENDAR with one event every day at `at` (HH:MM, local), with a 0-minute alarm."""
    hour, _, minute = at.partition(":")
    if not (hour.isdigit() and minute.isdigit() and int(hour) < 24 and int(minute) < 60):
        raise InvalidInput("time", "a time of day as HH:MM, e.g. 21:00")
    start = now.strftime("%Y%m%d") + f"T{int(hour):02d}{int(minute):02d}00"
    stamp = now.astimezone(UTC).strftime("%Y%m%dT%H%M%SZ")
    lines = [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Twitchguide//Daily check-in//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
        "BEGIN:VEVENT",
        f"UID:daily-check-in-{int(hour):02d}{int(minute):02d}@twitchguide.local",
        f"DTSTAMP:{stamp}",
        # Floating local time (RFC 5545 3.3.5): 21:00 wherever the phone is, no VTIMEZONE.
        f"DTSTART:{start}",
        "DURATION:PT5M",
        "RRULE:FREQ=DAILY",
        "SUMMARY:Twitchguide check-in",
        "DESCRIPTION:A minute for your diary: any twitches today\\, sleep\\, coffee and "
        "water. Open Twitchguide on your computer or phone.",
        "TRANSP:TRANSPARENT",
        "BEGIN:VALARM",
        "ACTION:DISPLAY",
        "DESCRIPTION:Twitchguide check-in",
        "TRIGGER:PT0M",
        "END:VALARM",
        "END:VEVENT",
        "END:VCALENDAR",
    ]
    return "".join(_fold(line) + "\r\n" for line in lines)


def _fold(line: str) -> str:
    """RFC 5545 3.1: lines longer than 75 octets continue on the next line after a space."""
    data = line.encode("utf-8")
    if len(data) <= 75:
        return line
    parts: list[str] = []
    rest = data
    while len(rest) > 75:
        cut = 75 if not parts else 74
        while cut and (rest[cut] & 0xC0) == 0x80:  # never split a UTF-8 character
            cut -= 1
        parts.append(rest[:cut].decode("utf-8"))
        rest = rest[cut:]
    parts.append(rest.decode("utf-8"))
    return "\r\n ".join(parts)
