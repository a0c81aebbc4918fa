"""Adding to a day's totals from many connections at once: every addition counts."""

from __future__ import annotations

import threading
from datetime import date, timedelta

import pytest

from twitchguide.errors import InvalidInput
from twitchguide.store import DiaryStore, UserSettings, open_store

THREADS = 6
ADDS = 5


def test_concurrent_additions_all_count(
    database_url: str, store: DiaryStore, user: UserSettings
) -> None:
    day = user.today() - timedelta(days=1)
    store.set_day(user, day, {"sleep_hours": 7})
    failures: list[BaseException] = []

    def add() -> None:
        own = open_store(database_url)
        try:
            person = own.user("local", create=False)
            for _ in range(ADDS):
                own.add_to_day(person, day, {"caffeine_mg": 10, "water_litres": 0.25})
        except BaseException as error:  # reported below: a thread's error is otherwise lost
            failures.append(error)
        finally:
            own.close()

    threads = [threading.Thread(target=add) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []
    record = store.day(user, day)
    assert record is not None
    assert record.caffeine_mg == THREADS * ADDS * 10  # type: ignore[attr-defined]
    assert record.water_litres == THREADS * ADDS * 0.25  # type: ignore[attr-defined]
    assert record.sleep_hours == 7  # type: ignore[attr-defined]


def test_a_total_out_of_range_is_refused_and_undone(store: DiaryStore, user: UserSettings) -> None:
    day = date.today() - timedelta(days=3)
    store.add_to_day(user, day, {"caffeine_mg": 2900})
    with pytest.raises(InvalidInput, match="caffeine_mg"):
        store.add_to_day(user, day, {"caffeine_mg": 200})
    record = store.day(user, day)
    assert record is not None and record.caffeine_mg == 2900  # type: ignore[attr-defined]


def test_only_amounts_can_be_added(store: DiaryStore, user: UserSettings) -> None:
    with pytest.raises(InvalidInput, match="stress: cannot be added to"):
        store.add_to_day(user, date.today() - timedelta(days=1), {"stress": 1})
