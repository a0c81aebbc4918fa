"""Eight processes write twitches and the same day's factors at once, on a diary nobody has
opened before (so they also race on the migrations): nothing is lost and no command fails."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from tests.reliability.writer_process import FACTORS
from twitchguide.diary.records import DAILY_FACTORS, EPISODE
from twitchguide.store import open_store

WRITERS = 8
ROUNDS = 3
WRITER = Path(__file__).with_name("writer_process.py")


def run_writers(database_url: str, folder: Path, writers: int = WRITERS) -> list[dict[str, object]]:
    go = folder / "go"
    env = {
        **os.environ,
        "TWITCHGUIDE_DATABASE_URL": database_url,
        "TZ": "Europe/London",
        "PYTHONPATH": str(Path(__file__).resolve().parents[2]),
    }
    processes = [
        subprocess.Popen(
            [sys.executable, str(WRITER), str(i), str(ROUNDS), str(go)],
            env=env,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for i in range(writers)
    ]
    go.write_text("go")
    results = []
    for process in processes:
        out, err = process.communicate(timeout=300)
        assert process.returncode == 0, err
        results.append(json.loads(out.strip().splitlines()[-1]) | {"stderr": err})
    return results


def test_eight_writers_on_a_never_migrated_diary_lose_nothing(
    database_url: str, tmp_path: Path
) -> None:
    results = run_writers(database_url, tmp_path)
    for result in results:
        assert set(result["statuses"]) == {0}, result  # type: ignore[arg-type]
    store = open_store(database_url)
    try:
        user = store.user("local", create=False)
        episodes = store.list(EPISODE, user)
        notes = sorted(e.note for e in episodes)  # type: ignore[attr-defined]
        expected = sorted(f"w{i}r{r}" for i in range(WRITERS) for r in range(ROUNDS))
        assert notes == expected
        days = store.list(DAILY_FACTORS, user)
        assert len(days) == 1
        assert days[0].day == user.today() - timedelta(days=1)  # type: ignore[attr-defined]
        recorded = {
            name: getattr(days[0], name)
            for name in DAILY_FACTORS.field_names
            if name not in ("day",) and getattr(days[0], name) is not None
        }
        assert len(recorded) == len(FACTORS), recorded
        assert store.count(EPISODE, user) == WRITERS * ROUNDS
        assert [u["name"] for u in store.database.query("SELECT name FROM users")] == ["local"]
    finally:
        store.close()
