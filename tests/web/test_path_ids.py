"""A record id in the path is digits alone (schemathesis found "3\\r" read as 3)."""

from __future__ import annotations

from pathlib import Path

import pytest
from fastapi.testclient import TestClient

from twitchguide.web.app import create_app


@pytest.mark.parametrize("raw", ["1%0D", "%201", "1%20", "%2B1", "abc"])
def test_a_path_id_with_anything_but_digits_is_refused(tmp_path: Path, raw: str) -> None:
    app = create_app(f"sqlite:///{tmp_path / 'diary.db'}", "me")
    with TestClient(app, client=("127.0.0.1", 50000), base_url="http://127.0.0.1") as client:
        created = client.post(
            "/api/v1/episode",
            json={"region": "calf"},
            headers={"X-CSRF-Token": client.get("/api/v1/session").json()["csrf_token"]},
        )
        assert created.status_code == 201, created.text
        assert client.get(f"/api/v1/episode/{created.json()['id']}").status_code == 200
        refused = client.get(f"/api/v1/episode/{raw}")
    assert refused.status_code == 422
    assert refused.json()["error"]["field"] == "path.record_id"
