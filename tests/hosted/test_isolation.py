"""Isolation, on real PostgreSQL: B reaches none of A's data through any route or method, and
row-level security holds even for a query with no WHERE clause at all."""

from __future__ import annotations

import re
from typing import Any

import pytest

from tests.hosted.conftest import Person

pytestmark = pytest.mark.postgres

SECRET_NOTE = "ANNABEL-PRIVATE-NOTE"
BODIES: dict[str, dict[str, Any]] = {
    "episode": {"region": "calf", "side": "left", "note": SECRET_NOTE},
    "day": {"day": "2026-11-02", "sleep_hours": 6.5, "note": SECRET_NOTE},
    "medication": {"name": "salbutamol", "started_on": "2026-11-01", "note": SECRET_NOTE},
    "symptom": {"kind": "cramps", "region": "calf", "description": SECRET_NOTE},
    "strength": {"grip_left_1": 30, "grip_left_2": 31, "grip_left_3": 30, "note": SECRET_NOTE},
    "relief": {
        "rated_on": "2026-11-02",
        "strategy": "hydration",
        "rating": "helpful",
        "note": SECRET_NOTE,
    },
}


def _a_with_everything(person: Any) -> tuple[Person, dict[str, int], dict[str, int]]:
    """A signs up and keeps one record of every kind, a deleted one, a share and a token."""
    a = person()
    a.signup("annabel")
    ids = {}
    for kind, body in BODIES.items():
        made = a.api("POST", f"/api/v1/{kind}", body)
        assert made.status_code == 201, (kind, made.text)
        ids[kind] = made.json()["id"]
    gone = a.api("POST", "/api/v1/episode", {"region": "eyelid", "note": SECRET_NOTE}).json()
    assert a.api("DELETE", f"/api/v1/episode/{gone['id']}").status_code == 200
    assert a.form("/account/shares", {"from": "2026-10-01", "to": "2026-11-02"}).status_code == 200
    assert a.form("/account/tokens", {"label": "annabel's phone"}).status_code == 200
    with a.http.app.state.tg.hosted.pools.owner() as db:  # type: ignore[attr-defined]
        owner = db.query("SELECT id FROM users WHERE name = 'annabel'")[0]["id"]
        extra = {
            "deleted_episode": gone["id"],
            "share_id": db.query("SELECT id FROM share_links WHERE owner_id = ?", (owner,))[0][
                "id"
            ],
            "token_id": db.query("SELECT id FROM api_tokens WHERE owner_id = ?", (owner,))[0]["id"],
        }
    return a, ids, extra


def _everything_of(a: Person) -> dict[str, Any]:
    seen: dict[str, Any] = {kind: a.http.get(f"/api/v1/{kind}").json() for kind in BODIES}
    seen["settings"] = a.http.get("/api/v1/settings").json()
    account = a.http.get("/account").text
    seen["live_shares"] = account.count("Withdraw")
    return seen


def _kind_of(path: str) -> str | None:
    match = re.match(r"^/api/v1/(\w+)/\{record_id\}", path)
    return match.group(1) if match else None


def _requests(app: Any, ids: dict[str, int], extra: dict[str, int], missing: int) -> list[Any]:
    """(method, path with A's ids, the same path with an id that exists for no one, kind)."""
    from twitchguide.hosted import routes
    from twitchguide.web import api, pages

    out = []
    for route in [*api.router.routes, *pages.router.routes, *routes.router.routes]:
        if not getattr(route, "methods", None) or route.path in ("/logout", "/account/delete"):
            continue
        for method in sorted(route.methods or ()):
            if method == "HEAD":
                continue
            kinds = list(BODIES) if "{kind}" in route.path else [_kind_of(route.path)]
            for kind in kinds:
                path = route.path.replace("{kind}", kind or "episode")
                own_id = ids.get(kind or "episode", 0)
                if route.path.endswith("/restore") or route.path == "/diary/undo":
                    own_id = extra["deleted_episode"]
                for name, value in (
                    ("record_id", own_id),
                    ("share_id", extra["share_id"]),
                    ("token_id", extra["token_id"]),
                ):
                    if "{" + name + "}" in path:
                        real = path.replace("{" + name + "}", str(value))
                        fake = path.replace("{" + name + "}", str(missing))
                        out.append((method, real, fake, kind, str(value)))
                        break
                else:
                    path = path.replace("{topic_id}", "eyelid-twitching")
                    path = path.replace("{token}", "not-a-real-share-token")
                    out.append((method, path, None, kind, None))
    return out


def _without(text: str, number: str) -> str:
    """The text with the id it names (after "id ", "/" or "#") made anonymous."""
    return re.sub(rf"(id |/|#){number}\b", r"\1N", text)


def _send(b: Person, method: str, path: str, kind: str | None) -> Any:
    body = dict(BODIES.get(kind or "episode", {}))
    body["description" if kind == "symptom" else "note"] = "B-WAS-HERE"
    if path.startswith("/api/"):
        payload = None if method in ("GET", "DELETE") else body
        if path.endswith("/today/add"):
            payload = {"what": "coffee"}
        return b.api(method, path, payload)
    if method == "GET":
        return b.http.get(path, follow_redirects=False)
    return b.form(path, {k: str(v) for k, v in body.items()})


