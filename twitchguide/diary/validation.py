"""Checks every value a person gives against its field spec; one clear message per problem."""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from datetime import UTC, date, datetime, timedelta
from typing import Any

from twitchguide.diary.localday import EARLIEST_DAY
from twitchguide.diary.records import FieldSpec, RecordKind
from twitchguide.diary.vocabulary import canonical_region
from twitchguide.errors import InvalidInput

MAX_TEXT = 2000
# Clocks differ a little between devices; a record a few minutes "ahead" is not a mistake.
FUTURE_GRACE = timedelta(minutes=5)


def validate_fields(
    kind: RecordKind,
    raw: Mapping[str, Any],
    *,
    now: datetime,
    today: date,
    partial: bool = False,
) -> dict[str, Any]:
    """Typed, checked values for the given fields; with partial=False required ones must be there.

    Values may be typed already or strings (from the command line, CSV or JSON).
    """
    specs, required = _field_table(kind)
    unknown = sorted(name for name in raw if name not in specs)
    if unknown:
        raise InvalidInput(
            unknown[0], f"is not a field of {kind.name}; fields are {', '.join(kind.field_names)}"
        )
    values = {
        name: convert(specs[name], value, now=now, today=today) for name, value in raw.items()
    }
    if not partial:
        for spec in required:
            if values.get(spec.name) is None:
                raise InvalidInput(spec.name, f"is required ({spec.allowed()})")
    return values


_FIELD_TABLES: dict[int, tuple[RecordKind, dict[str, FieldSpec], tuple[FieldSpec, ...]]] = {}


def _field_table(kind: RecordKind) -> tuple[dict[str, FieldSpec], tuple[FieldSpec, ...]]:
    """Each kind's fields by name, and its required ones, worked out once: an import of 200,000
    records validates every one of them."""
    entry = _FIELD_TABLES.get(id(kind))
    if entry is None or entry[0] is not kind:
        specs = {spec.name: spec for spec in kind.fields}
        entry = (kind, specs, tuple(spec for spec in kind.fields if spec.required))
        _FIELD_TABLES[id(kind)] = entry
    return entry[1], entry[2]


def convert(spec: FieldSpec, value: Any, *, now: datetime, today: date) -> Any:
    """One value, typed and checked; None (or an empty string) means "not recorded"."""
    if value is None or (isinstance(value, str) and not value.strip()):
        if spec.kind == "bool":
            return False
        if spec.required:
            raise InvalidInput(spec.name, f"is required ({spec.allowed()})")
        return None
    converter = _CONVERTERS[spec.kind]
    return converter(spec, value, now, today)


def _fail(spec: FieldSpec, value: Any) -> InvalidInput:
    shown = value if not isinstance(value, str) else f"'{printable(value)}'"
    return InvalidInput(spec.name, f"{shown} is not allowed; use {spec.allowed()}")


def printable(text: str, limit: int = 60) -> str:
    """Text safe to show in a message: control and broken characters escaped, long text cut."""
    cut = text if len(text) <= limit else text[:limit] + "…"
    if not _UNSTORABLE.search(cut):
        return cut
    return cut.encode("utf-8", "backslashreplace").decode("utf-8").replace("\x00", "\\x00")


# NUL cannot be stored in PostgreSQL text, and a lone surrogate is not a character at all; other
# control characters (except tab and new line) only hide what a note says. Refused for both
# databases alike, so a backup always restores on either.
_UNSTORABLE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ud800-\udfff]")


def _number(spec: FieldSpec, value: Any, _now: datetime, _today: date) -> int | float:
    if isinstance(value, bool):
        raise _fail(spec, value)
    try:
        number = float(value)
    except (TypeError, ValueError):
        converted = _with_unit(spec, value) if isinstance(value, str) else None
        if converted is None:
            raise _fail(spec, value) from None
        number = converted
    if not math.isfinite(number):
        raise _fail(spec, value)
    if spec.kind == "int":
        if not number.is_integer():
            raise _fail(spec, value)
        number = int(number)
    too_low = spec.minimum is not None and number < spec.minimum
    too_high = spec.maximum is not None and number > spec.maximum
    if too_low or too_high:
        raise _fail(spec, value)
    return number


# Unit words people type after a number, and what one of them is in the field's own unit.
_UNIT_FACTORS: dict[str, dict[str, float]] = {
    "hours": {"h": 1, "hr": 1, "hrs": 1, "hour": 1, "hours": 1, "m": 1 / 60,
              "min": 1 / 60, "mins": 1 / 60, "minute": 1 / 60, "minutes": 1 / 60},
    "minutes": {"m": 1, "min": 1, "mins": 1, "minute": 1, "minutes": 1,
                "h": 60, "hr": 60, "hrs": 60, "hour": 60, "hours": 60},
    "seconds": {"s": 1, "sec": 1, "secs": 1, "second": 1, "seconds": 1,
                "m": 60, "min": 60, "mins": 60, "minute": 60, "minutes": 60},
    "mg": {"mg": 1, "milligram": 1, "milligrams": 1, "g": 1000, "gram": 1000, "grams": 1000},
    "litres": {"l": 1, "litre": 1, "litres": 1, "liter": 1, "liters": 1,
               "ml": 0.001, "millilitre": 0.001, "millilitres": 0.001, "milliliter": 0.001,
               "milliliters": 0.001},
    "units": {"unit": 1, "units": 1},
    "kg": {"kg": 1, "kgs": 1, "kilo": 1, "kilos": 1},
}  # fmt: skip
_AMOUNT_WITH_UNIT = re.compile(r"(\d+(?:[.,]\d+)*)\s*([a-z]*)")


