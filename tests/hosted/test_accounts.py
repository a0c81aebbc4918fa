"""Accounts on real PostgreSQL: sign up, sign in and out, passwords, reset tokens, deletion."""

from __future__ import annotations

from typing import Any

import pytest

pytestmark = pytest.mark.postgres


def test_signup_then_the_diary_is_yours(person: Any) -> None:
    alice = person()
    alice.signup("alice")
    assert alice.http.get("/", follow_redirects=False).status_code == 200
    logged = alice.api("POST", "/api/v1/episode", {"region": "calf", "side": "left"})
    assert logged.status_code == 201, logged.text
    listed = alice.http.get("/api/v1/episode").json()
    assert [e["region"] for e in listed] == ["calf"]


def test_signed_out_pages_go_to_sign_in_and_the_api_says_401(person: Any) -> None:
    stranger = person()
    assert stranger.http.get("/", follow_redirects=False).headers["location"] == "/login"
    response = stranger.http.get("/api/v1/episode")
    assert response.status_code == 401
    assert response.json()["error"]["field"] == "authorization"


def test_settings_refuse_true_or_false_as_an_hour(person: Any) -> None:
    alice = person()
    alice.signup("alice")
    refused = alice.api("PUT", "/api/v1/settings", {"day_start_hour": False})
    assert refused.status_code == 422 and refused.json()["error"]["field"] == "day_start_hour"
    assert alice.api("PUT", "/api/v1/settings", {"day_start_hour": 5}).status_code == 200
