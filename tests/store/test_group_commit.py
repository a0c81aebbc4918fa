"""Group commit on SQLite: waiting units share one transaction, each fails alone, none hears
back before the commit, and a commit that fails reaches every waiter with nothing written."""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import Future
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_TIMEZONE
from twitchguide.diary.records import EPISODE
from twitchguide.errors import InvalidInput, StoreUnavailable
from twitchguide.store import DiaryStore, open_store
from twitchguide.store.database import connect
from twitchguide.store.group_commit import GroupCommitWriter

WAIT = 30  # seconds; only a bound on a hang, never a measure


@pytest.fixture
def diary(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'diary.db'}"
    store = open_store(url)
    store.user("local", timezone=TEST_TIMEZONE)
    store.close()
    return url


class WriterStore:
    """Opens the writer's store on the writer's thread (after `setup` SQL), and keeps it for
    the units, which run on that thread too."""

    def __init__(self, url: str, *setup: str) -> None:
        self.url = url
        self.setup = setup
        self.store: DiaryStore | None = None

    def __call__(self) -> DiaryStore:
        self.store = DiaryStore(connect(self.url))
        for sql in self.setup:
            self.store.database.execute(sql)
        return self.store

    def add_episode(self, region: str = "calf") -> Callable[[], int]:
        def work() -> int:
            assert self.store is not None
            person = self.store.user("local", create=False)
            record = self.store.add(
                EPISODE, person, {"started_at": datetime.now(UTC), "region": region}
            )
            return record.stamps.id

        return work


@pytest.fixture
def writers() -> Iterator[list[GroupCommitWriter]]:
    made: list[GroupCommitWriter] = []
    yield made
    for writer in made:
        writer.close()


def held_writer(
    opened: WriterStore, made: list[GroupCommitWriter]
) -> tuple[GroupCommitWriter, threading.Event]:
    """A writer busy with a first unit until the returned event is set, so that everything
    submitted meanwhile waits and is taken as one group."""
    writer = GroupCommitWriter(opened)
    made.append(writer)
    started, release = threading.Event(), threading.Event()

    def hold() -> None:
        started.set()
        assert release.wait(WAIT)

    writer.submit(hold)
    assert started.wait(WAIT)
    return writer, release


def episodes(url: str, region: str | None = None) -> int:
    """Counted on a fresh connection: what is on the disk for anyone."""
    path = url.removeprefix("sqlite:///")
    with sqlite3.connect(path) as fresh:
        if region is None:
            return int(fresh.execute("SELECT count(*) FROM episodes").fetchone()[0])
        sql = "SELECT count(*) FROM episodes WHERE region = ?"
        return int(fresh.execute(sql, (region,)).fetchone()[0])


def outcome(future: Future[Any]) -> Any:
    try:
        return future.result(timeout=WAIT)
    except Exception as error:
        return error


def test_waiting_units_share_one_commit_and_hear_back_only_after_it(
    diary: str, writers: list[GroupCommitWriter]
) -> None:
    opened = WriterStore(diary)
    writer, release = held_writer(opened, writers)
    futures: list[Future[Any]] = []
    seen_by_last: dict[str, Any] = {}

    def last() -> int:
        # Still inside the group's transaction: the others' rows are not on the disk yet, and
        # none of them has been told it is logged.
        seen_by_last["stored"] = episodes(diary)
        seen_by_last["told"] = [future.done() for future in futures]
        return opened.add_episode()()

    futures += [writer.submit(opened.add_episode()) for _ in range(9)]
    futures.append(writer.submit(last))
    assert writer.waiting == 10
    release.set()

    ids = [future.result(timeout=WAIT) for future in futures]
    assert seen_by_last == {"stored": 0, "told": [False] * 10}
    assert len(set(ids)) == 10
    assert episodes(diary) == 10


def test_a_failing_unit_undoes_only_its_own_changes_and_gets_its_own_error(
    diary: str, writers: list[GroupCommitWriter]
) -> None:
    opened = WriterStore(diary)
    writer, release = held_writer(opened, writers)

    def half_done_then_refused() -> int:
        opened.add_episode("thigh")()
        raise InvalidInput("intensity", "must be a whole number from 1 to 5")

    first = writer.submit(opened.add_episode())
    refused = writer.submit(half_done_then_refused)
    after = writer.submit(opened.add_episode())
    release.set()

    assert isinstance(first.result(timeout=WAIT), int)
    assert isinstance(after.result(timeout=WAIT), int)
    error = outcome(refused)
    assert isinstance(error, InvalidInput)
    assert error.user_message() == "intensity: must be a whole number from 1 to 5"
    assert episodes(diary) == 2
    assert episodes(diary, "thigh") == 0


