"""FastAPI's built-in OpenTelemetry hooks stay off, even when the process has a tracer and
the environment asks for exporters (they can record request bodies, which are health data)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from opentelemetry import trace

from twitchguide.web.app import create_app


def test_telemetry_stays_off_with_a_tracer_and_auto_configure(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("FASTAPI_OTEL_AUTO_CONFIGURE", "true")
    # A configured global provider is what switches FastAPI's hooks on by default.
    monkeypatch.setattr(trace, "get_tracer_provider", lambda: trace.NoOpTracerProvider())
    app = create_app(f"sqlite:///{tmp_path / 'diary.db'}", "me")
    assert app._native_telemetry.enabled() is False  # the one switch FastAPI consults
    with TestClient(app, client=("127.0.0.1", 50000), base_url="http://127.0.0.1") as client:
        response = client.get("/api/v1/ping")
    assert response.status_code == 200
    assert "fastapi.telemetry" not in str(response.headers)
