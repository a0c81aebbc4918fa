"""Plain time words people type ("2h ago", "yesterday evening", "monday 9am", "90s", "7d").

The common phrases are parsed here without imports, so logging stays fast; anything else falls
back to dateparser, loaded only when needed. Words that could land on the wrong time are refused
or follow a written rule, never guessed: see docs/time-words.md.
"""

from __future__ import annotations

import re
from datetime import UTC, date, datetime, time, timedelta, tzinfo

from twitchguide.diary.localday import DEFAULT_DAY_START_HOUR, EARLIEST_DAY
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
    if re.match(r"^(for\s+)?[-\u2212]", cleaned):
        raise InvalidInput(field, f"'{text}' is negative; a duration is 0 or more, e.g. 90s or 2m")
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


def parse_since(text: str, today: date, field: str = "since", *, zone: str | None = None) -> date:
    """The first diary day of a look-back like "7d", "2w", "30 days", or a date."""
    cleaned = text.strip().lower()
    match = re.fullmatch(r"(\d+)\s*(d|day|days|w|wk|week|weeks)", cleaned)
    if match:
        days = int(match.group(1)) * (7 if match.group(2).startswith("w") else 1)
        if days > MAX_DAYS_AGO:
            raise InvalidInput(
                field, f"'{text}' goes back more than 120 years; use e.g. 30d, 12w or 2026-01-01"
            )
        # "7d" means the last seven diary days, today included.
        return today - timedelta(days=max(days - 1, 0))
    return parse_date(text, today, field, zone=zone)


def parse_date(text: str, today: date, field: str = "date", *, zone: str | None = None) -> date:
    """A calendar date from "today", "yesterday", "3 days ago", "monday", 01/12/2026 or ISO.

    A weekday alone is the most recent such day, today included; "last monday" is the most
    recent one before today. Slash dates follow the convention of the person's time `zone`
    (month first in US zones, day first elsewhere); without a zone, one that reads two ways is
    refused.
    """
    cleaned = " ".join(text.strip().lower().split())
    _refuse_future_words(cleaned, text, field)
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
    weekday = _weekday_day(cleaned, today)
    if weekday is not None:
        return weekday
    slashed = _slash_date(cleaned, text, today, zone, field)
    if slashed is not None:
        return _not_too_early(slashed, text, field)
    try:
        return _not_too_early(date.fromisoformat(cleaned), text, field)
    except ValueError:
        pass
    raise InvalidInput(field, f"'{text}' is not a date; use e.g. today, yesterday, 2026-11-02")


def _weekday_day(cleaned: str, today: date) -> date | None:
    """'sunday': the latest Sunday, today included; 'last sunday': the latest before today."""
    word = cleaned.removeprefix("last ")
    if word not in _WEEKDAYS:
        return None
    back = (today.weekday() - _WEEKDAYS.index(word)) % 7
    if back == 0 and cleaned.startswith("last "):
        back = 7
    return today - timedelta(days=back)


def _not_too_early(day: date, text: str, field: str) -> date:
    if day < EARLIEST_DAY:
        raise InvalidInput(
            field, f"'{text}' is before {EARLIEST_DAY.year}; use a date in your lifetime"
        )
    return day


def parse_instant(
    text: str, now: datetime, field: str = "at", *, day_start_hour: int = DEFAULT_DAY_START_HOUR
) -> datetime:
    """An aware datetime from plain words, read in the zone of `now` (the person's local time).

    `day_start_hour` places a weekday said alone ("sunday") at the start of that diary day.
    """
    cleaned = " ".join(text.strip().lower().split())
    _refuse_future_words(cleaned, text, field)
    _refuse_impossible_clock(cleaned, text, field)
    zone_name = getattr(now.tzinfo, "key", None)
    cleaned = _SLASH_DATE.sub(
        lambda m: _slash_iso(m.group(0), text, now.date(), zone_name, field),
        cleaned,
    )
    parsed = _parse_common(cleaned, now, day_start_hour, text, field)
    if parsed is None:
        parsed = _parse_with_dateparser(text, now)
        if parsed is not None:
            parsed = _existing(parsed.replace(tzinfo=None), now.tzinfo, text, field)
    if parsed is None:
        raise InvalidInput(
            field,
            f"'{text}' is not a time I understand; use e.g. now, '2h ago', "
            "'yesterday evening', 'monday 9am', '2026-11-02 21:30'",
        )
    if parsed.year < EARLIEST_DAY.year:
        raise InvalidInput(
            field, f"'{text}' is before {EARLIEST_DAY.year}; use a time in your lifetime"
        )
    return parsed


