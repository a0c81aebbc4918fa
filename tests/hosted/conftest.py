"""Hosted fixtures: a fresh schema and a unique app role on the shared PostgreSQL, the real
hosted app over ASGI, and a browser that signs up, signs in and keeps its CSRF token."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from typing import Any

import pytest

from tests.conftest import POSTGRES_URL

SECRET = "a-test-secret-that-is-long-enough-0123456789"
PASSWORD = "correct horse battery"


@pytest.fixture
def app_role(postgres_available: bool) -> Iterator[str]:
    """A role name no other test uses; the role (if made) is dropped afterwards."""
    import psycopg

    role = f"tg_app_{uuid.uuid4().hex[:12]}"
    try:
        yield role
    finally:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            if connection.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", (role,)).fetchall():
                connection.execute(f"DROP OWNED BY {role}")
                connection.execute(f"DROP ROLE {role}")


@pytest.fixture
def hosted_config(postgres_url: str, app_role: str) -> Any:
    """Settings for one test: its own schema, and an app role no other test uses."""
    from twitchguide.hosted.config import HostedConfig
    from twitchguide.hosted.database import prepare

    config = HostedConfig(postgres_url, SECRET, app_role=app_role)
    prepare(config)
    return config


@pytest.fixture
def hosted_app(hosted_config: Any) -> Iterator[Any]:
    from twitchguide.web.app import create_app

    app = create_app("", "", hosted=hosted_config)
    try:
        yield app
    finally:
        app.state.tg.hosted.pools.close()


class Person:
    """One browser on the hosted app: its own cookies and CSRF token."""

    def __init__(self, app: Any) -> None:
        from fastapi.testclient import TestClient

        self.http = TestClient(app, base_url="http://127.0.0.1")
        self.refresh_token()

    def refresh_token(self) -> None:
        self.token = self.http.get("/api/v1/session").json()["csrf_token"]

    def form(self, path: str, data: dict[str, Any] | None = None, **kw: Any) -> Any:
        return self.http.post(
            path, data={"csrf_token": self.token, **(data or {})}, follow_redirects=False, **kw
        )

    def api(self, method: str, path: str, body: Any = None) -> Any:
        return self.http.request(method, path, json=body, headers={"X-CSRF-Token": self.token})

    def signup(self, name: str, password: str = PASSWORD) -> Any:
        response = self.form(
            "/signup", {"name": name, "password": password, "timezone": "Europe/London"}
        )
        assert response.status_code == 303, response.text
        self.refresh_token()
        return response

    def login(self, name: str, password: str = PASSWORD) -> Any:
        response = self.form("/login", {"name": name, "password": password})
        if response.status_code == 303:
            self.refresh_token()
        return response


@pytest.fixture
def person(hosted_app: Any) -> Any:
    """Makes a fresh browser on the hosted app: `person()`."""
    return lambda: Person(hosted_app)
