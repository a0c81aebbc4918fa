"""Stores for many requests: pooled PostgreSQL connections, or a fresh SQLite connection each.

A web server opens one pool at start; each request borrows a store for its length, bound to the
person making it. The schema is migrated once, when the pool opens.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from twitchguide.store.database import PostgresDatabase, connect
from twitchguide.store.diary_store import DiaryStore
from twitchguide.store.migrations import migrate


class StorePool:
    """Hands out a store per request. SQLite connections are cheap and not shared across
    threads, so each request gets its own; PostgreSQL connections are reused from a pool."""

    def __init__(self, url: str, *, max_size: int = 10) -> None:
        self.url = url
        first = connect(url)
        try:
            migrate(first)
            self.dialect = first.dialect
        finally:
            first.close()
        self._pool: Any = None
        if self.dialect == "postgresql":
            from psycopg.rows import dict_row
            from psycopg_pool import ConnectionPool

            self._pool = ConnectionPool(
                url.replace("postgresql+psycopg://", "postgresql://", 1),
                min_size=1,
                max_size=max_size,
                kwargs={"autocommit": True, "row_factory": dict_row},
                configure=_utc,
                open=True,
            )

    @contextmanager
    def store(self) -> Iterator[DiaryStore]:
        """A store for one request; its connection goes back (or is closed) afterwards."""
        if self._pool is None:
            database = connect(self.url)
            try:
                yield DiaryStore(database)
            finally:
                database.close()
            return
        with self._pool.connection() as connection:
            yield DiaryStore(PostgresDatabase.on_connection(connection))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.close()


def _utc(connection: Any) -> None:
    connection.execute("SET TIME ZONE 'UTC'")
