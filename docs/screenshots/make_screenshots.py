"""Screenshots of every page at a phone (390x844) and a desktop (1280x900) width.

    .venv/bin/python docs/screenshots/make_screenshots.py

A throwaway diary of a year (the benchmarks' synthetic diary), the clock frozen at its
last evening, a real uvicorn server on loopback and Debian's Chromium. Writes the PNGs here.
"""

from __future__ import annotations

import os
import sys
import tempfile
import threading
import time
from datetime import timedelta
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT))

DAYS = 365
VIEWPORTS = {"phone": (390, 844), "desktop": (1280, 900)}
# (file name, path, what to do on the page first)
SHOTS: list[tuple[str, str, str]] = [
    ("today", "/", ""),
    ("today-quick-log", "/?region=calf&side=left", ""),
    ("diary", "/diary?since=7d", ""),
    ("diary-edit", "/diary/episode/{episode}/edit", ""),
    ("check", "/check", ""),
    ("check-questions", "/check", "questions"),
    ("check-result", "/check", "result"),
    ("insights", "/insights", ""),
    ("insights-table", "/insights#factors", "tables"),
    ("guide", "/guide", ""),
    ("guide-search", "/guide?q=does+coffee+make+twitching+worse", ""),
    ("guide-topic", "/guide/calf", ""),
    ("settings", "/settings", ""),
    ("backup", "/backup", ""),
    ("experiment", "/experiment", ""),
]


def main() -> None:
    import uvicorn
    from playwright.sync_api import sync_playwright

    from benchmarks.insights_speed import FIRST_DAY, synthetic_diary, write_to_store

    last = FIRST_DAY + timedelta(days=DAYS - 1)
    os.environ["TWITCHGUIDE_NOW"] = f"{last.isoformat()}T20:30:00+00:00"
    folder = tempfile.mkdtemp(prefix="tg-shots-")
    url = f"sqlite:///{folder}/diary.db"
    write_to_store(synthetic_diary(n_days=DAYS, per_day=2.5, seed=7), url)

    from twitchguide.diary.records import EPISODE
    from twitchguide.store import open_store
    from twitchguide.web.app import create_app

    store = open_store(url)
    user = store.user("local", create=False)
    episode = store.list(EPISODE, user)[-1].stamps.id
    store.close()

    server = uvicorn.Server(
        uvicorn.Config(create_app(url, "local"), host="127.0.0.1", port=0, log_level="warning")
    )
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    while not server.started:
        time.sleep(0.05)
    port = server.servers[0].sockets[0].getsockname()[1]
    base = f"http://127.0.0.1:{port}"

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox", "--disable-gpu"]
        )
        for tag, (width, height) in VIEWPORTS.items():
            page = browser.new_page(viewport={"width": width, "height": height})
            for name, path, action in SHOTS:
                page.goto(base + path.format(episode=episode))
                if action in ("questions", "result"):
                    page.get_by_label("What is happening?").fill(
                        "my left calf has twitched on and off for 3 weeks, worse after coffee"
                    )
                    page.get_by_role("button", name="Check").click()
                if action == "result" and page.get_by_text("See the answer").count():
                    page.get_by_role("button", name="See the answer").click()
                if action == "tables":
                    section = page.locator("#factors")
                    section.locator("summary").click()
                    section.screenshot(path=str(HERE / f"{name}-{tag}.png"))
                    continue
                page.screenshot(path=str(HERE / f"{name}-{tag}.png"), full_page=True)
            page.close()
        browser.close()
    server.should_exit = True
    thread.join(timeout=10)
    print(f"wrote {len(SHOTS) * len(VIEWPORTS)} screenshots to {HERE}")


if __name__ == "__main__":
    main()
