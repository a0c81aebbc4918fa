"""The app in Debian's Chromium at a phone and a desktop size, as a person uses it, with axe.

One browser for the session and one page per viewport, reused by every test here in order:
log from the body map, find it in the diary, edit, delete, undo, coffee, check, insights,
guide search, export and import, then axe over every page.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web.conftest import VIEWPORTS

PAGES = [
    "/", "/?region=calf", "/diary", "/check", "/insights", "/guide", "/guide?q=coffee",
    "/guide/sources", "/settings", "/backup", "/experiment", "/diary/new/episode", "/check/diary",
]  # fmt: skip


@pytest.fixture(scope="module", params=list(VIEWPORTS))
def page(request: pytest.FixtureRequest, chromium: Any, live_server: str) -> Iterator[Any]:
    context = chromium.new_context(
        viewport=VIEWPORTS[request.param], base_url=live_server, accept_downloads=True
    )
    opened = context.new_page()
    errors: list[str] = []
    opened.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.viewport_name = request.param
    opened.console_errors = errors
    yield opened
    context.close()


def note_of(page: Any) -> str:
    return f"browser test {page.viewport_name}"


def log_calf(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name="Calf", exact=True).click()  # tap 1: the place
    page.get_by_text("2 light").click()  # tap 2: how strong
    page.get_by_role("button", name="Log this twitch").click()  # tap 3: save


def test_log_an_episode_from_the_body_map_in_three_taps(page: Any) -> None:
    log_calf(page)
    status = page.get_by_role("status")
    assert "Logged: " in status.inner_text() and "calf" in status.inner_text()
    assert page.locator("#today-list li").filter(has_text="intensity 2/5").count() >= 1


def test_a_region_on_the_figure_with_its_side(page: Any) -> None:
    page.goto("/")
    page.get_by_role("link", name="Left thigh (front)").click()
    assert page.get_by_label("Left").is_checked()
    page.get_by_text("3 clear").click()
    page.get_by_text("a burst").click()
    page.get_by_role("button", name="Log this twitch").click()
    assert "thigh, left" in page.get_by_role("status").inner_text()


def test_see_it_in_the_diary_edit_delete_and_undo(page: Any) -> None:
    page.goto("/diary?kind=episode")
    first = page.locator("li.record").first
    assert "thigh, left" in first.inner_text()
    first.get_by_role("link", name=re.compile("^Edit")).click()
    page.get_by_label("A note in your own words").fill(note_of(page))
    page.get_by_role("button", name="Save").click()
    assert "Saved." in page.get_by_role("status").inner_text()
    mine = page.locator("li.record", has_text=note_of(page))
    assert mine.count() == 1
    mine.get_by_role("button", name=re.compile("^Delete")).click()
    assert "Deleted." in page.get_by_role("status").inner_text()
    assert page.locator("li.record", has_text=note_of(page)).count() == 0
    page.get_by_role("button", name="Undo").click()
    assert "Put back." in page.get_by_role("status").inner_text()
    assert page.locator("li.record", has_text=note_of(page)).count() == 1


def test_add_a_coffee_to_today(page: Any) -> None:
    page.goto("/")
    total = page.locator('[data-total="caffeine"]')
    before = total.inner_text()
    page.get_by_role("button", name="+ One more coffee").click()
    page.wait_for_function(
        "before => document.querySelector('[data-total=\"caffeine\"]').innerText !== before",
        arg=before,
    )
    after = total.inner_text()
    start = 0 if before == "none logged" else int(before.split()[0])
    assert after == f"{start + 95} mg"
    assert "Added one coffee" in page.locator("#totals").inner_text()


def test_a_free_text_check_to_the_level_and_reasons(page: Any) -> None:
    page.goto("/check")
    page.get_by_label("What is happening?").fill(
        "my left calf has twitched on and off for 3 weeks, worse after coffee"
    )
    page.get_by_role("button", name="Check").click()
    if page.get_by_role("heading", name="A few questions").count():
        assert "Most people tick none" in page.locator("main").inner_text()
        assert serious_violations(page) == []
        page.get_by_role("button", name="See the answer").click()
    titles = ("Self-care", "Book a routine appointment", "See a doctor soon")
    assert page.locator("#result-title").inner_text() in titles
    assert page.get_by_role("heading", name="Why").is_visible()
    assert page.locator("#why-title + ul li").count() >= 1
    assert page.get_by_role("heading", name="What to watch for").is_visible()
    assert page.get_by_role("heading", name="Sources").is_visible()
    assert serious_violations(page) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= page.viewport_size["width"]


def test_insights_with_charts_and_their_table_views(page: Any) -> None:
    log_calf(page)  # at least one twitch today, whatever ran before
    page.goto("/insights")
    for chart in ("calendar", "bodymap", "factors", "strength"):
        section = page.locator(f"#{chart}")
        assert section.locator("svg").count() == 1
        assert section.locator(".chart-summary").inner_text().strip()
        section.get_by_text("Show as a table").click()
        assert section.locator("table, .table-view p").first.is_visible()
    calendar_rows = page.locator("#calendar table tbody tr")
    assert calendar_rows.count() >= 1
    assert page.locator("#bodymap table").inner_text().count("calf") >= 1
    assert page.get_by_role("heading", name="Your relief plan").is_visible()


def test_a_guide_search(page: Any) -> None:
    page.goto("/guide")
    page.get_by_label("Search the guide").fill("does coffee make twitching worse")
    page.get_by_role("button", name="Search").click()
    hits = page.locator("ol.hits > li")
    assert hits.count() >= 1
    hits.first.get_by_role("link").click()
    assert page.get_by_role("heading", name="Sources").is_visible()


def test_export_and_import_it(page: Any, tmp_path: Path, empty_server: str) -> None:
    import json

    page.goto("/backup")
    with page.expect_download() as download:
        page.get_by_role("link", name="Download my diary (JSON)").click()
    saved = tmp_path / "backup.json"
    download.value.save_as(saved)
    records = json.loads(saved.read_text(encoding="utf-8"))["records"]
    total = sum(len(rows) for rows in records.values())
    assert records["episodes"]
    page.goto(empty_server + "/backup")
    page.get_by_label("Export file").set_input_files(saved)
    page.get_by_role("button", name="Import").click()
    assert f"Imported {total} records." in page.get_by_role("status").inner_text()
    page.goto(empty_server + "/diary?kind=episode")
    assert page.locator("li.record", has_text="calf").count() >= 1
    # The same file again: refused whole, with the reason, nothing written twice.
    page.goto(empty_server + "/backup")
    page.get_by_label("Export file").set_input_files(saved)
    page.get_by_role("button", name="Import").click()
    assert "already has" in page.get_by_role("alert").inner_text()


def serious_violations(page: Any) -> list[str]:
    """axe-core's serious and critical findings on the page as it is now."""
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [
        f"{v['id']} ({v['impact']}): {v['nodes'][0]['target']}"
        for v in results.response["violations"]
        if v["impact"] in ("serious", "critical")
    ]


def test_no_serious_accessibility_violations_on_any_page(page: Any) -> None:
    found = {}
    for path in PAGES:
        page.goto(path)
        bad = serious_violations(page)
        if bad:
            found[path] = bad
    assert found == {}


def test_no_console_errors_no_outside_requests_no_sideways_scroll(
    page: Any, live_server: str
) -> None:
    page.console_errors.clear()  # earlier tests answered some requests with 4xx on purpose
    outside: list[str] = []
    page.on(
        "request", lambda r: outside.append(r.url) if not r.url.startswith(live_server) else None
    )
    too_wide = {}
    for path in PAGES:
        page.goto(path)
        width = page.evaluate("document.documentElement.scrollWidth")
        if width > page.viewport_size["width"]:
            too_wide[path] = width
    assert outside == []
    assert page.console_errors == []
    assert too_wide == {}, "no page scrolls sideways"
