"""`settings`: the time zone and day-start hour that decide which diary day a twitch belongs to."""

from __future__ import annotations

import click

from twitchguide.cli.context import action_context, json_option
from twitchguide.cli.output import echo_json


@click.command()
@click.option("--timezone", help="IANA name, e.g. Europe/London or America/New_York")
@click.option(
    "--day-start", "day_start_hour", type=int, help="hour the diary day starts, 0-12 (default 4)"
)
@click.option("--emergency-number", help="your local emergency number, e.g. 999, 112 or 911")
@json_option
@click.pass_context
def settings(
    ctx: click.Context,
    timezone: str | None,
    day_start_hour: int | None,
    emergency_number: str | None,
    as_json: bool,
) -> None:
    """Show or change your settings."""
    from twitchguide.actions.settings import change_settings, show_settings

    actions = action_context(ctx)
    if timezone is not None or day_start_hour is not None or emergency_number is not None:
        shown = change_settings(
            actions,
            timezone=timezone,
            day_start_hour=day_start_hour,
            emergency_number=emergency_number,
        )
    else:
        shown = show_settings(actions)
    if as_json:
        echo_json(shown.to_json())
        return
    click.echo(f"Time zone: {shown.timezone}")
    click.echo(
        f"Diary day starts at: {shown.day_start_hour:02d}:00 (a twitch before then counts "
        "for the evening before)"
    )
    click.echo(f"Emergency number: {shown.emergency_number or 'not set (999, 112 or 911)'}")
