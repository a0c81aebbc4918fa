"""Pinned terminal pages: a change to how the eyelid, calf or doctor pages read shows up as a diff.

Regenerate after a deliberate content change with:
    TWITCHGUIDE_UPDATE_SNAPSHOTS=1 .venv/bin/pytest tests/guide/test_guide_snapshots.py
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from click.testing import CliRunner

from twitchguide.cli import cli

SNAPSHOTS = Path(__file__).parent / "snapshots"


@pytest.mark.parametrize("topic_id", ["eyelid", "calf", "when-to-see-a-doctor"])
def test_terminal_page_matches_snapshot(topic_id: str) -> None:
    # A fixed width, so wrapping does not depend on the terminal running the tests.
    result = CliRunner().invoke(cli, ["guide", topic_id], env={"COLUMNS": "90"}, color=False)
    assert result.exit_code == 0, result.output
    snapshot = SNAPSHOTS / f"{topic_id}.txt"
    if os.environ.get("TWITCHGUIDE_UPDATE_SNAPSHOTS") == "1":
        snapshot.write_text(result.output, encoding="utf-8")
    assert result.output == snapshot.read_text(encoding="utf-8")
