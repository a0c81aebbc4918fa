"""Plain time words people type ("2h ago", "yesterday evening", "monday 9am", "90s", "7d").

The common phrases are parsed here without imports, so logging stays fast; anything else falls
back to dateparser, loaded only when needed.
"""

from __future__ import annotations

import re
from datetime import date, datetime, time, timedelta

from twitchguide.errors import InvalidInput

_UNIT_SECONDS = {
    "s": 1,
    "sec": 1,
    "secs": 1,
    "second": 1,
    "seconds": 1,
    "m": 60,
    "min": 60,
    "mins": 60,
    "minute": 60,
    "minutes": 60,
    "h": 3600,
    "hr": 3600,
    "hrs": 3600,
    "hour": 3600,
    "hours": 3600,
    "d": 86400,
    "day": 86400,
    "days": 86400,
    "w": 604800,
    "wk": 604800,
    "week": 604800,
    "weeks": 604800,
}
_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*([a-z]+)")
# "a few days ago", "a couple of weeks ago": the amounts people say instead of numbers.
_COUNT_WORDS = {
    "a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
    "a couple of": 2, "a couple": 2, "couple of": 2, "a few": 3, "few": 3, "ten": 10,
}  # fmt: skip
_DAYS_IN = {"d": 1, "day": 1, "w": 7, "week": 7, "month": 30, "year": 365}
MAX_DAYS_AGO = 365 * 120  # further back is a typo, not a diary date
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_PARTS_OF_DAY = {
    "morning": time(9),
    "noon": time(12),
    "afternoon": time(15),
    "evening": time(19),
    "night": time(22),
    "tonight": time(22),
    "midnight": time(0),
}
# When each part of the day begins: "this morning" said at 08:30 means earlier today, not 09:00.
_PART_STARTS = {
    "morning": time(5),
    "afternoon": time(12),
    "evening": time(17),
    "night": time(21),
    "tonight": time(21),
}
_CLOCK = re.compile(r"^(?:at\s+)?(\d{1,2})(?::(\d{2}))?\s*(am|pm)?$")


def parse_duration(text: str, field: str = "duration") -> int:
    """Seconds in "90s", "2m", "1h30m", "2 min", "1.5 hours" or a bare number of seconds."""
    cleaned = _amounts_as_numbers(text.strip().lower().replace(",", " "))
    if re.fullmatch(r"\d+(\.\d+)?", cleaned):
        return round(float(cleaned))
    if re.fullmatch(r"\d{1,2}:\d{2}", cleaned):
        minutes, seconds = cleaned.split(":")
        return int(minutes) * 60 + int(seconds)
    total = 0.0
    position = 0
    for match in _AMOUNT.finditer(cleaned):
        if cleaned[position : match.start()].strip(" and"):
            break
        unit = _UNIT_SECONDS.get(match.group(2))
        if unit is None:
            break
        total += float(match.group(1)) * unit
        position = match.end()
    else:
        if position and not cleaned[position:].strip():
            return round(total)
    raise InvalidInput(field, f"'{text}' is not a duration; use e.g. 90s, 2m, 1h30m, or 'ongoing'")


_HALF = re.compile(r"\b(?:half an? (hour|minute)|an? (hour|minute) and a half)\b")
_COUNT_BEFORE_UNIT = re.compile(
    r"\b(a couple of|a couple|couple of|a few|few|an|a|one|two|three|four|five|ten)\s+(?=[a-z])"
)


def _half_as_number(match: re.Match[str]) -> str:
    unit = "minutes" if (match.group(1) or match.group(2)) == "hour" else "seconds"
    return f"30 {unit}" if match.group(1) else f"90 {unit}"


def _amounts_as_numbers(text: str) -> str:
    """'half an hour' -> '30 minutes', 'a few minutes' -> '3 minutes', 'an hour' -> '1 hour'."""
    text = _HALF.sub(_half_as_number, text)
    return _COUNT_BEFORE_UNIT.sub(lambda m: f"{_COUNT_WORDS[m.group(1)]} ", text)


def parse_since(text: str, today: date, field: str = "since") -> date:
    """The first diary day of a look-back like "7d", "2w", "30 days", or a date."""
    cleaned = text.strip().lower()
    match = re.fullmatch(r"(\d+)\s*(d|day|days|w|wk|week|weeks)", cleaned)
    if match:
        days = int(match.group(1)) * (7 if match.group(2).startswith("w") else 1)
        # "7d" means the last seven diary days, today included.
        return today - timedelta(days=max(days - 1, 0))
    return parse_date(text, today, field)