_FUTURE_WORDS = re.compile(
    r"\b(tomorrow|tmrw|tomorow|later today|later tonight|"
    r"next (?:week|month|year|monday|tuesday|wednesday|thursday|friday|saturday|sunday))\b"
    r"|^in (?:\d+|an?|a few|a couple of)\s+[a-z]"
)


def _refuse_future_words(cleaned: str, text: str, field: str) -> None:
    """'tomorrow', 'next week', 'in 2 hours': the diary records what has happened."""
    match = _FUTURE_WORDS.search(cleaned)
    if match:
        raise InvalidInput(
            field,
            f"'{match.group(0).strip()}' is in the future; the diary records what has "
            "happened, so use a past time, e.g. now or '2h ago'",
        )


def _refuse_impossible_clock(cleaned: str, text: str, field: str) -> None:
    """25:00, 9:75 or 13pm are typos: refused, never replaced by the current time."""
    for match in re.finditer(r"(?<![\d-])(\d{1,3}):(\d{1,3})(?::\d+)?(?!\d)", cleaned):
        hour, minute = int(match.group(1)), int(match.group(2))
        if hour > 23 or minute > 59 or len(match.group(2)) != 2:
            raise InvalidInput(
                field,
                f"'{match.group(0)}' is not a time of day; use hours 0-23 and minutes 00-59, "
                "e.g. 21:30 or 9pm",
            )
    for match in re.finditer(r"(?<![\d:])(\d{1,3})(?::\d{2})?\s*(am|pm)\b", cleaned):
        if not 1 <= int(match.group(1)) <= 12:
            raise InvalidInput(
                field,
                f"'{match.group(0)}' is not a time of day; with am or pm use 1 to 12, "
                "e.g. 9pm, or 21:00",
            )


# 01/12/2026, 1/12/26, 01/12 (this year), 01.12.2026 (with a year only: 1.5 is a number).
_SLASH_DATE = re.compile(
    r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?:/(\d{4}|\d{2}))?(?![\d/])"
    r"|(?<![\d/.])(\d{1,2})\.(\d{1,2})\.(\d{4}|\d{2})(?![\d.])"
)
# Zones where people write the month first. Elsewhere (nearly everywhere) the day comes first.
_MONTH_FIRST_ZONES = frozenset(
    [
        "America/New_York",
        "America/Chicago",
        "America/Denver",
        "America/Los_Angeles",
        "America/Phoenix",
        "America/Anchorage",
        "America/Juneau",
        "America/Sitka",
        "America/Yakutat",
        "America/Nome",
        "America/Metlakatla",
        "America/Adak",
        "America/Boise",
        "America/Detroit",
        "America/Menominee",
        "America/Indianapolis",
        "America/Fort_Wayne",
        "America/Louisville",
        "America/Puerto_Rico",
        "Pacific/Honolulu",
        "Pacific/Guam",
        "Pacific/Saipan",
        "Pacific/Pago_Pago",
        "Navajo",
        "EST5EDT",
        "CST6CDT",
        "MST7MDT",
        "PST8PDT",
        "EST",
        "MST",
        "HST",
    ]
)
_MONTH_FIRST_PREFIXES = ("US/", "America/Indiana/", "America/Kentucky/", "America/North_Dakota/")


