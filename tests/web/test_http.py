"""The web app over ASGI on SQLite and PostgreSQL: pages, forms, the API, errors, protection."""

from __future__ import annotations

import json
import re

import pytest

from tests.web.conftest import Browser, csrf_of, make_app

PAGES = ["/", "/diary", "/check", "/insights", "/guide", "/guide/sources", "/settings", "/backup"]


@pytest.mark.parametrize("path", PAGES)
def test_every_page_renders_with_landmarks(sqlite_client: Browser, path: str) -> None:
    page = sqlite_client.get(path)
    assert page.status_code == 200
    html = page.text
    assert '<html lang="en">' in html
    for landmark in ("<header", "<nav", "<main", "<footer"):
        assert landmark in html
    assert "call emergency services" in html.lower()


def test_logging_from_the_body_map_lands_in_the_diary(client: Browser) -> None:
    tapped = client.get("/?region=calf&side=left")
    assert 'name="region" value="calf"' in tapped.text
    assert 'value="left" checked' in tapped.text
    saved = client.form("/log", {"region": "calf", "side": "left", "intensity": "2"})
    assert saved.status_code == 303
    episode_id = int(re.search(r"logged=(\d+)", saved.headers["location"]).group(1))
    episode = client.api("GET", f"/api/v1/episode/{episode_id}").json()
    assert (episode["region"], episode["side"], episode["intensity"]) == ("calf", "left", 2)
    today = client.get(saved.headers["location"]).text
    assert "Logged: " in today and "calf, left" in today


def test_still_going_is_an_ongoing_twitch(client: Browser) -> None:
    client.form("/log", {"region": "eyelid", "duration": "ongoing", "intensity": "1"})
    (episode,) = client.api("GET", "/api/v1/episode").json()
    assert episode["ongoing"] is True and episode["duration_seconds"] is None


def test_coffee_and_water_add_to_the_day(client: Browser) -> None:
    for _ in range(2):
        client.form("/today/add", {"what": "coffee"})
    fragment = client.form("/today/add", {"what": "water"}, headers={"HX-Request": "true"})
    assert "190 mg" in fragment.text and "0.25 litres" in fragment.text
    (day,) = client.api("GET", "/api/v1/day").json()
    assert day["caffeine_mg"] == 190 and day["water_litres"] == 0.25
    api = client.api("POST", "/api/v1/today/add", {"what": "water"}).json()
    assert api["water_litres"] == 0.5


def test_edit_delete_and_undo(client: Browser) -> None:
    created = client.api("POST", "/api/v1/episode", {"region": "thigh", "intensity": 3}).json()
    edit = client.get(f"/diary/episode/{created['id']}/edit")
    assert edit.status_code == 200 and 'value="3"' in edit.text
    client.form(f"/diary/episode/{created['id']}", {"intensity": "4", "note": "after a run"})
    assert client.api("GET", f"/api/v1/episode/{created['id']}").json()["intensity"] == 4
    deleted = client.form(f"/diary/episode/{created['id']}/delete")
    assert client.api("GET", f"/api/v1/episode/{created['id']}").status_code == 404
    assert deleted.headers["location"] == f"/diary?undo=episode:{created['id']}"
    page = client.get(deleted.headers["location"]).text
    assert "Undo" in page and f'name="record_id" value="{created["id"]}"' in page
    undo = {"kind": "episode", "record_id": str(created["id"])}
    client.form("/diary/undo", undo)
    back = client.api("GET", f"/api/v1/episode/{created['id']}").json()
    assert back == {
        **created,
        "intensity": 4,
        "note": "after a run",
        "updated_at": back["updated_at"],
    }
    again = client.form("/diary/undo", undo)
    assert again.status_code == 404


def test_diary_filters_by_kind(client: Browser) -> None:
    client.api("POST", "/api/v1/episode", {"region": "calf"})
    client.api("POST", "/api/v1/medication", {"name": "magnesium", "started_on": "2026-01-05"})
    only = client.get("/diary?kind=medication").text
    assert "magnesium" in only and "calf" not in only.split("<main", 1)[1].split("Add:")[1]


