"""The everyday commands: `log` a twitch, record the `day`'s factors, read the `diary`."""

from __future__ import annotations

from typing import Any

import click

from twitchguide.actions.results import TriageNotice
from twitchguide.cli.context import action_context, json_option
from twitchguide.cli.output import echo_json
from twitchguide.diary.describe import day_label, describe, factors_summary
from twitchguide.wording import counted


def echo_notice(notice: TriageNotice | None) -> None:
    """The triage notice after a write, on stderr so `--json` on stdout stays valid JSON."""
    if notice is None:
        return
    click.echo("", err=True)
    click.echo(f"Triage: {notice.summary}", err=True)
    if notice.is_emergency:
        click.echo(notice.advice, err=True)
    else:
        click.echo(f"When: {notice.by_when}. Details: twitchguide check --with-diary", err=True)


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

    Several places ("left calf and right thigh") log one episode each; "whole body" is a place.
    """
    from twitchguide.actions.diary import log_episodes

    actions = action_context(ctx)
    done = log_episodes(actions, " ".join(words), options, dry_run=dry_run)
    if done.dry_run or done.from_words:
        from twitchguide.cli.free_text import show_episode_result

        show_episode_result(done, actions.clock.now(), as_json=as_json)
        if done.dry_run:
            return
    if as_json:
        echo_json(done.to_json())
    else:
        for episode in done.episodes:
            click.echo("Logged " + describe(episode, actions.user.zone))
    echo_notice(done.notice)


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
@click.option("--add-caffeine", help="add to the day's caffeine, e.g. 95 for one more coffee")
@click.option("--add-water", help="add to the day's water, e.g. 250ml for a glass")
@click.option("--add-exercise", help="add minutes to the day's exercise")
@click.option("--add-alcohol", help="add units to the day's alcohol")
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

    Example: twitchguide day --add-caffeine 95   (one more coffee)

    Fields you leave out stay as they were; empty is not zero.
    """
    from twitchguide.actions.diary import set_day

    add = {
        name.removeprefix("add_"): options.pop(name) for name in list(options) if name[:4] == "add_"
    }
    record = set_day(action_context(ctx), day_text, options, clear=clear, add=add)
    if as_json:
        from twitchguide.diary.records import record_json

        echo_json(record_json(record))
    else:
        click.echo(f"{day_label(record.day)}: {factors_summary(record)}")


@click.command()
@click.option("--since", default="7d", show_default=True, help="e.g. 7d, 4w, 2026-11-01")
@json_option
@click.pass_context
def diary(ctx: click.Context, since: str, as_json: bool) -> None:
    """Show the diary day by day: twitches, factors, symptoms and strength checks."""
    from twitchguide.actions.diary import timeline

    actions = action_context(ctx)
    shown = timeline(actions, since)
    if as_json:
        echo_json(shown.to_json())
        return
    zone = actions.user.zone
    click.echo(f"Diary {shown.since.isoformat()} to {shown.until.isoformat()}")
    for course in shown.medications:
        click.echo("  taking: " + describe(course, zone))
    if not shown.days:
        click.echo("Nothing logged in this period. `twitchguide log calf` adds a twitch.")
        return
    for entry in shown.days:
        click.echo("")
        click.echo(day_label(entry.day))
        if entry.factors is not None:
            click.echo("  day: " + factors_summary(entry.factors))
        for noun, records in (
            ("twitch", entry.episodes),
            ("symptom", entry.symptoms),
            ("strength", entry.strength_checks),
            ("relief", entry.relief_ratings),
        ):
            for record in records:
                click.echo(f"  {noun}: " + describe(record, zone, on_day=entry.day))
    click.echo("")
    click.echo(
        f"{counted(shown.episode_count, 'twitch episode')} on "
        f"{counted(len(shown.days), 'day')} with entries."
    )
