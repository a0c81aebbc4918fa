"""A hosted app's request plumbing: who is signed in, and their diary on the app role only."""

from __future__ import annotations

import hashlib
import hmac
from collections.abc import AsyncIterator
from contextlib import ExitStack, asynccontextmanager

from fastapi import Request
from starlette.concurrency import run_in_threadpool

from twitchguide.actions.context import ActionContext
from twitchguide.hosted import accounts
from twitchguide.hosted.config import HostedConfig
from twitchguide.hosted.database import HostedPools
from twitchguide.store.database import PostgresDatabase
from twitchguide.store.diary_store import UserSettings
from twitchguide.web.steps import Context

LOGIN_COOKIE = "tg_login"


class SignInNeeded(Exception):
    """The request needs a signed-in person (or a live API token) and has neither."""


class HostedSite:
    """What a hosted app holds: its settings and its two pools (no per-person state)."""

    def __init__(self, config: HostedConfig) -> None:
        self.config = config
        self.pools = HostedPools(config)

    def csrf_key(self) -> bytes:
        """The CSRF key, the same in every instance (derived from the shared secret)."""
        return hmac.new(self.config.secret_key.encode(), b"csrf", hashlib.sha256).digest()

    def who(self, request: Request) -> UserSettings | None:
        """The person of a Bearer API token or of the sign-in cookie, else None."""
        bearer = bearer_token(request)
        with self.pools.owner() as db:
            if bearer is not None:
                return accounts.api_token_user(db, bearer)
            return accounts.session_user(db, request.cookies.get(LOGIN_COOKIE))

    async def who_of(self, request: Request) -> UserSettings | None:
        """`who`, looked up once per request: the CSRF check and the diary both ask. Kept on
        this request alone, so a token revoked or a session ended counts from the next one."""
        if "tg_who" not in request.scope.setdefault("state", {}):
            request.scope["state"]["tg_who"] = await run_in_threadpool(self.who, request)
        found: UserSettings | None = request.scope["state"]["tg_who"]
        return found


def bearer_token(request: Request) -> str | None:
    header = request.headers.get("authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" and token.strip() else None


def site_of(request: Request) -> HostedSite:
    site: HostedSite = request.app.state.tg.hosted
    return site


class HostedContext(Context):
    """One signed-in person's diary for one request, on an app-role connection borrowed lazily
    from the pool and given back when the request ends."""

    def __init__(
        self,
        pools: HostedPools,
        user_id: int,
        user_name: str,
        *,
        read_only: bool = False,
        settings: UserSettings | None = None,
    ) -> None:
        super().__init__("", user_name)
        self.user_id = user_id
        self._settings = settings  # already read with the session: no second look-up
        self._pools = pools
        self._read_only = read_only
        self._stack = ExitStack()
        self._database: PostgresDatabase | None = None

    @property
    def actions(self) -> ActionContext:
        if self._actions is None:
            from twitchguide.store.user_store import UserStore

            store = self._stack.enter_context(
                self._pools.as_user(self.user_id, read_only=self._read_only)
            )
            assert isinstance(store.database, PostgresDatabase)
            self._database = store.database
            settings = self._settings or store.user(self.user_name, create=False)
            self._actions = ActionContext(UserStore(store, settings))
        return self._actions

    def close(self) -> None:
        self._actions = None
        self._database = None
        self._stack.close()

    def closes_without_waiting(self) -> bool:
        """True when closing sends nothing to PostgreSQL: no connection was borrowed, or it has
        no transaction open (the pool's own thread then forgets the user id). Then the event
        loop can close it, without a trip to a worker thread."""
        return self._database is None or not self._database.in_transaction()


async def hosted_context(request: Request) -> AsyncIterator[Context]:
    """The hosted routes' dependency (the shared routes get the same from `open_context`)."""
    async with signed_in_diary(request) as context:
        yield context


@asynccontextmanager
async def signed_in_diary(request: Request) -> AsyncIterator[Context]:
    """What the app's `open_context` gives when hosted: the signed-in person's diary, or 401."""
    site = site_of(request)
    who = await site.who_of(request)
    if who is None:
        raise SignInNeeded()
    context = HostedContext(site.pools, who.user_id, who.name, settings=who)
    request.state.diary = context
    try:
        yield context
    finally:
        if context.closes_without_waiting():
            context.close()
        else:
            await run_in_threadpool(context.close)
