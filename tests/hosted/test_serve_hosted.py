"""`twitchguide serve --hosted` as real processes: it refuses to start without its settings,
and two instances on one database share sessions and migrate once."""

from __future__ import annotations

import hashlib
import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from typing import Any

import httpx
import pytest

from tests.hosted.conftest import PASSWORD, SECRET
from tests.web.conftest import free_port

pytestmark = pytest.mark.postgres


def _env(**values: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("TWITCHGUIDE_")}
    env.update(values)
    return env


def _serve(env: dict[str, str], port: int) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "twitchguide", "serve", "--hosted", "--port", str(port)],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )


def _wait_until_up(process: subprocess.Popen[str], base: str) -> None:
    for _ in range(300):  # bounded: 30 s at most
        if process.poll() is not None:
            raise AssertionError(f"the server stopped: {process.communicate()[1][-2000:]}")
        try:
            if httpx.get(base + "/api/v1/ping", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    raise AssertionError("the server did not start listening within 30 s")


def _stop(process: subprocess.Popen[str]) -> None:
    if process.poll() is None:
        process.send_signal(signal.SIGINT)
        try:
            process.wait(timeout=20)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def test_refuses_to_start_without_a_secret_key(postgres_url: str) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "twitchguide", "serve", "--hosted"],
        env=_env(TWITCHGUIDE_DATABASE_URL=postgres_url),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1, done.stderr
    assert "TWITCHGUIDE_SECRET_KEY" in lines[0] and "Traceback" not in done.stderr


def test_refuses_to_start_without_a_postgresql_url(tmp_path: Any) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "twitchguide", "serve", "--hosted"],
        env=_env(
            TWITCHGUIDE_DATABASE_URL=f"sqlite:///{tmp_path / 'd.db'}", TWITCHGUIDE_SECRET_KEY=SECRET
        ),
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode != 0
    lines = done.stderr.strip().splitlines()
    assert len(lines) == 1 and "PostgreSQL URL" in lines[0], done.stderr


@pytest.fixture
def two_instances(postgres_url: str, app_role: str) -> Iterator[tuple[str, str]]:
    """Two `serve --hosted` processes (two workers each) started at once on one empty schema."""
    env = _env(
        TWITCHGUIDE_DATABASE_URL=postgres_url,
        TWITCHGUIDE_SECRET_KEY=SECRET,
        TWITCHGUIDE_APP_ROLE=app_role,
        TWITCHGUIDE_WORKERS="2",
    )
    ports = free_port(), free_port()
    processes = [_serve(env, port) for port in ports]  # both first starts race to migrate
    try:
        bases = tuple(f"http://127.0.0.1:{port}" for port in ports)
        for process, base in zip(processes, bases, strict=True):
            _wait_until_up(process, base)
        yield bases[0], bases[1]
    finally:
        for process in processes:
            _stop(process)


def test_two_instances_share_sessions_and_migrate_once(
    two_instances: tuple[str, str], postgres_url: str
) -> None:
    import psycopg

    from twitchguide.store.migrations import MIGRATIONS

    first, second = two_instances
    with httpx.Client(base_url=first) as on_first:
        token = on_first.get("/api/v1/session").json()["csrf_token"]
        signed = on_first.post(
            "/signup", data={"csrf_token": token, "name": "casey", "password": PASSWORD}
        )
        assert signed.status_code == 303, signed.text
        cookies = dict(on_first.cookies)
    with httpx.Client(base_url=second, cookies=cookies) as on_second:
        token = on_second.get("/api/v1/session").json()["csrf_token"]
        made = on_second.post(
            "/api/v1/episode", json={"region": "calf"}, headers={"X-CSRF-Token": token}
        )
        assert made.status_code == 201, made.text
        page = on_second.get("/account")
        assert page.status_code == 200 and "Sign out" in page.text
    with httpx.Client(base_url=first, cookies=cookies) as again:
        assert [e["region"] for e in again.get("/api/v1/episode").json()] == ["calf"]
    with psycopg.connect(postgres_url) as connection:
        versions = [row[0] for row in connection.execute("SELECT version FROM schema_migrations")]
        stored = [row[0] for row in connection.execute("SELECT token_hash FROM sessions")]
    assert sorted(versions) == [version for version, _, _ in MIGRATIONS]
    # The database holds only the SHA-256 of the sign-in cookie, never the cookie itself.
    assert stored == [hashlib.sha256(cookies["tg_login"].encode()).hexdigest()]
