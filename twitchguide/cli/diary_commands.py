"""The everyday commands: `log` a twitch, record the `day`'s factors, read the `diary`."""

from __future__ import annotations

from datetime import date
from typing import Any

import click

from twitchguide.cli.context import json_option, open_session
from twitchguide.cli.inputs import field_values
from twitchguide.cli.output import echo_json
from twitchguide.cli.render import day_label, describe, factors_summary
from twitchguide.diary import vocabulary
from twitchguide.diary.records import DAILY_FACTORS, EPISODE, DailyFactors, Episode, record_json
from twitchguide.diary.snapshot import Diary
from twitchguide.diary.timewords import parse_date, parse_since
from twitchguide.errors import InvalidInput
from twitchguide.wording import counted


def notify_triage(ctx: click.Context, words: str | None = None) -> None:
    """After a write, say so when the diary as a whole now calls for a doctor.

    `words`: what the person just wrote (a twitch's note), read for red flags this once.
    """
    from twitchguide.cli.triage_notice import print_notice_after_write
    from twitchguide.triage.diary_facts import lookback_start

    session = open_session(ctx)
    recent = session.store.load_diary(session.user, since=lookback_start(session.user.today()))
    print_notice_after_write(recent, session.user.emergency_number, words=words)


@click.command()
@click.argument("words", nargs=-1)
@click.option("--side", help="left, right, both or midline")
@click.option("--duration", help="how long: 90s, 2m, 1h30m, or 'ongoing'")
@click.option("--intensity", help="1 (barely) to 5 (strong)")
@click.option("--pattern", help="single, burst or continuous")
@click.option("--context", help="rest, after_exercise, falling_asleep or other")
@click.option("--count", help="twitches counted (with --over)")
@click.option("--over", "count_minutes", help="minutes you counted over")
@click.option(
    "--at",
    "--when",
    "started_at",
    help="when it started (default now): '2h ago', 'yesterday evening'",
)
@click.option("--note", help="anything else worth remembering")
@click.option("--dry-run", is_flag=True, help="show what would be logged; write nothing")
@json_option
@click.pass_context
def log(
    ctx: click.Context, /, words: tuple[str, ...], as_json: bool, dry_run: bool, **options: Any
) -> None:
    """Log a twitch episode, with options or in plain words.

    Example: twitchguide log calf --side left --duration 90s --intensity 2

    Example: twitchguide log "left calf, about 2 minutes, after my run"
    """
    if not words:
        raise InvalidInput(
            "region",
            "say where it twitches, e.g. twitchguide log calf, "
            'or in your own words: twitchguide log "left calf, about 2 minutes"',
        )
    session = open_session(ctx)
    region = vocabulary.canonical_region(" ".join(words))
    draft = None
    if region is None:
        # Plain words: read them, show what was understood, and refuse what is ambiguous.
        from twitchguide.triage.extract.episode_text import parse_episode_text

        draft = parse_episode_text(" ".join(words), session.user.now())
        region = draft.region
    duration = options.pop("duration")
    given = {name: value for name, value in options.items() if value is not None}
    raw: dict[str, Any] = {"region": region, **(draft.values() if draft else {}), **given}
    if duration is not None and duration.strip().lower() == "ongoing":
        raw["ongoing"] = True
    elif duration is not None:
        raw["duration_seconds"] = duration
    values = field_values(EPISODE, raw, session.user)
    values.setdefault("started_at", session.user.now())
    if draft is not None or dry_run:
        from twitchguide.cli.free_text import show_episode_draft

        show_episode_draft(draft, values, session.user.now(), as_json=as_json, dry_run=dry_run)
        if dry_run:
            return
    record = session.store.add(EPISODE, session.user, values)
    if as_json:
        echo_json(record_json(record))
    else:
        click.echo("Logged " + describe(record, session.user.zone))
    assert isinstance(record, Episode)
    notify_triage(ctx, words=record.note)


