"""Opening the person's diary for a command: settings read once, store opened, user resolved."""

from __future__ import annotations

from typing import Any

import click

from twitchguide.settings import Settings
from twitchguide.store import DiaryStore, UserSettings, open_store
from twitchguide.value import value


@value(eq=False)
class Session:
    """What a command works with: the store and the person whose diary it is."""

    store: DiaryStore
    user: UserSettings


def open_session(ctx: click.Context) -> Session:
    """The store and user for this invocation, opened once and closed when the command ends."""
    root = ctx.find_root()
    obj: dict[str, Any] = root.obj if isinstance(root.obj, dict) else {}
    existing = obj.get("session")
    if isinstance(existing, Session):
        return existing
    settings = Settings.load(obj.get("database"))
    store = open_store(settings.database_url)
    root.call_on_close(store.close)
    session = Session(store=store, user=store.user(settings.user_name))
    obj["session"] = session
    root.obj = obj
    return session


json_option = click.option("--json", "as_json", is_flag=True, help="Print JSON instead of text.")
