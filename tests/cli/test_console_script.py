"""The installed `twitchguide` command runs as a real process, as a person would run it."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path


def _run(*args: str, database: Path) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "TWITCHGUIDE_DATABASE_URL": f"sqlite:///{database}", "TZ": "UTC"}
    return subprocess.run(
        [sys.executable, "-m", "twitchguide", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=60,
        check=False,
    )


def test_log_and_read_back_in_a_real_process(tmp_path: Path) -> None:
    database = tmp_path / "diary.db"
    logged = _run(
        "log", "calf", "--side", "left", "--duration", "90s", "--intensity", "2", database=database
    )
    assert logged.returncode == 0, logged.stderr
    listed = _run("episode", "list", "--json", database=database)
    assert json.loads(listed.stdout)[0]["duration_seconds"] == 90
    # WAL mode: the default embedded store stays readable while written.
    mode = subprocess.run(
        [
            sys.executable,
            "-c",
            f"import sqlite3; con = sqlite3.connect({str(database)!r}); "
            "print(con.execute('PRAGMA journal_mode').fetchone()[0])",
        ],
        capture_output=True,
        text=True,
        check=True,
    )
    assert mode.stdout.strip() == "wal"


def test_bad_input_exits_non_zero_without_a_traceback(tmp_path: Path) -> None:
    result = _run("log", "calf", "--intensity", "9", database=tmp_path / "diary.db")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "Error: intensity: '9' is not allowed; use a whole number from 1 to 5"
    )