def test_check_from_free_text_asks_then_answers(client: Browser) -> None:
    asked = client.form("/check", {"text": "my left calf has twitched for 3 weeks"})
    assert asked.status_code == 200 and "A few questions" in asked.text
    answers = {k: "no" for k in re.findall(r'name="q_(\w+)" value="no"', asked.text)}
    assert answers, "at least one yes/no question"
    result = client.form(
        "/check",
        {"text": "my left calf has twitched for 3 weeks", "step": "answers",
         **{f"q_{k}": v for k, v in answers.items()}},
    )  # fmt: skip
    assert "Why" in result.text and "What to watch for" in result.text and "Sources" in result.text
    assert "By when:" in result.text
    ticked = client.form(
        "/check",
        {"text": "my left calf has twitched for 3 weeks", "step": "answers",
         **{f"q_{k}": "yes" for k in answers}},
    )  # fmt: skip
    assert "Emergency" in ticked.text and "Call emergency services now" in ticked.text


def test_an_emergency_says_call_emergency_services(client: Browser) -> None:
    client.api("PUT", "/api/v1/settings", {"emergency_number": "112"})
    result = client.form("/check", {"text": "my face is drooping on one side and I slur my words"})
    text = result.text
    assert "Emergency" in text and "Call emergency services now (112)" in text


def test_banner_shows_above_self_care_with_a_link_to_why(client: Browser) -> None:
    assert 'class="banner' not in client.get("/").text
    client.api("POST", "/api/v1/symptom", {"kind": "trouble_swallowing"})
    page = client.get("/").text
    assert 'class="banner level-' in page and 'href="/check/diary"' in page
    assert "call emergency services now" in page.lower()


def test_api_errors_have_one_shape_naming_the_field(client: Browser) -> None:
    bad = client.api("POST", "/api/v1/episode", {"region": "calf", "intensity": 9})
    assert bad.status_code == 422
    assert bad.json()["error"]["field"] == "intensity"
    wrong_word = client.api("POST", "/api/v1/episode", {"region": "elbowz"})
    assert wrong_word.json()["error"]["field"] == "region"
    number_as_date = client.api("POST", "/api/v1/episode", {"region": "calf", "started_at": 1})
    assert number_as_date.status_code == 422
    assert number_as_date.json()["error"]["field"] == "started_at"
    future = client.api(
        "POST", "/api/v1/episode", {"region": "calf", "started_at": "2999-01-01T00:00:00Z"}
    )
    assert future.status_code == 422 and future.json()["error"]["field"] == "started_at"
    missing = client.api("GET", "/api/v1/episode/999999")
    assert missing.status_code == 404 and set(missing.json()["error"]) == {
        "field",
        "problem",
        "message",
    }
    assert client.get("/no/such/page").status_code == 404


def test_every_record_kind_through_the_api(client: Browser) -> None:
    bodies = {
        "episode": {"region": "calf", "side": "left"},
        "day": {"day": "2026-11-02", "sleep_hours": 6.5},
        "medication": {"name": "salbutamol", "started_on": "2026-11-01", "kind": "medicine"},
        "symptom": {"kind": "cramps", "region": "calf"},
        "strength": {"grip_left_1": 30, "grip_left_2": 31, "grip_left_3": 30},
        "relief": {"rated_on": "2026-11-02", "strategy": "hydration", "rating": "helpful"},
    }
    for kind, body in bodies.items():
        made = client.api("POST", f"/api/v1/{kind}", body)
        assert made.status_code == 201, (kind, made.text)
        record_id = made.json()["id"]
        changed = client.api(
            "PATCH",
            f"/api/v1/{kind}/{record_id}",
            {"note": "x"} if kind not in ("symptom",) else {"description": "x"},
        )
        assert changed.status_code == 200, (kind, changed.text)
        assert [r["id"] for r in client.api("GET", f"/api/v1/{kind}").json()] == [record_id]
        assert client.api("DELETE", f"/api/v1/{kind}/{record_id}").status_code == 200
        assert client.api("GET", f"/api/v1/{kind}").json() == []


def test_guide_check_insights_and_plan_in_the_api(client: Browser) -> None:
    topics = client.api("GET", "/api/v1/guide/topics").json()
    assert (
        topics and client.api("GET", f"/api/v1/guide/topics/{topics[0]['id']}").status_code == 200
    )
    hits = client.api("GET", "/api/v1/guide/search?q=coffee").json()["hits"]
    assert hits and hits[0]["sources"]
    check = client.api("POST", "/api/v1/check", {"text": "eyelid twitching for two days"}).json()
    assert check["result"]["level"] in ("self_care", "routine")
    assert client.api("GET", "/api/v1/insights").json()["headline"]
    assert client.api("GET", "/api/v1/plan").json()["items"]