def month_first(zone: str) -> bool:
    """Whether people in this time zone write 12/01 for the first of December."""
    return zone in _MONTH_FIRST_ZONES or zone.startswith(_MONTH_FIRST_PREFIXES)


def _slash_date(cleaned: str, text: str, today: date, zone: str | None, field: str) -> date | None:
    match = _SLASH_DATE.fullmatch(cleaned)
    if match is None:
        return None
    first, second, year_text = (
        match.group(1, 2, 3) if match.group(1) is not None else match.group(4, 5, 6)
    )
    year = today.year if year_text is None else int(year_text)
    if year_text is not None and len(year_text) == 2:
        year += 2000
    a, b = int(first), int(second)
    day_first = _calendar_date(year, b, a)
    month_first_ = _calendar_date(year, a, b)
    if zone is not None:
        preferred = month_first_ if month_first(zone) else day_first
        other = day_first if month_first(zone) else month_first_
    elif day_first is not None and month_first_ is not None and day_first != month_first_:
        raise InvalidInput(
            field,
            f"'{cleaned}' could be {day_first.day} {day_first:%B} or "
            f"{month_first_.day} {month_first_:%B}; "
            f"write it as {day_first.isoformat()} or {month_first_.isoformat()}",
        )
    else:
        preferred, other = day_first, month_first_
    # With the person's convention impossible (13/01 in a US zone), only one reading is left.
    chosen = preferred or other
    if chosen is None:
        raise InvalidInput(field, f"'{text}' is not a date; use e.g. 2026-11-02")
    return chosen


def _slash_iso(found: str, text: str, today: date, zone: str | None, field: str) -> str:
    day = _slash_date(found, text, today, zone, field)
    assert day is not None  # the pattern matched: it reads as a date or was refused
    return day.isoformat()


def _calendar_date(year: int, month: int, day: int) -> date | None:
    try:
        return date(year, month, day)
    except ValueError:
        return None


def _parse_common(
    cleaned: str, now: datetime, day_start_hour: int, text: str, field: str
) -> datetime | None:
    if cleaned in ("now", "just now", "right now"):
        return now
    if cleaned in ("earlier", "earlier today"):
        # Halfway from 06:00 to now, like "this morning" said in the morning.
        start = _at(now.date(), time(6), now, text, field)
        return _halfway(start, now) if now > start else now
    if cleaned == "tonight":
        return _tonight(now, day_start_hour, text, field)
    match = re.fullmatch(r"(.+?)\s+ago", cleaned)
    if match:
        try:
            seconds = parse_duration(match.group(1))
        except InvalidInput:
            return None
        # In UTC: two hours ago across a change of the clocks is still two hours ago.
        return _minus(now, timedelta(seconds=seconds), field)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", cleaned):
        # A date alone starts at the start of that diary day, not at midnight (which belongs
        # to the diary day before).
        day = _day_word(cleaned, now.date())
        return None if day is None else _at(day, time(day_start_hour), now, text, field)
    iso = _parse_iso(cleaned, now, text, field)
    if iso is not None:
        return iso
    weekday = _weekday_day(cleaned, _diary_today(now, day_start_hour))
    if weekday is not None:
        return _at(weekday, time(day_start_hour), now, text, field)
    words = cleaned.replace(" at ", " ").split(" ")
    day = _day_word(words[0], now.date())
    rest = words[1:] if day is not None else words
    if day is None:
        day = now.date()
    if not rest:
        if words[0] not in ("today", "yesterday"):
            return None
        return _at(day, time(12), now, text, field)
    clock = _clock(" ".join(rest))
    if clock is None:
        return None
    candidate = _at(day, clock, now, text, field)
    if day == now.date() and candidate > now:
        part_start = _PART_STARTS.get(" ".join(rest))
        started = _at(day, part_start, now, text, field) if part_start is not None else None
        if started is not None and started <= now:
            # We are in that part of the day now: take halfway between its start and now.
            return _halfway(started, now)
        # "9pm" alone, said in the morning, means last night, because diaries look back.
        if words[0] in _WEEKDAYS:
            candidate = _at(day - timedelta(days=7), clock, now, text, field)
        elif words[0] not in ("today", "this"):
            candidate = _at(day - timedelta(days=1), clock, now, text, field)
    return candidate