def parse_date(text: str, today: date, field: str = "date") -> date:
    """A calendar date from "today", "yesterday", "3 days ago", "monday" or ISO."""
    cleaned = text.strip().lower()
    if cleaned in ("today", "now"):
        return today
    if cleaned == "yesterday":
        return today - timedelta(days=1)
    match = re.fullmatch(r"(.+?)\s*(d|days?|w|weeks?|months?|years?)\s+ago", cleaned)
    if match:
        amount, unit = match.groups()
        count = int(amount) if amount.isdigit() else _COUNT_WORDS.get(amount)
        days = None if count is None else count * _DAYS_IN[unit.rstrip("s")]
        if days is not None and days <= MAX_DAYS_AGO:
            return today - timedelta(days=days)
    if cleaned in ("last week", "last month", "last year"):
        return today - timedelta(days=_DAYS_IN[cleaned.removeprefix("last ")])
    weekday = cleaned.removeprefix("last ")
    if weekday in _WEEKDAYS:
        back = (today.weekday() - _WEEKDAYS.index(weekday)) % 7 or 7
        return today - timedelta(days=back)
    try:
        return date.fromisoformat(cleaned)
    except ValueError:
        pass
    raise InvalidInput(field, f"'{text}' is not a date; use e.g. today, yesterday, 2026-11-02")


def parse_instant(text: str, now: datetime, field: str = "at") -> datetime:
    """An aware datetime from plain words, read in the zone of `now` (the person's local time)."""
    cleaned = " ".join(text.strip().lower().split())
    parsed = _parse_common(cleaned, now)
    if parsed is None:
        parsed = _parse_with_dateparser(text, now)
    if parsed is None:
        raise InvalidInput(
            field,
            f"'{text}' is not a time I understand; use e.g. now, '2h ago', "
            "'yesterday evening', 'monday 9am', '2026-11-02 21:30'",
        )
    return parsed


def _parse_common(cleaned: str, now: datetime) -> datetime | None:
    if cleaned in ("now", "just now", "right now"):
        return now
    if cleaned in ("earlier", "earlier today"):
        # Halfway from 06:00 to now, like "this morning" said in the morning.
        start = _at(now.date(), time(6), now)
        return (start + (now - start) / 2).replace(second=0, microsecond=0) if now > start else now
    match = re.fullmatch(r"(.+?)\s+ago", cleaned)
    if match:
        try:
            return now - timedelta(seconds=parse_duration(match.group(1)))
        except InvalidInput:
            return None
    iso = _parse_iso(cleaned, now)
    if iso is not None:
        return iso
    words = cleaned.replace(" at ", " ").split(" ")
    day = _day_word(words[0], now.date())
    rest = words[1:] if day is not None else words
    if day is None:
        day = now.date()
    if not rest:
        return None if words[0] not in ("today", "yesterday") else _at(day, time(12), now)
    clock = _clock(" ".join(rest))
    if clock is None:
        return None
    candidate = _at(day, clock, now)
    if day == now.date() and candidate > now:
        part_start = _PART_STARTS.get(" ".join(rest))
        if part_start is not None and _at(day, part_start, now) <= now:
            # We are in that part of the day now: take halfway between its start and now.
            started = _at(day, part_start, now)
            return (started + (now - started) / 2).replace(second=0, microsecond=0)
        # "9pm" alone, said in the morning, means last night, because diaries look back.
        if words[0] not in ("today", "this"):
            candidate -= timedelta(days=1)
    return candidate


def _day_word(word: str, today: date) -> date | None:
    if word in ("today", "this"):
        return today
    if word in ("yesterday", "last"):
        return today - timedelta(days=1)
    if word in _WEEKDAYS:
        back = (today.weekday() - _WEEKDAYS.index(word)) % 7
        return today - timedelta(days=back)
    return None


def _clock(text: str) -> time | None:
    if text in _PARTS_OF_DAY:
        return _PARTS_OF_DAY[text]
    if text.startswith("last "):
        return _PARTS_OF_DAY.get(text.removeprefix("last "))
    match = _CLOCK.fullmatch(text)
    if not match:
        return None
    hour = int(match.group(1))
    minute = int(match.group(2) or 0)
    meridiem = match.group(3)
    if meridiem == "pm" and hour < 12:
        hour += 12
    elif meridiem == "am" and hour == 12:
        hour = 0
    if hour > 23 or minute > 59:
        return None
    return time(hour, minute)


def _at(day: date, clock: time, now: datetime) -> datetime:
    return datetime.combine(day, clock, tzinfo=now.tzinfo)


def _parse_iso(cleaned: str, now: datetime) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(cleaned.upper().replace(" ", "T", 1))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=now.tzinfo)
    return parsed


def _parse_with_dateparser(text: str, now: datetime) -> datetime | None:
    import dateparser  # ~70 ms to import: only for phrases the fast path does not know

    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    parsed = dateparser.parse(text, languages=["en"], settings=settings)
    if parsed is None:
        return None
    result: datetime = parsed.replace(tzinfo=now.tzinfo)
    return result
