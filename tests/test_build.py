"""Generated files stay true: compiled rules and phrases, docs/triage.md and docs/cli.md."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).parents[1]


def test_every_generated_file_is_up_to_date() -> None:
    checked = subprocess.run(
        [sys.executable, str(ROOT / "tools" / "build.py"), "--check"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert checked.returncode == 0, checked.stdout + checked.stderr


def test_the_cli_reference_has_every_command_and_its_options() -> None:
    from twitchguide.cli import COMMANDS

    doc = (ROOT / "docs" / "cli.md").read_text(encoding="utf-8")
    for name in COMMANDS:
        assert f"## `twitchguide {name}`" in doc
    assert "## `twitchguide episode restore`" in doc
    assert "--add-caffeine" in doc