def _with_unit(spec: FieldSpec, text: str) -> float | None:
    """'2L', '500 ml', '6h30m', '7,5': the amount in the field's unit, or None if not that."""
    factors = _UNIT_FACTORS.get(spec.unit, {})
    cleaned = text.strip().lower()
    total, position, parts, bare = 0.0, 0, 0, False
    for match in _AMOUNT_WITH_UNIT.finditer(cleaned):
        if cleaned[position : match.start()].strip(" and"):
            return None
        digits, unit = match.groups()
        if re.fullmatch(r"\d{1,3}(,\d{3})+", digits):
            digits = digits.replace(",", "")  # 1,000 mg
        elif digits.count(",") == 1 and "." not in digits:
            digits = digits.replace(",", ".")  # 7,5 hours
        try:
            amount = float(digits)
        except ValueError:
            return None
        if unit and unit not in factors:
            return None
        total += amount * factors.get(unit, 1.0)
        position, parts, bare = match.end(), parts + 1, bare or not unit
    # "6h30m" adds up; "7h7" does not say what the 7 is.
    if parts == 0 or (bare and parts > 1) or cleaned[position:].strip():
        return None
    return round(total, 4)


def _text(spec: FieldSpec, value: Any, _now: datetime, _today: date) -> str:
    if not isinstance(value, str):
        raise _fail(spec, value)
    text = value.strip()
    bad = _UNSTORABLE.search(text)
    if bad:
        what = "a NUL" if bad.group(0) == "\x00" else "a control or broken character"
        raise InvalidInput(
            spec.name,
            f"contains {what} (at position {bad.start() + 1}); use plain text without it",
        )
    if len(text) > MAX_TEXT:
        raise InvalidInput(spec.name, f"is {len(text)} characters long; the limit is {MAX_TEXT}")
    return text


def _choice(spec: FieldSpec, value: Any, _now: datetime, _today: date) -> str:
    if not isinstance(value, str):
        raise _fail(spec, value)
    word = value.strip().lower().replace(" ", "_").replace("-", "_")
    if word in spec.choices:
        return word
    if spec.name == "region":
        region = canonical_region(value)
        if region is not None:
            return region
    word = _FIELD_ALIASES.get(spec.name, {}).get(word) or _CHOICE_ALIASES.get(word, word)
    if word in spec.choices:
        return word
    raise InvalidInput(spec.name, f"'{printable(value)}' is not known; use {spec.allowed()}")


def _aliases(groups: dict[str, tuple[str, ...]]) -> dict[str, str]:
    return {word: choice for choice, words in groups.items() for word in words}


# Everyday words for one field's choices; checked first, so "sleep" can mean sleep habits for a
# relief strategy and falling asleep for an episode's context.
_FIELD_ALIASES = {
    "strategy": _aliases(
        {
            "hydration": ("water", "drink", "drinking", "fluids", "hydrate", "hydrating"),
            "stress_care": (
                "stress", "relaxing", "relaxation", "breathing", "meditation", "mindfulness",
                "yoga",
            ),
            "sleep_habits": ("sleep", "sleeping", "bedtime", "more_sleep"),
            "caffeine_reduction": (
                "caffeine", "coffee", "less_coffee", "less_caffeine", "decaf", "no_coffee",
            ),
            "mineral_rich_food": (
                "magnesium", "potassium", "minerals", "food", "diet", "banana", "bananas",
            ),
            "heat_and_cold": ("heat", "cold", "ice", "warmth", "heating_pad", "bath", "hot_bath"),
            "stretching_and_massage": ("stretching", "stretch", "stretches", "massage"),
            "rest_breaks": ("rest", "resting", "breaks", "break"),
        }
    ),
    "rating": _aliases(
        {
            "helpful": ("helped", "it_helped", "worked", "works", "great", "good", "very_helpful"),
            "somewhat": (
                "a_bit", "a_little", "bit", "little", "kind_of", "sort_of", "partly", "slightly",
                "meh",
            ),
            "not_helpful": (
                "didn't_help", "didnt_help", "did_not_help", "useless", "nothing", "no_help",
                "not_at_all", "worse",
            ),
        }
    ),
    "kind": _aliases(
        {
            "weakness": ("weak",),
            "numbness": ("numb",),
            "tingling": ("pins_and_needles", "tingly"),
            "cramps": ("cramp", "cramping"),
            "trouble_speaking": ("slurred_speech", "speech", "speaking"),
            "trouble_swallowing": ("swallowing",),
            "trouble_breathing": ("breathless", "short_of_breath", "shortness_of_breath"),
            "face_drooping": ("drooping", "droop", "face_droop", "drooping_face"),
        }
    ),
}  # fmt: skip