def test_b_reaches_none_of_a_s_data_through_any_route(person: Any, hosted_app: Any) -> None:
    a, ids, extra = _a_with_everything(person)
    before = _everything_of(a)
    b = person()
    b.signup("bertie")
    missing = max([*ids.values(), *extra.values()]) + 100_000
    requests = _requests(hosted_app, ids, extra, missing)
    assert len(requests) > 40  # every route and method of the app, pages and API
    for method, path, fake, kind, real_id in requests:
        response = _send(b, method, path, kind)
        where = f"{method} {path}"
        assert response.status_code < 500, (where, response.text[:300])
        assert SECRET_NOTE not in response.text, where
        assert "annabel" not in response.text, where
        if fake is not None:
            # "Not yours" is the same answer as "does not exist", down to the wording.
            twin = _send(b, method, fake, kind)
            assert response.status_code == twin.status_code, (where, response.text[-600:])
            if method == "GET" or path.startswith("/api/"):
                assert response.status_code == 404, (where, response.status_code)
            assert _without(response.text, real_id) == _without(twin.text, str(missing))
    assert _everything_of(a) == before  # B changed nothing of A's
    assert a.http.get("/api/v1/episode").json()[0]["note"] == SECRET_NOTE


def test_every_table_is_walled_by_row_level_security(person: Any, hosted_app: Any) -> None:
    a, _ids, _extra = _a_with_everything(person)
    b = person()
    b.signup("bertie")
    b.login("annabel", "a wrong password for A")  # leaves a login_limits row
    pools = hosted_app.state.tg.hosted.pools
    with pools.owner() as db:
        a_id = db.query("SELECT id FROM users WHERE name = 'annabel'")[0]["id"]
        b_id = db.query("SELECT id FROM users WHERE name = 'bertie'")[0]["id"]
        tables = [
            row["table_name"]
            for row in db.query(
                "SELECT table_name FROM information_schema.tables "
                "WHERE table_schema = current_schema() AND table_type = 'BASE TABLE'"
            )
        ]
        # A self-experiment of A's, made as the owner (the CLI's feature), with one day kept.
        experiment = db.query(
            "INSERT INTO experiments (owner_id, created_at, step, seed, pairs, block_days, "
            "washout_days, first_on, start_day, planned_analysis, power_statement) "
            "VALUES (?, now(), 'magnesium', 1, 2, 7, 2, 'on', current_date, '-', '-') "
            "RETURNING id",
            (a_id,),
        )[0]["id"]
        db.execute(
            "INSERT INTO experiment_days (experiment_id, day, kept, noted_at) "
            "VALUES (?, current_date, true, now())",
            (experiment,),
        )
        owner_counts = {t: db.query(f"SELECT count(*) AS n FROM {t}")[0]["n"] for t in tables}
        rls = {
            row["relname"]
            for row in db.query(
                "SELECT relname FROM pg_class WHERE relrowsecurity "
                "AND relnamespace = current_schema()::regnamespace"
            )
        }
    assert set(tables) <= rls, set(tables) - rls  # every table has row-level security on
    assert owner_counts["episodes"] == 1 and owner_counts["login_limits"] >= 1
    assert owner_counts["experiment_days"] == 1

    # A deliberately unscoped query, as the app's role signed in as B: none of A's rows.
    with pools.as_user(b_id) as store:
        db = store.database
        assert (
            db.query("SELECT current_user AS who")[0]["who"]
            == hosted_app.state.tg.hosted.config.app_role
        )
        for table in tables:
            rows = db.query(f"SELECT * FROM {table}")
            column = "id" if table == "users" else "owner_id"
            leaked = [row for row in rows if row.get(column) == a_id]
            assert leaked == [], table
        assert db.query("SELECT count(*) AS n FROM episodes")[0]["n"] == 0
        assert db.query("SELECT count(*) AS n FROM login_limits")[0]["n"] == 0
        assert db.query("SELECT count(*) AS n FROM experiment_days")[0]["n"] == 0
        db.execute("UPDATE episodes SET note = 'B-WAS-HERE'")  # reaches no row
        db.execute("DELETE FROM daily_factors")
        from twitchguide.errors import StoreUnavailable

        with pytest.raises(StoreUnavailable, match="may not change"):  # the policy refuses it
            db.execute(
                "INSERT INTO episodes (owner_id, created_at, updated_at, started_at, region) "
                "VALUES (?, now(), now(), now(), 'calf')",
                (a_id,),
            )
    # With no one signed in, the app role sees nothing at all.
    with pools._app.connection() as connection:
        for table in tables:
            if table != "schema_migrations":
                assert connection.execute(f"SELECT * FROM {table}").fetchall() == [], table
    assert a.http.get("/api/v1/day").json()[0]["note"] == SECRET_NOTE
    assert {e["note"] for e in a.http.get("/api/v1/episode").json()} == {SECRET_NOTE}
