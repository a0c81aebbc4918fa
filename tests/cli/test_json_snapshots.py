"""Snapshots of every reading command's `--json` on one fixed diary, on SQLite and PostgreSQL.

A change to any shape, or to what the analysis says, shows up as a reviewable diff of the files
in tests/cli/snapshots/. After a deliberate change, rewrite them with
    TWITCHGUIDE_UPDATE_SNAPSHOTS=1 python -m pytest tests/cli/test_json_snapshots.py
and read the diff before committing.
"""

from __future__ import annotations

import json
import os
import random
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner

from twitchguide.actions import diary, records
from twitchguide.actions.context import ActionContext
from twitchguide.cli import main
from twitchguide.diary.records import MEDICATION, RELIEF_RATING, STRENGTH, SYMPTOM
from twitchguide.store import open_store
from twitchguide.store.user_store import UserStore

SNAPSHOTS = Path(__file__).parent / "snapshots"
NOW = datetime(2026, 11, 28, 12, tzinfo=UTC)
ZONE = "Europe/London"
UPDATE = os.environ.get("TWITCHGUIDE_UPDATE_SNAPSHOTS") == "1"

READING_COMMANDS: dict[str, list[str]] = {
    "diary": ["diary", "--since", "14d", "--json"],
    "episode-list": ["episode", "list", "--since", "7d", "--json"],
    "episode-show": ["episode", "show", "1", "--json"],
    "factors-list": ["factors", "list", "--since", "7d", "--json"],
    "medication-list": ["medication", "list", "--json"],
    "symptom-list": ["symptom", "list", "--json"],
    "strength-list": ["strength", "list", "--json"],
    "relief-list": ["relief", "list", "--json"],
    "settings": ["settings", "--json"],
    "insights": ["insights", "--json"],
    "insights-30d": ["insights", "--since", "30d", "--json"],
    "plan": ["plan", "--json"],
    "check-text": ["check", "--text", "left calf twitching for 3 weeks, no weakness", "--json"],
    "check-diary": ["check", "--with-diary", "--answers", "-", "--json"],
    "guide-topics": ["guide", "--json"],
    "guide-topic": ["guide", "calf", "--json"],
    "guide-search": ["guide", "search", "why does my eye keep twitching", "--json"],
    "export": ["export", "--format", "json"],
}
STDIN = {"check-diary": '{"weakness": false}'}


def _fill(url: str) -> None:
    """Ninety days of a made-up but plausible diary, the same every time."""
    chance = random.Random(20261128)
    store = open_store(url)
    user = store.user("local", timezone=ZONE)
    with ActionContext(UserStore(store, user)) as ctx:
        for back in range(90, 0, -1):
            day = NOW - timedelta(days=back)
            caffeine = chance.choice([0, 100, 200, 300])
            sleep = chance.choice([5.5, 6, 7, 8])
            diary.set_day(
                ctx,
                day.date().isoformat(),
                {
                    "sleep": str(sleep),
                    "caffeine": str(caffeine),
                    "stress": str(chance.randint(1, 5)),
                },
            )
            for _ in range(chance.randint(0, 1 + caffeine // 100)):
                at = day.replace(hour=chance.randint(8, 22), minute=chance.randint(0, 59))
                region = chance.choice(["calf", "calf", "eyelid", "thigh"])
                side = chance.choice(["left", "right"])
                diary.log_episodes(
                    ctx, region, {"side": side, "started_at": at.isoformat(), "duration": "30s"}
                )
            if back % 7 == 0:
                grip = [str(30 + chance.random()) for _ in range(6)]
                records.add_record(
                    ctx,
                    STRENGTH,
                    {
                        "checked_at": day.replace(hour=9).isoformat(),
                        **{f"grip_left_{n}": grip[n - 1] for n in (1, 2, 3)},
                        **{f"grip_right_{n}": grip[n + 2] for n in (1, 2, 3)},
                    },
                )
        start = (NOW - timedelta(days=60)).date().isoformat()
        course = {"name": "magnesium", "kind": "supplement", "started_on": start}
        records.add_record(ctx, MEDICATION, course)
        cramps_at = (NOW - timedelta(days=3)).isoformat()
        records.add_record(
            ctx, SYMPTOM, {"kind": "cramps", "region": "calf", "noted_at": cramps_at}
        )
        records.add_record(ctx, RELIEF_RATING, {"strategy": "hydration", "rating": "somewhat"})


@pytest.fixture
def frozen_diary(database_url: str, monkeypatch: pytest.MonkeyPatch) -> str:
    monkeypatch.setenv("TWITCHGUIDE_NOW", NOW.isoformat())
    _fill(database_url)
    return database_url


def _run(url: str, args: list[str], stdin: str | None) -> str:
    runner = CliRunner()
    env = {"TWITCHGUIDE_DATABASE_URL": url, "TZ": ZONE, "TWITCHGUIDE_NOW": NOW.isoformat()}
    with runner.isolation(input=stdin, env=env) as (out, err, _both):
        try:
            main(args)
        except SystemExit as done:
            assert done.code in (0, None), err.getvalue().decode()
    return out.getvalue().decode()


def test_every_reading_command_has_a_snapshot() -> None:
    from twitchguide.cli import COMMANDS

    reading = {"diary", "settings", "insights", "plan", "check", "guide", "export",
               "episode", "factors", "medication", "symptom", "strength", "relief"}  # fmt: skip
    covered = {args[0] for args in READING_COMMANDS.values()}
    assert reading <= covered
    assert covered <= set(COMMANDS)


def test_json_output_matches_the_snapshots(frozen_diary: str) -> None:
    changed = []
    for name, args in READING_COMMANDS.items():
        data = json.loads(_run(frozen_diary, args, STDIN.get(name)))
        text = json.dumps(data, indent=2, ensure_ascii=False, sort_keys=False) + "\n"
        path = SNAPSHOTS / f"{name}.json"
        if UPDATE:
            path.write_text(text, encoding="utf-8")
        elif not path.exists() or path.read_text(encoding="utf-8") != text:
            changed.append(name)
    assert changed == [], (
        f"--json output changed for {changed}; if that is intended, rewrite the snapshots with "
        "TWITCHGUIDE_UPDATE_SNAPSHOTS=1 and review the diff"
    )
