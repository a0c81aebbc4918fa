"""The web app's way into the application layer: a request's context, and its few own steps.

Every route calls one function in `twitchguide.actions` (through the context made here) and
renders what it returns. The only things decided here are what a button means ("one more
coffee" adds 95 mg, as the CLI's help says) and how the diary page lists records.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from twitchguide.actions.context import ActionContext
from twitchguide.diary.records import KINDS_BY_NAME, RECORD_KINDS, Record, RecordKind
from twitchguide.errors import NotFound
from twitchguide.store import DiaryStore, UserSettings

# What one tap of a Today button adds to the day's totals (as `day --add-…` reads it).
TAP_AMOUNTS: dict[str, tuple[str, str]] = {
    "coffee": ("caffeine", "95"),  # a cup of brewed coffee, mg
    "water": ("water", "250ml"),  # one glass
}

_threads = threading.local()


class Context:
    """One request's diary as the actions take it.

    Each worker thread keeps one open store per database (a SQLite connection belongs to the
    thread that opened it), so a request pays no connect and runs each action in one thread.
    The schema is migrated once, when the app is made.
    """

    def __init__(self, database_url: str, user_name: str) -> None:
        self.database_url = database_url
        self.user_name = user_name
        self._actions: ActionContext | None = None

    @property
    def actions(self) -> ActionContext:
        if self._actions is None:
            from twitchguide.store.user_store import UserStore

            store = thread_store(self.database_url)
            self._actions = ActionContext(
                UserStore(store, store.user(self.user_name, create=False))
            )
        return self._actions

    @property
    def opened(self) -> bool:
        return self._actions is not None

    @property
    def user(self) -> UserSettings:
        return self.actions.user

    def now(self) -> datetime:
        return self.actions.clock.now()

    def today(self) -> date:
        return self.actions.clock.today()


def thread_store(database_url: str) -> DiaryStore:
    stores: dict[str, DiaryStore] | None = getattr(_threads, "stores", None)
    if stores is None:
        stores = _threads.stores = {}
    store = stores.get(database_url)
    if store is None:
        from twitchguide.store.database import connect

        # SQLite keeps its default synchronous=FULL: "Logged" means on the disk. NORMAL made a
        # create ~10x cheaper under a 16-client load test (the fsync is 2.8 of its 3 ms), but a
        # power cut could then lose a twitch the person was told was logged. One person logs a
        # few times a day; the 3 ms is theirs to spare.
        database = connect(database_url)
        store = stores[database_url] = DiaryStore(database)
    return store


def record_kind(name: str) -> RecordKind:
    """The record kind a URL names; NotFound for any other word."""
    kind = KINDS_BY_NAME.get(name)
    if kind is None:
        raise NotFound(f"there is no record kind '{name}'; kinds are {', '.join(KINDS_BY_NAME)}")
    return kind


def form_fields(kind: RecordKind, raw: dict[str, Any]) -> tuple[dict[str, Any], list[str]]:
    """A form's fields for a record: empty ones left out, "none" listed to clear."""
    fields: dict[str, Any] = {}
    clear: list[str] = []
    for name, value in raw.items():
        if name not in kind.field_names or not isinstance(value, str) or not value.strip():
            continue
        if value.strip().lower() == "none":
            clear.append(name)
        elif kind.field(name).kind == "bool":
            fields[name] = value.strip().lower() in ("1", "yes", "true", "on")
        else:
            fields[name] = value
    return fields, clear


def tap(ctx: Context, what: str) -> Any:
    """One more coffee, or a glass of water: adds to today's total."""
    from twitchguide.actions.diary import set_day
    from twitchguide.errors import InvalidInput

    if what not in TAP_AMOUNTS:
        raise InvalidInput("what", f"one of {', '.join(TAP_AMOUNTS)}")
    name, amount = TAP_AMOUNTS[what]
    return set_day(ctx.actions, None, {}, add={name: amount})


@dataclass
class DiaryEntry:
    """One record on the diary page: its kind, the diary day it belongs to, and the record."""

    kind: RecordKind
    day: date
    record: Record


def diary_entries(ctx: Context, kind_name: str | None, since: str | None) -> list[DiaryEntry]:
    """Every record (or one kind's) from `since`, newest first, each with its diary day."""
    from twitchguide.actions.records import list_records

    kinds = [record_kind(kind_name)] if kind_name else list(RECORD_KINDS)
    clock = ctx.actions.clock
    entries = []
    for kind in kinds:
        for record in list_records(ctx.actions, kind, since or None):
            when = getattr(record, kind.when_field)
            day = clock.day_of(when) if isinstance(when, datetime) else when
            entries.append(DiaryEntry(kind, day, record))
    entries.sort(key=_newest_first, reverse=True)
    return entries


def _newest_first(entry: DiaryEntry) -> tuple[date, float]:
    """By diary day, then time; a whole-day record (factors, a rating) heads its day."""
    when = getattr(entry.record, entry.kind.when_field)
    return entry.day, when.timestamp() if isinstance(when, datetime) else float("inf")
