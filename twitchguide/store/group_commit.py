"""Group commit for SQLite: the changes of every waiting request in one transaction, one fsync.

With `synchronous = FULL` (a twitch the person was told is logged survives a power cut) each
commit waits for the disk, ~2 ms here, far longer than the write itself. One writer thread owns
the diary's write connection. It takes every unit of work that is waiting, runs each inside its
own SAVEPOINT (a unit that fails undoes only its own changes and gets its own error), commits
once, and only after that commit has returned tells each waiting request how its unit went.
"""

from __future__ import annotations

import contextvars
import queue
import threading
from collections.abc import Callable
from concurrent.futures import Future
from typing import Any, TypeVar

from twitchguide.errors import StoreUnavailable, TwitchguideError
from twitchguide.store.database import SQLiteDatabase
from twitchguide.store.diary_store import DiaryStore

T = TypeVar("T")

# A cap keeps one transaction, and the wait of its first request, bounded under a flood.
MAX_GROUP = 64
IDLE_SECONDS = 30.0  # an idle writer closes its connection and ends; the next write starts one
_STOP = object()


class _Unit:
    """One request's work, run on the writer's thread in the request's own context."""

    def __init__(self, work: Callable[[], Any]) -> None:
        self.work = work
        self.context = contextvars.copy_context()
        self.future: Future[Any] = Future()


class _GroupLost(Exception):
    """SQLite rolled back the whole transaction while a unit ran: nothing of the group stays."""

    def __init__(self, error: BaseException, index: int) -> None:
        self.error = error
        self.index = index


class GroupCommitWriter:
    """The one writer of a SQLite diary for a web server; `submit` from any thread.

    `open_store` is called on the writer's thread and gives the store every unit writes
    through: a unit reaches it the way it reaches its thread's store, so the same code runs
    as a unit or on its own.
    """

    def __init__(
        self,
        open_store: Callable[[], DiaryStore],
        *,
        max_group: int = MAX_GROUP,
        idle_seconds: float = IDLE_SECONDS,
    ) -> None:
        self._open_store = open_store
        self._max_group = max_group
        self._idle_seconds = idle_seconds
        self._queue: queue.SimpleQueue[Any] = queue.SimpleQueue()
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None
        self._closed = False

    def submit(self, work: Callable[[], T]) -> Future[T]:
        """Queue `work`; its future resolves once the transaction holding it has committed
        (with its result), or with the error that kept it from the disk."""
        unit = _Unit(work)
        with self._lock:
            if self._closed:
                raise StoreUnavailable("database: the server is stopping; nothing was written")
            self._queue.put(unit)
            if self._thread is None:
                self._thread = threading.Thread(
                    target=self._serve, name="twitchguide-writer", daemon=True
                )
                self._thread.start()
        return unit.future

    @property
    def waiting(self) -> int:
        """How many units are queued and not yet taken into a transaction."""
        return self._queue.qsize()

    def close(self) -> None:
        """Finish every unit already queued, then stop the thread."""
        with self._lock:
            self._closed = True
            thread = self._thread
            if thread is not None:
                self._queue.put(_STOP)
        if thread is not None:
            thread.join()

    # --- the writer's thread --------------------------------------------------------------

    def _serve(self) -> None:
        try:
            store = self._open_store()
        except BaseException as error:
            self._fail_waiting(error)
            return
        database = store.database
        if not isinstance(database, SQLiteDatabase):
            store.close()
            self._fail_waiting(TypeError("group commit is for SQLite diaries only"))
            return
        try:
            going_on = True
            while going_on:
                group, going_on = self._next_group()
                self._run_group(database, group)
        finally:
            store.close()

    def _next_group(self) -> tuple[list[_Unit], bool]:
        """The units waiting now (blocking for the first), and whether to go on after them."""
        try:
            item = self._queue.get(timeout=self._idle_seconds)
        except queue.Empty:
            with self._lock:
                if self._queue.empty():  # under the lock: no submit can slip in unserved
                    self._thread = None
                    return [], False
            item = self._queue.get()
        group: list[_Unit] = []
        while item is not _STOP:
            group.append(item)
            if len(group) >= self._max_group:
                return group, True
            try:
                item = self._queue.get_nowait()
            except queue.Empty:
                return group, True
        with self._lock:
            self._thread = None
        return group, False

    def _fail_waiting(self, error: BaseException) -> None:
        with self._lock:
            self._thread = None
            while True:
                try:
                    item = self._queue.get_nowait()
                except queue.Empty:
                    return
                if item is not _STOP and item.future.set_running_or_notify_cancel():
                    item.future.set_exception(error)

    def _run_group(self, database: SQLiteDatabase, group: list[_Unit]) -> None:
        units = [unit for unit in group if unit.future.set_running_or_notify_cancel()]
        while units:
            outcomes, units = self._commit(database, units)
            # Only now, with the commit returned (or failed), does any request hear back.
            for unit, ok, value in outcomes:
                if ok:
                    unit.future.set_result(value)
                else:
                    unit.future.set_exception(value)

    def _commit(
        self, database: SQLiteDatabase, units: list[_Unit]
    ) -> tuple[list[tuple[_Unit, bool, Any]], list[_Unit]]:
        """Run the units in one transaction. Returns each unit's outcome, and the units left to
        run in a fresh transaction when SQLite gave up this one part-way."""
        outcomes: list[tuple[_Unit, bool, Any]] = []
        try:
            with database.transaction():
                for index, unit in enumerate(units):
                    outcomes.append(_run_unit(database, unit, index))
        except _GroupLost as lost:
            # The units before the lost one were rolled back with it; the rest never ran.
            failed = [(unit, False, value if not ok else _not_kept(lost.error))
                      for unit, ok, value in outcomes]  # fmt: skip
            failed.append((units[lost.index], False, lost.error))
            return failed, units[lost.index + 1 :]
        except BaseException as error:  # BEGIN or COMMIT failed: nothing of the group is stored
            ran = len(outcomes)
            failed = [(unit, False, value if not ok else _not_kept(error))
                      for unit, ok, value in outcomes]  # fmt: skip
            failed += [(unit, False, _not_kept(error)) for unit in units[ran:]]
            return failed, []
        return outcomes, []


def _not_kept(cause: BaseException) -> StoreUnavailable:
    """The error for a unit whose changes did not reach the disk: a fresh one for each waiter."""
    if isinstance(cause, TwitchguideError):
        return StoreUnavailable(cause.user_message())
    return StoreUnavailable("database: could not write the diary; nothing was written, try again")


def _run_unit(database: SQLiteDatabase, unit: _Unit, index: int) -> tuple[_Unit, bool, Any]:
    database.execute("SAVEPOINT unit")
    try:
        value = unit.context.run(unit.work)
    except BaseException as error:
        if not _undo_unit(database):
            raise _GroupLost(error, index) from error
        return unit, False, error
    database.execute("RELEASE unit")
    return unit, True, value


def _undo_unit(database: SQLiteDatabase) -> bool:
    """Undo a failed unit's own changes; False when the whole transaction is already gone."""
    if not database.in_transaction:
        return False
    try:
        database.execute("ROLLBACK TO unit")
        database.execute("RELEASE unit")
    except StoreUnavailable:
        return False
    return True