_DAY_OPTIONS = {
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


@click.command()
@click.option("--date", "day_text", default=None, help="which diary day (default today)")
@click.option("--sleep", help="hours slept last night, e.g. 6.5 or 6h30m")
@click.option("--stress", help="1 (calm) to 5 (very stressed)")
@click.option("--anxiety", help="1 to 5")
@click.option("--caffeine", help="mg of caffeine (a mug of coffee is about 100 mg)")
@click.option("--water", help="litres drunk, e.g. 1.5 or 500ml")
@click.option("--exercise", help="minutes of exercise, e.g. 30 or 1h")
@click.option("--exercise-intensity", help="light, moderate or vigorous")
@click.option("--alcohol", help="units of alcohol")
@click.option("--magnesium", help="servings of magnesium-rich food")
@click.option("--potassium", help="servings of potassium-rich food")
@click.option("--observed", help="hours you were paying attention to twitches")
@click.option("--note", help="a note about the day")
@click.option("--clear", multiple=True, metavar="FIELD", help="empty a recorded field, e.g. sleep")
@json_option
@click.pass_context
def day(
    ctx: click.Context,
    /,
    day_text: str | None,
    clear: tuple[str, ...],
    as_json: bool,
    **options: Any,
) -> None:
    """Record a day's factors: sleep, stress, caffeine, water, exercise and more.

    Example: twitchguide day --sleep 5.5 --caffeine 300 --stress 4

    Fields you leave out stay as they were; empty is not zero.
    """
    session = open_session(ctx)
    which = parse_date(day_text, session.user.today()) if day_text else session.user.today()
    raw: dict[str, Any] = {
        _DAY_OPTIONS[name]: value for name, value in options.items() if value is not None
    }
    values = field_values(DAILY_FACTORS, raw, session.user)
    for name in clear:
        key = name.replace("-", "_")
        field = _DAY_OPTIONS.get(key, key)
        if field not in DAILY_FACTORS.field_names or field == "day":
            raise InvalidInput(
                "clear", f"'{name}' is not a factor; use one of {', '.join(_DAY_OPTIONS)}"
            )
        values[field] = None
    if not values and session.store.day(session.user, which) is None:
        raise InvalidInput("day", "give at least one factor, e.g. --sleep 7 or --stress 2")
    record = session.store.set_day(session.user, which, values)
    assert isinstance(record, DailyFactors)
    if as_json:
        echo_json(record_json(record))
    else:
        click.echo(f"{day_label(record.day)}: {factors_summary(record)}")


@click.command()
@click.option("--since", default="7d", show_default=True, help="e.g. 7d, 4w, 2026-11-01")
@json_option
@click.pass_context
def diary(ctx: click.Context, since: str, as_json: bool) -> None:
    """Show the diary day by day: twitches, factors, symptoms and strength checks."""
    session = open_session(ctx)
    last = session.user.today()
    first = parse_since(since, last)
    if first > last:
        raise InvalidInput("since", "is after today; use e.g. 7d or a past date")
    diary_ = session.store.load_diary(session.user, since=first)
    days = group_by_day(diary_, first, last)
    medications = [
        course
        for course in diary_.medications
        if course.started_on <= last and (course.ended_on is None or course.ended_on >= first)
    ]
    if as_json:
        echo_json(
            {
                "since": first.isoformat(),
                "until": last.isoformat(),
                "timezone": diary_.timezone,
                "day_start_hour": diary_.day_start_hour,
                "medications": [record_json(course) for course in medications],
                "days": [
                    {"day": day_.isoformat(), **{key: _json(value) for key, value in entry.items()}}
                    for day_, entry in days.items()
                ],
            }
        )
        return
    zone = diary_.zone
    click.echo(f"Diary {first.isoformat()} to {last.isoformat()}")
    for course in medications:
        click.echo("  taking: " + describe(course, zone))
    if not days:
        click.echo("Nothing logged in this period. `twitchguide log calf` adds a twitch.")
        return
    for day_, entry in days.items():
        click.echo("")
        click.echo(day_label(day_))
        factors = entry["factors"]
        if isinstance(factors, DailyFactors):
            click.echo("  day: " + factors_summary(factors))
        for key, noun in _TIMELINE_NOUNS:
            for record in entry[key]:
                click.echo(f"  {noun}: " + describe(record, zone, on_day=day_))
    count = sum(len(entry["episodes"]) for entry in days.values())
    click.echo("")
    click.echo(f"{counted(count, 'twitch episode')} on {counted(len(days), 'day')} with entries.")


_TIMELINE_NOUNS = (
    ("episodes", "twitch"),
    ("symptoms", "symptom"),
    ("strength_checks", "strength"),
    ("relief_ratings", "relief"),
)


def _json(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, list):
        return [record_json(record) for record in value]
    return record_json(value)


def group_by_day(diary_: Diary, first: date, last: date) -> dict[date, dict[str, Any]]:
    """Records of diary days `first`..`last`, by day in time order; only days with entries."""
    days: dict[date, dict[str, Any]] = {}

    def bucket(day_: date) -> dict[str, Any]:
        return days.setdefault(
            day_,
            {
                "factors": None,
                "episodes": [],
                "symptoms": [],
                "strength_checks": [],
                "relief_ratings": [],
            },
        )

    timed = (
        ("episodes", diary_.episodes, "started_at"),
        ("symptoms", diary_.symptoms, "noted_at"),
        ("strength_checks", diary_.strength_checks, "checked_at"),
    )
    for key, records, when in timed:
        for record in records:
            day_ = diary_.day_of(getattr(record, when))
            if first <= day_ <= last:
                bucket(day_)[key].append(record)
    for factors in diary_.days:
        if first <= factors.day <= last:
            bucket(factors.day)["factors"] = factors
    for rating in diary_.relief_ratings:
        if first <= rating.rated_on <= last:
            bucket(rating.rated_on)["relief_ratings"].append(rating)
    return dict(sorted(days.items()))