_CHOICE_ALIASES = {
    "l": "left",
    "r": "right",
    "both_sides": "both",
    "middle": "midline",
    "centre": "midline",
    "center": "midline",
    "rippling": "continuous",
    "constant": "continuous",
    "at_rest": "rest",
    "exercise": "after_exercise",
    "asleep": "falling_asleep",
    "sleep": "falling_asleep",
    "passed": "pass",
    "ok": "pass",
    "failed": "fail",
    "not": "not_helpful",
    "no": "not_helpful",
    "yes": "helpful",
    "some": "somewhat",
    "supplements": "supplement",
    "medicines": "medicine",
    "wasting": "muscle_wasting",
}


def _bool(spec: FieldSpec, value: Any, _now: datetime, _today: date) -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.strip().lower() in ("true", "yes", "1", "y"):
        return True
    if isinstance(value, str) and value.strip().lower() in ("false", "no", "0", "n"):
        return False
    if isinstance(value, int) and value in (0, 1):
        return bool(value)
    raise _fail(spec, value)


def _instant(spec: FieldSpec, value: Any, now: datetime, _today: date) -> datetime:
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip())
        except ValueError:
            raise _fail(spec, value) from None
    # Strict on purpose: a number is never read as seconds since 1970.
    if not isinstance(value, datetime):
        raise _fail(spec, value)
    if value.tzinfo is None:
        raise InvalidInput(spec.name, f"'{value.isoformat()}' has no time zone offset")
    # The year first: near year 1 or 9999 an offset would carry the instant off the calendar.
    if value.year < EARLIEST_DAY.year:
        raise _too_early(spec, value.year)
    if value.year > now.year + 1 or value > now + FUTURE_GRACE:
        # Shown in the offset it came with: the person's own local time for typed time words.
        raise InvalidInput(
            spec.name, f"{_shown_day(value)} {value:%H:%M} is in the future; use a past time"
        )
    return value.astimezone(UTC)


def _date(spec: FieldSpec, value: Any, _now: datetime, today: date) -> date:
    if isinstance(value, datetime):
        raise _fail(spec, value.isoformat())
    if isinstance(value, str):
        try:
            value = date.fromisoformat(value.strip())
        except ValueError:
            raise _fail(spec, value) from None
    if not isinstance(value, date):
        raise _fail(spec, value)
    if value < EARLIEST_DAY:
        raise _too_early(spec, value.year)
    if value > today and spec.name != "ended_on":
        raise InvalidInput(spec.name, f"{value.isoformat()} is in the future; use a past date")
    return value


def _too_early(spec: FieldSpec, year: int) -> InvalidInput:
    return InvalidInput(
        spec.name,
        f"the year {year} is before {EARLIEST_DAY.year}; use a date in your lifetime",
    )


def _shown_day(value: date) -> str:
    return f"{value.year:04d}-{value.month:02d}-{value.day:02d}"


_CONVERTERS = {
    "int": _number,
    "float": _number,
    "text": _text,
    "choice": _choice,
    "bool": _bool,
    "instant": _instant,
    "date": _date,
}


def check_record(kind: RecordKind, values: Mapping[str, Any]) -> None:
    """Rules that tie fields of one record together, checked on the merged record."""
    if kind.name == "episode":
        if values.get("ongoing") and values.get("duration_seconds") is not None:
            raise InvalidInput("duration_seconds", "give a duration or say it is ongoing, not both")
        if (values.get("count") is None) != (values.get("count_minutes") is None):
            raise InvalidInput(
                "count_minutes",
                "give a twitch count together with the minutes you counted over "
                "(e.g. 12 twitches over 5 minutes), or neither",
            )
    elif kind.name == "medication":
        ended, started = values.get("ended_on"), values.get("started_on")
        if ended is not None and started is not None and ended < started:
            raise InvalidInput("ended_on", "is before started_on; use the last day taken")
    elif kind.name == "strength":
        for hand in ("left", "right"):
            trials = [values.get(f"grip_{hand}_{n}") for n in (1, 2, 3)]
            if any(t is not None for t in trials) and any(t is None for t in trials):
                raise InvalidInput(f"grip_{hand}", "needs all three trials (kg), e.g. 32 31 33")
        measured = [name for name in kind.field_names if name != "checked_at" and name != "note"]
        if all(values.get(name) is None for name in measured):
            raise InvalidInput(
                "strength", "record grip trials for a hand, or a heel-walk or toe-walk result"
            )


def checked_emergency_number(text: str) -> str:
    """A phone number every emergency message will tell the person to call: digits only (with
    spaces, dashes or a leading +), or "" to go back to the default."""
    cleaned = " ".join(text.split())
    if cleaned and not re.fullmatch(r"\+?\d[\d -]{1,18}", cleaned):
        raise InvalidInput(
            "emergency_number",
            f"'{text}' is not a phone number; use digits such as 911, 999, 112 or 000",
        )
    return cleaned
