"""The person's settings: time zone, day start and emergency number."""

from __future__ import annotations

from twitchguide.actions.context import ActionContext
from twitchguide.actions.results import SettingsView


def show_settings(ctx: ActionContext) -> SettingsView:
    user = ctx.user
    return SettingsView(
        user=user.name,
        timezone=user.timezone,
        day_start_hour=user.day_start_hour,
        emergency_number=user.emergency_number,
    )


def change_settings(
    ctx: ActionContext,
    *,
    timezone: str | None = None,
    day_start_hour: int | None = None,
    emergency_number: str | None = None,
) -> SettingsView:
    """Change what is given; each value is checked and refused with a clear line."""
    ctx.store.update_settings(
        timezone=timezone, day_start_hour=day_start_hour, emergency_number=emergency_number
    )
    return show_settings(ctx)