def test_csrf_is_needed_for_every_change(sqlite_client: Browser) -> None:
    http = sqlite_client.http
    assert http.post("/log", data={"region": "calf"}).status_code == 403
    assert http.post("/api/v1/episode", json={"region": "calf"}).status_code == 403
    wrong = http.post(
        "/api/v1/episode", json={"region": "calf"}, headers={"X-CSRF-Token": "x" * 64}
    )
    assert wrong.status_code == 403 and wrong.json()["error"]["field"] == "csrf_token"
    other = Browser(http.app)  # another browser's token is not this one's
    stolen = http.post(
        "/api/v1/episode", json={"region": "calf"}, headers={"X-CSRF-Token": other.token + "0"}
    )
    assert stolen.status_code == 403
    assert sqlite_client.api("GET", "/api/v1/episode").json() == []
    form_token = csrf_of(sqlite_client.get("/").text)
    assert form_token == sqlite_client.token


def test_security_headers_and_no_outside_origin(sqlite_client: Browser) -> None:
    page = sqlite_client.get("/")
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert "default-src 'none'" in policy
    assert page.headers["x-content-type-options"] == "nosniff"
    assert page.headers["cache-control"] == "no-store"
    html = page.text
    assert "<script>" not in html and " on" + "click=" not in html
    assert not re.search(r'(src|href)="(https?:)?//', html), "every asset is served locally"
    cookie = page.headers.get("set-cookie", "") or sqlite_client.http.get(
        "/api/v1/ping"
    ).headers.get("set-cookie", "")
    for path in ("/docs", "/redoc"):
        assert sqlite_client.get(path).status_code == 404
    assert sqlite_client.get("/api/openapi.json").json()["openapi"].startswith("3.")
    del cookie


