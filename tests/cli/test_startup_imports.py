"""The start-up budget, guarded by what is loaded: `log` never imports the heavy libraries.

This checks which modules a real `twitchguide log` process has loaded, not how long it took.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

HEAVY = ("numpy", "yaml", "dateparser", "fastapi", "uvicorn", "jinja2", "fpdf", "pydantic")

CHILD = """
import json, sys
from twitchguide.cli import main
try:
    main(sys.argv[1:])
except SystemExit as done:
    assert done.code in (0, None), done.code
loaded = sorted({name.split(".")[0] for name in sys.modules})
print(json.dumps(loaded), file=sys.stderr)
"""


def _loaded_by(args: list[str], tmp_path: Path) -> set[str]:
    env = {
        "TWITCHGUIDE_DATABASE_URL": f"sqlite:///{tmp_path / 'diary.db'}",
        "TZ": "Europe/London",
        "PATH": "/usr/bin:/bin",
        "HOME": str(tmp_path),
    }
    done = subprocess.run(
        [sys.executable, "-c", CHILD, *args],
        capture_output=True,
        text=True,
        env=env,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    loaded: list[str] = json.loads(done.stderr.strip().splitlines()[-1])
    return set(loaded)


@pytest.mark.parametrize(
    "args",
    [
        ["log", "calf"],
        ["log", "calf", "--side", "left", "--duration", "90s", "--at", "2h ago"],
        ["log", "left calf and right thigh, about 2 minutes, after my run"],
        ["log", "calf", "--note", "and chest pain too"],
    ],
    ids=["region", "options", "plain words", "red-flag note"],
)
def test_log_loads_none_of_the_heavy_libraries(args: list[str], tmp_path: Path) -> None:
    described = ["symptom", "add", "--kind", "other", "--description", "my calf is swollen"]
    assert "twitchguide" in _loaded_by(described, tmp_path)
    loaded = _loaded_by(args, tmp_path)
    assert "twitchguide" in loaded
    assert sorted(set(HEAVY) & loaded) == []


def test_the_check_can_fail(tmp_path: Path) -> None:
    """A command that does use numpy shows up: the test is not blind."""
    _loaded_by(["log", "calf"], tmp_path)
    assert "numpy" in _loaded_by(["insights"], tmp_path)
