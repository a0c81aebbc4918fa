"""The everyday steps: log twitches, record or add to a day's factors, read the diary by day."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any

from twitchguide.actions.context import ActionContext
from twitchguide.actions.fields import period, typed_values
from twitchguide.actions.results import DiaryTimeline, LogResult, TimelineDay
from twitchguide.diary import vocabulary
from twitchguide.diary.records import DAILY_FACTORS, EPISODE, DailyFactors, Episode
from twitchguide.errors import InvalidInput

# The day's factors by the names people use for them (CLI options, form fields).
DAY_FIELDS: dict[str, str] = {
    "sleep": "sleep_hours",
    "stress": "stress",
    "anxiety": "anxiety",
    "caffeine": "caffeine_mg",
    "water": "water_litres",
    "exercise": "exercise_minutes",
    "exercise_intensity": "exercise_intensity",
    "alcohol": "alcohol_units",
    "magnesium": "magnesium_servings",
    "potassium": "potassium_servings",
    "observed": "hours_observed",
    "note": "note",
}
# Factors that are totals over the day, so "one more" adds to them.
ADDABLE: tuple[str, ...] = (
    "caffeine",
    "water",
    "exercise",
    "alcohol",
    "magnesium",
    "potassium",
)


def log_episodes(
    ctx: ActionContext,
    words: str,
    fields: Mapping[str, str | None],
    *,
    dry_run: bool = False,
) -> LogResult:
    """Log a twitch: a region word with options, or plain words ("left calf and right thigh").

    Options given override what the words said. Several places make one episode each. A
    duration of "ongoing" means still going. With no time given, it started now.
    """
    if not words.strip():
        raise InvalidInput(
            "region",
            "say where it twitches, e.g. twitchguide log calf, "
            'or in your own words: twitchguide log "left calf, about 2 minutes"',
        )
    now = ctx.clock.now()
    region = vocabulary.canonical_episode_region(words)
    if region is not None:
        places: Sequence[tuple[str, str | None]] = [(region, None)]
        said: dict[str, Any] = {}
        understood: tuple[tuple[str, str], ...] = ()
    else:
        from twitchguide.triage.extract.episode_text import parse_episode_text

        draft = parse_episode_text(words, now)
        places = draft.places or [(draft.region, draft.side)]
        said = draft.values()
        understood = draft.understood
    given: dict[str, Any] = {name: value for name, value in fields.items() if value is not None}
    duration = given.pop("duration", None)
    if duration is not None and duration.strip().lower() == "ongoing":
        given["ongoing"] = True
    elif duration is not None:
        given["duration_seconds"] = duration
    drafts = []
    for place, side in places:
        raw: dict[str, Any] = {**said, "region": place, "side": side}
        if raw["side"] is None:
            raw.pop("side")
        raw.update(given)
        values = typed_values(EPISODE, raw, ctx.clock)
        values.setdefault("started_at", now)
        drafts.append(values)
    if dry_run:
        from twitchguide.diary.validation import validate_fields

        checked = tuple(
            validate_fields(EPISODE, values, now=now, today=ctx.clock.today()) for values in drafts
        )
        return LogResult((), understood, region is None, dry_run=True, checked=checked)
    episodes = tuple(_add_episode(ctx, values) for values in drafts)
    from twitchguide.actions.triage import triage_status

    notice = triage_status(ctx, words=episodes[0].note)
    return LogResult(episodes, understood, region is None, notice=notice)


def _add_episode(ctx: ActionContext, values: Mapping[str, Any]) -> Episode:
    record = ctx.store.add(EPISODE, values)
    assert isinstance(record, Episode)
    return record


def set_day(
    ctx: ActionContext,
    day: str | None,
    fields: Mapping[str, str | None],
    *,
    clear: Sequence[str] = (),
    add: Mapping[str, str | None] | None = None,
) -> DailyFactors:
    """Record a day's factors (default today): given fields are set, `clear` empties fields,
    `add` adds to the day's totals ("one more coffee": caffeine +95). Others stay as they were.
    """
    which = ctx.clock.today() if not day else _day(day, ctx)
    raw = {DAY_FIELDS[name]: value for name, value in fields.items() if value is not None}
    values = typed_values(DAILY_FACTORS, raw, ctx.clock)
    for name in clear:
        values[_factor(name, "clear")] = None
    amounts = _amounts(ctx, add or {})
    if not values and not amounts and ctx.store.day(which) is None:
        raise InvalidInput("day", "give at least one factor, e.g. --sleep 7 or --stress 2")
    overlap = set(values) & set(amounts)
    if overlap:
        name = sorted(overlap)[0]
        raise InvalidInput(f"add_{name}", "set a factor or add to it, not both")
    record = ctx.store.set_day(which, values) if values or not amounts else None
    if amounts:
        record = ctx.store.add_to_day(which, amounts)
    assert record is not None
    return record


def _day(text: str, ctx: ActionContext) -> date:
    from twitchguide.diary.timewords import parse_date

    return parse_date(text, ctx.clock.today(), zone=ctx.clock.zone.key)


def _factor(name: str, field: str) -> str:
    key = name.replace("-", "_")
    factor = DAY_FIELDS.get(key, key)
    if factor not in DAILY_FACTORS.field_names or factor == "day":
        raise InvalidInput(field, f"'{name}' is not a factor; use one of {', '.join(DAY_FIELDS)}")
    return factor


def _amounts(ctx: ActionContext, add: Mapping[str, str | None]) -> dict[str, float]:
    """Amounts to add, read and checked like the factor itself ("500ml" of water)."""
    from twitchguide.diary.validation import validate_fields

    amounts: dict[str, float] = {}
    for name, text in add.items():
        if text is None:
            continue
        if name.replace("-", "_") not in ADDABLE:
            raise InvalidInput(
                "add", f"'{name}' cannot be added to; use one of {', '.join(ADDABLE)}"
            )
        factor = DAY_FIELDS[name.replace("-", "_")]
        checked = validate_fields(
            DAILY_FACTORS,
            {factor: text},
            now=ctx.clock.now(),
            today=ctx.clock.today(),
            partial=True,
        )
        amount = checked[factor]
        if amount is None or amount <= 0:
            raise InvalidInput(f"add_{name}", "add an amount above 0")
        amounts[factor] = float(amount)
    return amounts


def timeline(ctx: ActionContext, since: str = "7d") -> DiaryTimeline:
    """The diary day by day from `since` to today, with the medicines running in that time."""
    first, last = period(ctx.clock, since)
    assert first is not None
    diary = ctx.store.load_diary(since=first)
    days = _by_day(diary, first, last)
    medications = tuple(
        course
        for course in diary.medications
        if course.started_on <= last and (course.ended_on is None or course.ended_on >= first)
    )
    return DiaryTimeline(
        since=first,
        until=last,
        timezone=diary.timezone,
        day_start_hour=diary.day_start_hour,
        medications=medications,
        days=days,
    )


def _by_day(diary: Any, first: date, last: date) -> tuple[TimelineDay, ...]:
    """Records of diary days first..last, by day, in time order; only days with entries."""
    buckets: dict[date, dict[str, list[Any]]] = {}

    def bucket(day: date) -> dict[str, list[Any]]:
        return buckets.setdefault(
            day,
            {"factors": [], "episodes": [], "symptoms": [], "strength": [], "relief": []},
        )

    timed = (
        ("episodes", diary.episodes, "started_at"),
        ("symptoms", diary.symptoms, "noted_at"),
        ("strength", diary.strength_checks, "checked_at"),
    )
    for key, records, when in timed:
        for record in records:
            day = diary.day_of(getattr(record, when))
            if first <= day <= last:
                bucket(day)[key].append(record)
    for factors in diary.days:
        if first <= factors.day <= last:
            bucket(factors.day)["factors"].append(factors)
    for rating in diary.relief_ratings:
        if first <= rating.rated_on <= last:
            bucket(rating.rated_on)["relief"].append(rating)
    return tuple(
        TimelineDay(
            day=day,
            factors=entry["factors"][0] if entry["factors"] else None,
            episodes=tuple(entry["episodes"]),
            symptoms=tuple(entry["symptoms"]),
            strength_checks=tuple(entry["strength"]),
            relief_ratings=tuple(entry["relief"]),
        )
        for day, entry in sorted(buckets.items())
    )
