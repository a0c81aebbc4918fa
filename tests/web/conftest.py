"""Web fixtures: the real app over ASGI, a real uvicorn server, and Debian's Chromium."""

from __future__ import annotations

import os
import re
import shutil
import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import TEST_TIMEZONE

CHROMIUM = "/usr/bin/chromium"
VIEWPORTS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}


def make_app(database_url: str, access_code: str | None = None) -> Any:
    from twitchguide.store import open_store
    from twitchguide.web.app import create_app

    store = open_store(database_url)
    store.user("local", timezone=TEST_TIMEZONE)
    store.close()
    return create_app(database_url, "local", access_code=access_code)


class Browser:
    """A TestClient that keeps this browser's CSRF token, as a page would."""

    def __init__(self, app: Any) -> None:
        from fastapi.testclient import TestClient

        self.http = TestClient(app)
        self.token = self.http.get("/api/v1/session").json()["csrf_token"]

    def get(self, path: str, **kw: Any) -> Any:
        return self.http.get(path, **kw)

    def form(self, path: str, data: dict[str, Any] | None = None, **kw: Any) -> Any:
        return self.http.post(
            path, data={"csrf_token": self.token, **(data or {})}, follow_redirects=False, **kw
        )

    def api(self, method: str, path: str, body: Any = None) -> Any:
        return self.http.request(method, path, json=body, headers={"X-CSRF-Token": self.token})


@pytest.fixture
def client(database_url: str) -> Browser:
    """The app on this test's database (SQLite and PostgreSQL), driven over ASGI."""
    return Browser(make_app(database_url))


@pytest.fixture
def sqlite_client(tmp_path: Path) -> Browser:
    return Browser(make_app(f"sqlite:///{tmp_path / 'diary.db'}"))


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def serve(database_url: str) -> tuple[Any, threading.Thread, str]:
    """A real uvicorn server on loopback for one diary: (server, thread, base URL)."""
    import uvicorn

    app = make_app(database_url)
    port = free_port()
    server = uvicorn.Server(
        uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning", access_log=False)
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start within 20 s")
        time.sleep(0.05)
    return server, thread, f"http://127.0.0.1:{port}"


def stop(server: Any, thread: threading.Thread) -> None:
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture(scope="session")
def live_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A real uvicorn server on a SQLite diary of its own, for the whole session."""
    folder = tmp_path_factory.mktemp("live")
    server, thread, url = serve(f"sqlite:///{folder / 'diary.db'}")
    yield url
    stop(server, thread)


@pytest.fixture
def empty_server(tmp_path: Path) -> Iterator[str]:
    """Another real server, on an empty diary (somewhere to import a backup into)."""
    server, thread, url = serve(f"sqlite:///{tmp_path / 'empty.db'}")
    yield url
    stop(server, thread)


@pytest.fixture(scope="session")
def chromium() -> Iterator[Any]:
    """Debian's Chromium through Playwright, one for the whole session (never skipped in CI)."""
    if not os.path.exists(CHROMIUM) and shutil.which("chromium") is None:
        message = f"{CHROMIUM} is missing: `make test` installs the chromium package"
        if os.environ.get("CI") == "true":
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path=CHROMIUM, args=["--no-sandbox", "--disable-gpu"]
        )
        yield browser
        browser.close()


def csrf_of(html: str) -> str:
    found = re.search(r'name="csrf_token" value="([^"]+)"', html)
    assert found, "the page has no CSRF field"
    return found.group(1)


def pytest_configure(config: pytest.Config) -> None:
    # Starlette's TestClient warns that it will move to another HTTP client; not our concern.
    config.addinivalue_line("filterwarnings", "ignore:Using `httpx` with `starlette.testclient`")