def _tonight(now: datetime, day_start_hour: int, text: str, field: str) -> datetime:
    """The night of the diary day it is now: from 21:00 (halfway to now), or now in the evening.

    Never yesterday: said at 19:00, "tonight" is this evening, so it is now.
    """
    night = _at(_diary_today(now, day_start_hour), _PART_STARTS["night"], now, text, field)
    if now >= night:
        return _halfway(night, now)
    if now.hour >= _PART_STARTS["evening"].hour:
        return now
    raise InvalidInput(
        field,
        "'tonight' is still to come; use a past time, e.g. now, 'last night' or '2h ago'",
    )


def _diary_today(now: datetime, day_start_hour: int) -> date:
    return (now.replace(tzinfo=None) - timedelta(hours=day_start_hour)).date()


def _halfway(start: datetime, end: datetime) -> datetime:
    middle = start.astimezone(UTC) + (end.astimezone(UTC) - start.astimezone(UTC)) / 2
    return middle.astimezone(end.tzinfo).replace(second=0, microsecond=0)


def _minus(now: datetime, delta: timedelta, field: str) -> datetime:
    try:
        return (now.astimezone(UTC) - delta).astimezone(now.tzinfo)
    except OverflowError:
        raise InvalidInput(field, "goes back too far; use a time in your lifetime") from None


def _day_word(word: str, today: date) -> date | None:
    if word in ("today", "this"):
        return today
    if word in ("yesterday", "last"):
        return today - timedelta(days=1)
    if word in _WEEKDAYS:
        back = (today.weekday() - _WEEKDAYS.index(word)) % 7
        return today - timedelta(days=back)
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}", word):
        try:
            return date.fromisoformat(word)
        except ValueError:
            return None
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


def _at(day: date, clock: time, now: datetime, text: str, field: str) -> datetime:
    return _existing(datetime.combine(day, clock), now.tzinfo, text, field)


def _existing(naive: datetime, zone: tzinfo | None, text: str, field: str) -> datetime:
    """A local wall-clock time in `zone`, refused if the clocks skipped it (a DST gap).

    A time the clocks passed twice (when they went back) is the first of the two.
    """
    local = naive.replace(tzinfo=zone, fold=0)
    if zone is None or naive.year < EARLIEST_DAY.year:
        return local
    back = local.astimezone(UTC).astimezone(zone).replace(tzinfo=None)
    if back != naive:
        raise InvalidInput(
            field,
            f"'{text}': {naive:%Y-%m-%d %H:%M} did not happen in {getattr(zone, 'key', zone)} "
            f"(the clocks went forward then); use e.g. {back:%H:%M}",
        )
    return local


def _parse_iso(cleaned: str, now: datetime, text: str, field: str) -> datetime | None:
    try:
        parsed = datetime.fromisoformat(cleaned.upper().replace(" ", "T", 1))
    except ValueError:
        return None
    if parsed.tzinfo is None:
        return _existing(parsed, now.tzinfo, text, field)
    return parsed


def _parse_with_dateparser(text: str, now: datetime) -> datetime | None:
    import dateparser  # ~70 ms to import: only for phrases the fast path does not know

    settings = {
        "PREFER_DATES_FROM": "past",
        "RELATIVE_BASE": now.replace(tzinfo=None),
        "RETURN_AS_TIMEZONE_AWARE": False,
    }
    try:
        parsed = dateparser.parse(text, languages=["en"], settings=settings)
    except (ValueError, OverflowError, RecursionError):
        return None
    if parsed is None:
        return None
    result: datetime = parsed.replace(tzinfo=now.tzinfo)
    return result