def test_session_cookie_is_httponly_and_strict(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    fresh = TestClient(make_app(f"sqlite:///{tmp_path / 'd.db'}"))
    cookie = fresh.get("/").headers["set-cookie"]
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie


def test_lan_access_code_is_needed_then_kept_in_a_cookie(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from fastapi.testclient import TestClient

    app = make_app(f"sqlite:///{tmp_path / 'd.db'}", access_code="s3cret-code-for-test")
    phone = TestClient(app)  # its client address is not this machine's loopback
    locked = phone.get("/")
    assert locked.status_code == 401 and "Open the link shown on the computer" in locked.text
    assert phone.get("/api/v1/episode").status_code == 401
    assert phone.get("/?access=wrong").status_code == 401
    opened = phone.get("/?access=s3cret-code-for-test", follow_redirects=False)
    assert opened.status_code == 303 and opened.headers["location"] == "/"
    cookies = opened.headers.get_list("set-cookie")
    access = next(c for c in cookies if c.startswith("tg_access="))
    assert "HttpOnly" in access and "SameSite=Strict" in access
    assert phone.get("/").status_code == 200
    assert phone.get("/api/v1/episode").status_code == 200


def test_reminder_is_an_rfc5545_calendar(sqlite_client: Browser) -> None:
    ics = sqlite_client.get("/settings/reminder.ics?time=07:30")
    assert ics.headers["content-type"].startswith("text/calendar")
    lines = ics.text.split("\r\n")
    assert lines[0] == "BEGIN:VCALENDAR" and lines[-2] == "END:VCALENDAR" and lines[-1] == ""
    assert "RRULE:FREQ=DAILY" in lines and "VERSION:2.0" in lines
    assert any(line.startswith("DTSTART:") and line.endswith("T073000") for line in lines)
    assert all(len(line.encode()) <= 75 for line in lines)
    assert sqlite_client.get("/settings/reminder.ics?time=25:99").status_code == 422


def test_settings_form_changes_settings(client: Browser) -> None:
    client.form(
        "/settings",
        {"timezone": "America/New_York", "day_start_hour": "5", "emergency_number": "911"},
    )
    assert client.api("GET", "/api/v1/settings").json() == {"user": "local",
        "timezone": "America/New_York", "day_start_hour": 5, "emergency_number": "911"
    }  # fmt: skip
    assert "call emergency services now</strong> (911)" in client.get("/diary").text
    bad = client.form("/settings", {"timezone": "Mars/Olympus"})
    assert bad.status_code == 422 and "timezone" in bad.text


def test_export_then_import_elsewhere(client: Browser, tmp_path) -> None:  # type: ignore[no-untyped-def]
    client.api("POST", "/api/v1/episode", {"region": "calf", "intensity": 2})
    client.form("/today/add", {"what": "coffee"})
    exported = client.get("/backup/export.json")
    assert exported.headers["content-disposition"].startswith("attachment")
    elsewhere = Browser(make_app(f"sqlite:///{tmp_path / 'other.db'}"))
    done = elsewhere.http.post(
        "/backup/import",
        data={"csrf_token": elsewhere.token},
        files={"file": ("backup.json", exported.content, "application/json")},
        follow_redirects=False,
    )
    assert done.status_code == 303 and done.headers["location"] == "/backup?imported=2"
    assert [e["region"] for e in elsewhere.api("GET", "/api/v1/episode").json()] == ["calf"]
    broken = elsewhere.http.post(
        "/backup/import",
        data={"csrf_token": elsewhere.token},
        files={"file": ("x.json", b"{not json", "application/json")},
    )
    assert broken.status_code == 422 and "file" in broken.text
    assert json.loads(elsewhere.api("GET", "/api/v1/export").text)["records"]["episodes"]


def test_manifest_and_icons_and_no_service_worker(sqlite_client: Browser) -> None:
    manifest = sqlite_client.get("/manifest.webmanifest").json()
    assert manifest["display"] == "standalone"
    for icon in manifest["icons"]:
        assert sqlite_client.get(icon["src"]).status_code == 200
    assert "serviceWorker" not in sqlite_client.get("/static/app.js").text


def test_a_second_record_of_factors_for_one_day_is_refused_clearly(client: Browser) -> None:
    first = client.api("POST", "/api/v1/day", {"day": "2026-11-02", "sleep_hours": 7})
    again = client.api("POST", "/api/v1/day", {"day": "2026-11-02", "stress": 2})
    assert again.status_code == 422 and again.json()["error"]["field"] == "day"
    other = client.api("POST", "/api/v1/day", {"day": "2026-11-03", "stress": 2}).json()
    moved = client.api("PATCH", f"/api/v1/day/{other['id']}", {"day": "2026-11-02"})
    assert (
        moved.status_code == 422 and "already has its factors" in moved.json()["error"]["problem"]
    )
    assert (
        client.api("PATCH", f"/api/v1/day/{first.json()['id']}", {"day": "2026-11-02"}).status_code
        == 200
    )


def test_a_405_names_every_method_the_path_takes(sqlite_client: Browser) -> None:
    answer = sqlite_client.http.request("PUT", "/api/v1/episode")
    assert answer.status_code == 405 and answer.headers["allow"] == "GET, POST"


def test_the_doctor_report_downloads_as_a_pdf(client: Browser) -> None:
    import io

    from pypdf import PdfReader

    client.api("POST", "/api/v1/episode", {"region": "calf", "side": "left", "intensity": 2})
    got = client.get("/report?since=30d&paper=letter")
    assert got.status_code == 200
    assert got.headers["content-type"] == "application/pdf"
    assert got.headers["content-disposition"].startswith('attachment; filename="twitch-report-')
    reader = PdfReader(io.BytesIO(got.content))
    first = reader.pages[0]
    assert round(float(first.mediabox.width)) == 612  # US Letter
    assert "Weakness" in first.extract_text()
    assert 'action="/report"' in client.get("/backup").text
    refused = client.get("/report?paper=a3")
    assert refused.status_code == 422 and "paper" in refused.text


def test_a_self_experiment_from_start_to_a_kept_day(
    client: Browser, monkeypatch: pytest.MonkeyPatch
) -> None:
    from datetime import UTC, datetime, timedelta

    now = datetime(2026, 11, 28, 12, tzinfo=UTC)
    monkeypatch.setenv("TWITCHGUIDE_NOW", now.isoformat())
    assert "Start an experiment" in client.get("/experiment").text
    started = client.form("/experiment/start", {"step": "caffeine_off"})
    assert started.status_code == 303 and started.headers["location"] == "/experiment?started=1"
    planned = client.get("/experiment?started=1").text
    assert "is planned" in planned and "starts tomorrow, on 2026-11-29" in planned
    assert "Start an experiment" not in planned
    monkeypatch.setenv("TWITCHGUIDE_NOW", (now + timedelta(days=2)).isoformat())
    day_two = client.get("/experiment").text
    assert "Day 2 of" in day_two and "I did that today" in day_two
    assert client.form("/experiment/today", {"kept": "maybe"}).status_code == 422
    assert client.form("/experiment/today", {"kept": "yes"}).status_code == 303
    assert "Noted: you did it today" in client.get("/experiment").text
    refused = client.form("/experiment/start", {"step": "ibuprofen"})
    assert refused.status_code == 422 and "step" in refused.text
