"""What every action works with: one person's store, their settings, and their clock."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date, datetime
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from twitchguide.clock import utc_now
from twitchguide.diary.localday import diary_day
from twitchguide.errors import NotFound
from twitchguide.store.diary_store import DiaryStore, UserSettings, open_store
from twitchguide.store.user_store import UserStore
from twitchguide.value import value

if TYPE_CHECKING:
    from twitchguide.store.pool import StorePool

DEFAULT_EMERGENCY_NUMBER = "999, 112 or 911"


@value(eq=False)
class Clock:
    """Now and today on the person's clock: their time zone and day start, never the machine's."""

    zone: ZoneInfo
    day_start_hour: int

    def now(self) -> datetime:
        return utc_now().astimezone(self.zone)

    def today(self) -> date:
        """The diary day it is now (a 1 a.m. moment still belongs to the evening before)."""
        return diary_day(utc_now(), self.zone, self.day_start_hour)

    def day_of(self, instant: datetime) -> date:
        return diary_day(instant, self.zone, self.day_start_hour)


class ActionContext:
    """One person's diary for one command or request. Close it when done (or use `with`)."""

    def __init__(self, store: UserStore) -> None:
        self.store = store

    @property
    def user(self) -> UserSettings:
        return self.store.user

    @property
    def clock(self) -> Clock:
        return Clock(zone=self.user.zone, day_start_hour=self.user.day_start_hour)

    @property
    def emergency_number(self) -> str:
        """The number every emergency message tells the person to call."""
        return self.user.emergency_number or DEFAULT_EMERGENCY_NUMBER

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> ActionContext:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()


@contextmanager
def pooled_context(pool: StorePool, user_name: str) -> Iterator[ActionContext]:
    """One person's diary for one request, on a connection borrowed from the pool."""
    with pool.store() as store:
        yield ActionContext(UserStore(store, _person(store, user_name)))


def _person(store: DiaryStore, user_name: str) -> UserSettings:
    """The named person, created on first use on the machine's time zone (their own machine)."""
    from twitchguide.settings import system_timezone

    try:
        return store.user(user_name, create=False)
    except NotFound:
        return store.user(user_name, timezone=system_timezone())


def open_context(database_url: str, user_name: str) -> ActionContext:
    """Open (and migrate) the database and bind it to one person, creating them on first use.

    A new local person starts on the machine's time zone: on their own machine it is their clock.
    From then on only their settings decide the day.
    """
    store = open_store(database_url)
    try:
        user = _person(store, user_name)
    except BaseException:
        store.close()
        raise
    return ActionContext(UserStore(store, user))
