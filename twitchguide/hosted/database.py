"""Hosted mode's two ways into PostgreSQL: the owner (migrations, sign-in) and the app role.

Requests for a person's diary run on connections that `SET ROLE` to the app role, which does
not own the tables, with the person's user id set for the request: row-level security then
shows that person's rows only, even to a query that forgets its own WHERE clause. The owner's
connections serve only the steps that must work before anyone is known: sign-in, sessions,
share links and the audit log.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from twitchguide.hosted.config import HostedConfig
from twitchguide.store.database import PostgresDatabase, connect
from twitchguide.store.diary_store import DiaryStore
from twitchguide.store.migrations import migrate

USER_SETTING = "twitchguide.user_id"
_PREPARE_LOCK = 727351  # beside the migrations' own lock (727350)


def prepare(config: HostedConfig) -> None:
    """Migrate, then make sure the app role exists and may use the tables: safe when several
    instances start at once (each step runs under one advisory lock)."""
    from psycopg import sql

    database = connect(config.database_url)
    try:
        migrate(database)
        assert isinstance(database, PostgresDatabase)
        role = sql.Identifier(config.app_role)
        with database.transaction():
            database.execute(f"SELECT pg_advisory_xact_lock({_PREPARE_LOCK})")
            connection = database._connection
            exists = connection.execute(
                "SELECT 1 FROM pg_roles WHERE rolname = %s", (config.app_role,)
            ).fetchall()
            if not exists:
                connection.execute(sql.SQL("CREATE ROLE {} NOLOGIN").format(role))
            superuser = connection.execute(
                "SELECT rolsuper FROM pg_roles WHERE rolname = current_user"
            ).fetchone()
            if not (superuser and superuser["rolsuper"]):
                # The owner must be a member of the app role to switch to it.
                connection.execute(sql.SQL("GRANT {} TO current_user").format(role))
            for statement in (
                "GRANT USAGE ON SCHEMA {schema} TO {role}",
                "GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA {schema} TO {role}",
                "GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA {schema} TO {role}",
            ):
                schema = connection.execute("SELECT current_schema() AS name").fetchone()
                assert schema is not None
                connection.execute(
                    sql.SQL(statement).format(schema=sql.Identifier(schema["name"]), role=role)
                )
    finally:
        database.close()


class HostedPools:
    """One pool of owner connections and one of app-role connections, opened at start."""

    def __init__(self, config: HostedConfig, *, max_size: int = 8) -> None:
        from psycopg.rows import dict_row
        from psycopg_pool import ConnectionPool

        self.config = config
        url = config.database_url.replace("postgres://", "postgresql://", 1)
        kwargs = {"autocommit": True, "row_factory": dict_row}
        self._owner = ConnectionPool(
            url, min_size=1, max_size=4, kwargs=kwargs, configure=_utc, open=True
        )
        role = config.app_role

        def as_app(connection: Any) -> None:
            from psycopg import sql

            _utc(connection)
            connection.execute(sql.SQL("SET ROLE {}").format(sql.Identifier(role)))

        self._app = ConnectionPool(
            url,
            min_size=1,
            max_size=max_size,
            kwargs=kwargs,
            configure=as_app,
            reset=_forget_user,
            open=True,
        )

    @contextmanager
    def owner(self) -> Iterator[PostgresDatabase]:
        """A connection as the tables' owner: for sign-in steps only, never a diary read."""
        with self._owner.connection() as connection:
            yield PostgresDatabase.on_connection(connection)

    @contextmanager
    def as_user(self, user_id: int, *, read_only: bool = False) -> Iterator[DiaryStore]:
        """A store on an app-role connection that can see `user_id`'s rows and no others."""
        with self._app.connection() as connection:
            # One round trip: whose rows, and whether this request may change them.
            connection.execute(
                "SELECT set_config(%s, %s, false), "
                "set_config('default_transaction_read_only', %s, false)",
                (USER_SETTING, str(user_id), "on" if read_only else "off"),
            )
            yield DiaryStore(PostgresDatabase.on_connection(connection))

    def close(self) -> None:
        self._app.close()
        self._owner.close()


def _utc(connection: Any) -> None:
    connection.execute("SET TIME ZONE 'UTC'")


def _forget_user(connection: Any) -> None:
    """A connection going back to the pool keeps no one's id (and is writable again)."""
    connection.execute(
        "SELECT set_config(%s, '', false), "
        "set_config('default_transaction_read_only', 'off', false)",
        (USER_SETTING,),
    )
