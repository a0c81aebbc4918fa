"""Opening the person's diary for a command: settings read once, one action context, closed at
the end of the command."""

from __future__ import annotations

from typing import Any

import click

from twitchguide.actions.context import ActionContext, open_context
from twitchguide.settings import Settings


def action_context(ctx: click.Context) -> ActionContext:
    """The person's store, settings and clock for this invocation, opened once."""
    root = ctx.find_root()
    obj: dict[str, Any] = root.obj if isinstance(root.obj, dict) else {}
    existing = obj.get("actions")
    if isinstance(existing, ActionContext):
        return existing
    settings = Settings.load(obj.get("database"))
    opened = open_context(settings.database_url, settings.user_name)
    root.call_on_close(opened.close)
    obj["actions"] = opened
    root.obj = obj
    return opened


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
