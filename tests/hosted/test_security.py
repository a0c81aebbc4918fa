"""Security of hosted mode on real PostgreSQL: CSRF, lockout, session rotation, argon2id, headers,
API tokens, resets, and an account deleted without a trace."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.hosted.conftest import PASSWORD

pytestmark = pytest.mark.postgres


def _owner_db(app: Any) -> Any:
    return app.state.tg.hosted.pools.owner()


def test_a_change_without_the_csrf_token_is_rejected(person: Any) -> None:
    alice = person()
    alice.signup("alice")
    no_field = alice.http.post("/account/tokens", data={"label": "x"}, follow_redirects=False)
    assert no_field.status_code == 403
    no_header = alice.http.post("/api/v1/episode", json={"region": "calf"})
    assert no_header.status_code == 403 and no_header.json()["error"]["field"] == "csrf_token"
    wrong = alice.http.post(
        "/api/v1/episode", json={"region": "calf"}, headers={"X-CSRF-Token": "0" * 64}
    )
    assert wrong.status_code == 403
    stranger = person()
    assert (
        stranger.http.post("/login", data={"name": "alice", "password": PASSWORD}).status_code
        == 403
    )
    assert alice.http.get("/api/v1/episode").json() == []


def test_login_locks_out_after_repeated_failures(person: Any) -> None:
    alice = person()
    alice.signup("alice")
    guesser = person()
    for _ in range(5):
        refused = guesser.login("alice", "not the password at all")
        assert refused.status_code == 401 and "wrong" in refused.text
    locked = guesser.login("alice", PASSWORD)  # even the right password, for now
    assert locked.status_code == 401 and "too many wrong tries" in locked.text
    # The lock is the account's, kept in PostgreSQL: another browser is locked out too.
    assert person().login("alice", PASSWORD).status_code == 401


def test_an_address_is_limited_across_accounts(person: Any, hosted_app: Any) -> None:
    from twitchguide.hosted import accounts

    guesser = person()
    for n in range(accounts.ADDRESS_FAILURES):
        guesser.login(f"nobody{n}", "not the password at all")
    person().signup("alice")
    assert "too many wrong tries" in guesser.login("alice", PASSWORD).text


def test_the_session_id_changes_at_login(person: Any) -> None:
    alice = person()
    alice.signup("alice")
    alice.form("/logout")
    alice.refresh_token()
    before = alice.http.cookies.get("tg_session")
    assert before
    response = alice.login("alice")
    assert response.status_code == 303
    set_cookies = response.headers.get_list("set-cookie")
    login = next(c for c in set_cookies if c.startswith("tg_login="))
    session = next(c for c in set_cookies if c.startswith("tg_session="))
    assert session.split(";")[0] != f"tg_session={before}"
    assert "HttpOnly" in login and "SameSite=lax" in login and "Secure" not in login
    first_login = login.split(";")[0]
    alice.refresh_token()
    alice.form("/logout")
    alice.refresh_token()
    again = alice.login("alice")
    assert (
        next(c for c in again.headers.get_list("set-cookie") if c.startswith("tg_login=")).split(
            ";"
        )[0]
        != first_login
    )


def test_cookies_are_secure_behind_https(hosted_app: Any) -> None:
    from fastapi.testclient import TestClient

    browser = TestClient(hosted_app, base_url="https://diary.example.org")
    token = browser.get("/api/v1/session").json()["csrf_token"]
    response = browser.post(
        "/signup",
        data={"csrf_token": token, "name": "alice", "password": PASSWORD},
        follow_redirects=False,
    )
    assert response.status_code == 303
    assert all("Secure" in cookie for cookie in response.headers.get_list("set-cookie"))


def test_passwords_are_argon2id_with_its_recommended_parameters(
    person: Any, hosted_app: Any
) -> None:
    person().signup("alice")
    with _owner_db(hosted_app) as db:
        (row,) = db.query("SELECT password_hash FROM accounts")
    stored = row["password_hash"]
    match = re.fullmatch(
        r"\$argon2id\$v=19\$m=(\d+),t=(\d+),p=(\d+)\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}", stored
    )
    assert match, stored
    memory, time_cost, parallelism = (int(x) for x in match.groups())
    assert (memory, time_cost, parallelism) == (65536, 3, 4)  # RFC 9106's low-memory profile
    assert PASSWORD not in stored


def test_security_headers_on_every_kind_of_response(person: Any) -> None:
    alice = person()
    for path in ("/login", "/api/v1/ping", "/nowhere"):
        headers = alice.http.get(path).headers
        assert "default-src 'none'" in headers["content-security-policy"], path
        assert headers["x-content-type-options"] == "nosniff"
        assert headers["x-frame-options"] == "DENY"
        assert headers["referrer-policy"] == "no-referrer"
    alice.signup("alice")
    assert alice.http.get("/account").headers["cache-control"] == "no-store"


def test_api_tokens_work_without_cookies_and_stop_when_withdrawn(
    person: Any, hosted_app: Any
) -> None:
    from fastapi.testclient import TestClient

    alice = person()
    alice.signup("alice")
    page = alice.form("/account/tokens", {"label": "my script"}).text
    token = re.search(r"<code>(tgapi_[\w-]+)</code>", page).group(1)  # type: ignore[union-attr]
    program = TestClient(hosted_app, base_url="http://127.0.0.1")
    bearer = {"Authorization": f"Bearer {token}"}
    made = program.post("/api/v1/episode", json={"region": "calf"}, headers=bearer)
    assert made.status_code == 201, made.text
    assert (
        program.post(
            "/api/v1/episode",
            json={"region": "calf"},
            headers={"Authorization": "Bearer tgapi_nope"},
        ).status_code
        == 401
    )
    with _owner_db(hosted_app) as db:
        (row,) = db.query("SELECT id FROM api_tokens")
    assert alice.form(f"/account/tokens/{row['id']}/revoke").status_code == 303
    assert program.get("/api/v1/episode", headers=bearer).status_code == 401


def test_reset_token_and_password_change_end_old_sessions(person: Any, hosted_app: Any) -> None:
    from twitchguide.hosted import accounts

    alice = person()
    alice.signup("alice")
    other_device = person()
    other_device.login("alice")
    with _owner_db(hosted_app) as db:
        token = accounts.issue_reset_token(db, "alice")
    helper = person()
    assert (
        helper.form(
            "/reset", {"token": token, "new_password": "a brand new passphrase"}
        ).status_code
        == 303
    )
    helper.refresh_token()  # signing in starts a new browser session, with a new CSRF token
    assert other_device.http.get("/api/v1/episode").status_code == 401  # signed out everywhere
    reused = person().form("/reset", {"token": token, "new_password": "yet another passphrase"})
    assert reused.status_code == 422 and "used" in reused.text
    assert person().login("alice", "a brand new passphrase").status_code == 303
    changed = helper.form(
        "/account/password",
        {"current_password": "a brand new passphrase", "new_password": "the third passphrase"},
    )
    assert changed.status_code == 303
    assert person().login("alice", "the third passphrase").status_code == 303


def test_a_deleted_account_leaves_no_rows_in_any_table(person: Any, hosted_app: Any) -> None:
    alice = person()
    alice.signup("alice")
    for body in ({"region": "calf"}, {"region": "eyelid"}):
        alice.api("POST", "/api/v1/episode", body)
    alice.api("POST", "/api/v1/day", {"day": "2026-11-02", "sleep_hours": 6})
    alice.api("DELETE", "/api/v1/episode/1")
    alice.form("/account/shares", {"from": "2026-10-01", "to": "2026-11-02"})
    alice.form("/account/tokens", {"label": "x"})
    person().signup("bob")  # someone else, who must keep everything
    person().login("alice", "wrong password here")  # a login_limits row for alice's name
    exported = alice.http.get("/backup/export.json")
    assert exported.status_code == 200  # the same JSON export as local mode
    assert exported.json()["settings"]["timezone"] == "Europe/London"
    assert {e["region"] for e in exported.json()["records"]["episodes"]} == {"eyelid"}
    refused = alice.form("/account/delete", {"password": "wrong", "confirm": "delete"})
    assert refused.status_code == 422
    gone = alice.form("/account/delete", {"password": PASSWORD, "confirm": "delete"})
    assert gone.status_code == 200 and "deleted" in gone.text
    with _owner_db(hosted_app) as db:
        tables = [
            row["table_name"]
            for row in db.query(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' "
                "AND table_name != 'schema_migrations'"
            )
        ]
        for table in tables:
            for row in db.query(f"SELECT * FROM {table}"):
                text = " ".join(str(value) for value in row.values())
                assert "alice" not in text, (table, row)
                if "owner_id" in row:
                    assert row["owner_id"] != 1, (table, row)
        assert db.query("SELECT count(*) AS n FROM users")[0]["n"] == 1  # bob
        owners = {
            row["owner_id"]
            for table in tables
            if table != "users"
            for row in db.query(f"SELECT * FROM {table}")
            if "owner_id" in row
        }
    bob_id = 2
    assert owners <= {bob_id, None}
    assert alice.http.get("/api/v1/episode").status_code == 401


def test_an_expired_session_signs_out_and_is_cleared_at_the_next_sign_in(
    person: Any, hosted_app: Any
) -> None:
    alice = person()
    alice.signup("alice")
    with _owner_db(hosted_app) as db:
        db.execute("UPDATE sessions SET expires_at = now() - interval '1 second'")
    assert alice.http.get("/api/v1/episode").status_code == 401
    assert person().login("alice").status_code == 303
    with _owner_db(hosted_app) as db:
        assert db.query("SELECT count(*) AS n FROM sessions WHERE expires_at <= now()")[0]["n"] == 0
