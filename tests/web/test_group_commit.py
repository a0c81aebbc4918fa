"""Creates through the web app on SQLite, many at once: every one lands on the disk, a bad one
fails alone with its clear error, and reads go on while the writer is busy."""

from __future__ import annotations

import asyncio
import json
import sqlite3
import threading
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import httpx
import pytest

from tests.web.conftest import make_app, serve, stop
from twitchguide.store.group_commit import GroupCommitWriter
from twitchguide.web.writes import GroupCommit

WAIT = 30  # seconds; only a bound on a hang, never a measure


def stored_episodes(path: Path) -> list[tuple[int, str]]:
    """Read on a fresh connection once the server is gone: what survived."""
    with sqlite3.connect(path) as fresh:
        return fresh.execute("SELECT id, region FROM episodes ORDER BY id").fetchall()


def writer_of(app: Any) -> GroupCommitWriter:
    for layer in app.user_middleware:
        if layer.cls is GroupCommit:
            writer: GroupCommitWriter = layer.kwargs["writer"]
            return writer
    raise AssertionError("a SQLite app has a group-commit writer")


def test_concurrent_creates_through_a_real_server_all_land(tmp_path: Path) -> None:
    path = tmp_path / "diary.db"
    server, thread, base = serve(f"sqlite:///{path}")
    clients, each = 16, 8
    statuses: list[int] = []
    try:
        with urllib.request.urlopen(base + "/api/v1/session", timeout=WAIT) as answer:
            cookie = answer.headers["set-cookie"].split(";", 1)[0]
            token = json.loads(answer.read())["csrf_token"]

        def create(number: int) -> None:
            for _ in range(each):
                request = urllib.request.Request(
                    base + "/api/v1/episode",
                    data=json.dumps({"region": "calf", "note": f"client {number}"}).encode(),
                    headers={
                        "Content-Type": "application/json",
                        "Cookie": cookie,
                        "X-CSRF-Token": token,
                    },
                    method="POST",
                )
                with urllib.request.urlopen(request, timeout=WAIT) as answer:
                    statuses.append(answer.status)

        threads = [threading.Thread(target=create, args=(n,)) for n in range(clients)]
        for started in threads:
            started.start()
        for finished in threads:
            finished.join()
    finally:
        stop(server, thread)
    assert statuses == [201] * (clients * each)
    stored = stored_episodes(path)
    assert len(stored) == clients * each
    assert len({record_id for record_id, _ in stored}) == clients * each


def test_a_bad_create_in_a_group_fails_alone_and_reads_never_wait(tmp_path: Path) -> None:
    path = tmp_path / "diary.db"
    app = make_app(f"sqlite:///{path}")
    writer = writer_of(app)
    started, release = threading.Event(), threading.Event()

    def hold() -> None:
        started.set()
        assert release.wait(WAIT)

    async def run() -> tuple[list[httpx.Response], httpx.Response, bool]:
        transport = httpx.ASGITransport(app=app)
        async with httpx.AsyncClient(transport=transport, base_url="http://127.0.0.1") as http:
            token = (await http.get("/api/v1/session")).json()["csrf_token"]
            headers = {"X-CSRF-Token": token}
            bodies: list[dict[str, Any]] = [{"region": "calf"} for _ in range(7)]
            bodies.insert(3, {"region": "calf", "started_at": "2999-01-01T08:00:00+00:00"})
            held = writer.submit(hold)
            assert await asyncio.to_thread(started.wait, WAIT)
            creates = [
                asyncio.create_task(http.post("/api/v1/episode", json=body, headers=headers))
                for body in bodies
            ]
            async with asyncio.timeout(WAIT):  # every create is queued behind the held unit
                while writer.waiting < len(bodies):
                    await asyncio.sleep(0.01)
            read = await http.get("/api/v1/episode")  # while the writer is still held
            writer_was_held = not held.done()
            release.set()
            return list(await asyncio.gather(*creates)), read, writer_was_held

    # A thread of its own: the browser tests' Playwright keeps an event loop in this one.
    with ThreadPoolExecutor(1) as own_loop:
        created, read, writer_was_held = own_loop.submit(asyncio.run, run()).result()
    assert writer_was_held
    assert read.status_code == 200
    assert read.json() == []
    assert [answer.status_code for answer in created] == [201] * 3 + [422] + [201] * 4
    problem = created[3].json()["error"]
    assert problem["field"] == "started_at"
    assert "is in the future" in problem["problem"]
    assert len(stored_episodes(path)) == 7


def test_the_writer_commits_to_the_disk_each_time(tmp_path: Path) -> None:
    # "Logged" must survive a power cut: synchronous=FULL (2), never NORMAL (1) or OFF (0).
    from twitchguide.web.steps import thread_store
    from twitchguide.web.writes import diary_writer

    url = f"sqlite:///{tmp_path / 'diary.db'}"
    make_app(url)
    writer = diary_writer(url)
    try:
        found = writer.submit(lambda: thread_store(url).database.query("PRAGMA synchronous"))
        assert found.result(timeout=WAIT) == [{"synchronous": 2}]
    finally:
        writer.close()


def test_a_route_that_changes_the_diary_must_be_a_plain_function() -> None:
    from fastapi import APIRouter

    from twitchguide.web.writes import DiaryRoute

    router = APIRouter(route_class=DiaryRoute)

    async def change() -> None:
        """Would write on the event loop, outside the group."""

    async def look() -> None:
        """Reads may be async: they never go through the writer."""

    router.add_api_route("/look", look, methods=["GET"])
    with pytest.raises(TypeError, match="must be a plain def"):
        router.add_api_route("/change", change, methods=["POST"])
