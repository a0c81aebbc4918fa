"""Clinician share links on real PostgreSQL: read-only, one period, expiring, revocable, logged."""

from __future__ import annotations

import re
from typing import Any

import pytest
from fastapi.testclient import TestClient

pytestmark = pytest.mark.postgres


def _share(alice: Any, start: str, end: str, days: str = "14") -> str:
    page = alice.form("/account/shares", {"from": start, "to": end, "days": days})
    assert page.status_code == 200, page.text
    link = re.search(r"<code>(http[^<]+/share/[\w-]+)</code>", page.text)
    assert link, page.text
    return link.group(1).split("/share/", 1)[1]


def test_a_share_link_shows_its_period_read_only_and_is_logged(
    person: Any, hosted_app: Any
) -> None:
    alice = person()
    alice.signup("alice")
    for when, note in (
        ("2026-10-10T09:00:00+00:00", "INSIDE-PERIOD"),
        ("2026-06-01T09:00:00+00:00", "OUTSIDE-PERIOD"),
    ):
        made = alice.api(
            "POST", "/api/v1/episode", {"region": "calf", "started_at": when, "note": note}
        )
        assert made.status_code == 201, made.text
    token = _share(alice, "2026-10-01", "2026-10-31")
    clinician = TestClient(hosted_app, base_url="http://127.0.0.1")
    view = clinician.get(f"/share/{token}")
    assert view.status_code == 200, view.text
    assert "Shared read-only by <strong>alice</strong>" in view.text
    assert "01 Oct 2026 to 31 Oct 2026" in view.text
    assert "OUTSIDE-PERIOD" not in view.text
    assert (
        "<script" not in view.text and "script-src" not in view.headers["content-security-policy"]
    )
    # Read-only: the link opens no diary page, and nothing can be posted to it.
    assert clinician.post(f"/share/{token}").status_code == 405
    assert clinician.get("/api/v1/episode").status_code == 401
    assert clinician.get("/", follow_redirects=False).status_code == 303
    account = alice.http.get("/account").text
    assert "Opened 1 time" in account and "share viewed" in account


def test_a_share_link_stops_when_revoked_or_expired(person: Any, hosted_app: Any) -> None:
    alice = person()
    alice.signup("alice")
    revoked, expired = (
        _share(alice, "2026-10-01", "2026-10-31"),
        _share(alice, "2026-10-01", "2026-10-31"),
    )
    clinician = TestClient(hosted_app, base_url="http://127.0.0.1")
    assert clinician.get(f"/share/{revoked}").status_code == 200
    with hosted_app.state.tg.hosted.pools.owner() as db:
        ids = [row["id"] for row in db.query("SELECT id FROM share_links ORDER BY id")]
        db.execute(
            "UPDATE share_links SET expires_at = now() - interval '1 second' WHERE id = ?",
            (ids[1],),
        )
    assert alice.form(f"/account/shares/{ids[0]}/revoke").status_code == 303
    unknown = clinician.get("/share/no-such-link-at-all")
    for token in (revoked, expired):
        gone = clinician.get(f"/share/{token}")
        assert gone.status_code == 404
        assert gone.text == unknown.text  # withdrawn, out of date and never made look the same
    account = alice.http.get("/account").text
    assert "withdrawn" in account and "ran out" in account


def test_a_share_link_lasts_fourteen_days_by_default(person: Any, hosted_app: Any) -> None:
    alice = person()
    alice.signup("alice")
    alice.form("/account/shares", {"from": "2026-10-01", "to": "2026-10-31"})
    with hosted_app.state.tg.hosted.pools.owner() as db:
        (row,) = db.query("SELECT expires_at - created_at AS lasts FROM share_links")
    assert row["lasts"].days == 14
    bad = alice.form("/account/shares", {"from": "2026-10-31", "to": "2026-10-01"})
    assert bad.status_code == 422 and "before" in bad.text


def test_the_audit_log_shows_sign_ins_and_deletions_to_their_owner_only(person: Any) -> None:
    alice = person()
    alice.signup("alice")
    made = alice.api("POST", "/api/v1/episode", {"region": "calf"}).json()
    alice.api("DELETE", f"/api/v1/episode/{made['id']}")
    alice.refresh_token()
    alice.form("/logout")
    alice.refresh_token()
    alice.login("alice")
    account = alice.http.get("/account").text
    assert "record deleted (episode" in account and account.count(": login (") == 1
    bob = person()
    bob.signup("bob")
    assert "record deleted" not in bob.http.get("/account").text