def test_a_failed_commit_reaches_every_waiter_and_writes_nothing(
    diary: str, writers: list[GroupCommitWriter]
) -> None:
    # A deferred foreign key is checked only at COMMIT: a real commit that SQLite refuses.
    opened = WriterStore(
        diary,
        "CREATE TABLE IF NOT EXISTS probe "
        "(owner INTEGER REFERENCES users (id) DEFERRABLE INITIALLY DEFERRED)",
    )
    writer, release = held_writer(opened, writers)

    def orphan() -> None:
        assert opened.store is not None
        opened.store.database.execute("INSERT INTO probe (owner) VALUES (999999)")

    def refused() -> None:
        raise InvalidInput("region", "say where the twitch is")

    good = [writer.submit(opened.add_episode()) for _ in range(3)]
    broken = writer.submit(orphan)
    own_error = writer.submit(refused)
    release.set()

    for future in [*good, broken]:
        error = outcome(future)
        assert isinstance(error, StoreUnavailable), error
        assert "FOREIGN KEY" in error.user_message()
    assert str(outcome(own_error)) == "region: say where the twitch is"
    assert episodes(diary) == 0

    # The writer goes on: the next unit is committed in a transaction of its own.
    assert isinstance(writer.submit(opened.add_episode()).result(timeout=WAIT), int)
    assert episodes(diary) == 1


def test_when_sqlite_gives_up_the_transaction_the_units_not_yet_run_go_on(
    diary: str, writers: list[GroupCommitWriter]
) -> None:
    path = diary.removeprefix("sqlite:///")
    with sqlite3.connect(path) as fresh:
        fresh.execute("CREATE TABLE filler (blob BLOB)")
        pages = int(fresh.execute("PRAGMA page_count").fetchone()[0])
    # A database this close to its size limit is "full" to SQLite, which then rolls back the
    # whole transaction, not only the statement: the earlier units' rows are gone too.
    opened = WriterStore(diary, f"PRAGMA max_page_count = {pages + 8}")
    writer, release = held_writer(opened, writers)

    def fill() -> None:
        assert opened.store is not None
        opened.store.database.execute("INSERT INTO filler VALUES (?)", (b"x" * 200_000,))

    before = writer.submit(opened.add_episode("calf"))
    filling = writer.submit(fill)
    after = writer.submit(opened.add_episode("eyelid"))
    release.set()

    for future in (before, filling):
        error = outcome(future)
        assert isinstance(error, StoreUnavailable), error
        assert "disk is full; nothing was written" in error.user_message()
    assert isinstance(after.result(timeout=WAIT), int)
    assert episodes(diary) == 1
    assert episodes(diary, "eyelid") == 1


def test_a_diary_that_cannot_open_fails_each_waiter_in_one_line(
    tmp_path: Path, writers: list[GroupCommitWriter]
) -> None:
    url = f"sqlite:///{tmp_path / 'no-such-folder' / 'diary.db'}"
    writer = GroupCommitWriter(lambda: DiaryStore(connect(url)))
    writers.append(writer)
    for _ in range(2):  # and again: a later write tries to open it afresh
        error = outcome(writer.submit(lambda: None))
        assert isinstance(error, StoreUnavailable)
        assert "does not exist" in error.user_message()


def test_an_idle_writer_stops_and_the_next_write_starts_it_again(
    diary: str, writers: list[GroupCommitWriter]
) -> None:
    opened = WriterStore(diary)
    writer = GroupCommitWriter(opened, idle_seconds=0.0)
    writers.append(writer)
    for _ in range(3):
        assert isinstance(writer.submit(opened.add_episode()).result(timeout=WAIT), int)
    assert episodes(diary) == 3


def test_close_finishes_what_is_queued_then_refuses_more(
    diary: str, writers: list[GroupCommitWriter]
) -> None:
    opened = WriterStore(diary)
    writer, release = held_writer(opened, writers)
    queued = [writer.submit(opened.add_episode()) for _ in range(3)]
    release.set()
    writer.close()
    assert all(future.done() and isinstance(future.result(), int) for future in queued)
    assert episodes(diary) == 3
    with pytest.raises(StoreUnavailable, match="stopping"):
        writer.submit(opened.add_episode())
