"""Requests that change a SQLite diary: each route's work runs as one unit of group commit.

The routes stay as they are (parse, call one action, render). Here, a route that changes the
diary is handed to the app's writer instead of a thread of the pool: on the writer's thread
the route's `ctx.actions` opens the writer's own store, so its action runs inside the shared
transaction, and the route's answer goes out only once that transaction has committed.
Reads never pass through the writer. PostgreSQL (hosted) apps have no writer: their routes
run in the thread pool as before.
"""

from __future__ import annotations

import asyncio
import functools
import inspect
from collections.abc import Callable
from contextvars import ContextVar
from typing import Any

from fastapi.routing import APIRoute
from starlette.concurrency import run_in_threadpool

from twitchguide.store.group_commit import GroupCommitWriter
from twitchguide.web.security import SAFE_METHODS, ASGIApp, Receive, Scope, Send

# The writer of the app serving this request, set only on a request that may change the diary.
_writer: ContextVar[GroupCommitWriter | None] = ContextVar("twitchguide_writer", default=None)


def diary_writer(database_url: str) -> GroupCommitWriter:
    """The writer of one SQLite diary; its units reach its store as their thread's store."""
    from twitchguide.web.steps import thread_store

    return GroupCommitWriter(lambda: thread_store(database_url))


class GroupCommit:
    """Hands the requests that may change the diary to the app's writer (SQLite only)."""

    def __init__(self, app: ASGIApp, writer: GroupCommitWriter) -> None:
        self.app = app
        self.writer = writer

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http" or scope.get("method", "GET") in SAFE_METHODS:
            await self.app(scope, receive, send)
            return
        token = _writer.set(self.writer)
        try:
            await self.app(scope, receive, send)
        finally:
            _writer.reset(token)


class DiaryRoute(APIRoute):
    """A route whose state-changing endpoint runs as a unit of the app's writer, if it has one."""

    def __init__(self, path: str, endpoint: Callable[..., Any], **options: Any) -> None:
        methods = set(options.get("methods") or ())
        if methods - SAFE_METHODS and not getattr(endpoint, "is_write_unit", False):
            if inspect.iscoroutinefunction(endpoint):
                # On the event loop it would write outside the group, and block the loop.
                raise TypeError(f"{path}: a route that changes the diary must be a plain def")
            endpoint = _as_write_unit(endpoint)
        super().__init__(path, endpoint, **options)


def _as_write_unit(endpoint: Callable[..., Any]) -> Callable[..., Any]:
    # FastAPI reads the parameters through __wrapped__, so dependencies stay the endpoint's.
    @functools.wraps(endpoint)
    async def write_unit(**arguments: Any) -> Any:
        writer = _writer.get()
        if writer is None:
            return await run_in_threadpool(endpoint, **arguments)
        return await asyncio.wrap_future(writer.submit(functools.partial(endpoint, **arguments)))

    write_unit.is_write_unit = True  # type: ignore[attr-defined]  # an app's copy of the route
    return write_unit
