"""Atomic, private file writes: the old file survives a failed write, and nothing half-written."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from twitchguide.errors import InvalidInput
from twitchguide.files import write_atomically


def test_writes_the_file_readable_by_its_owner_only(tmp_path: Path) -> None:
    target = write_atomically(tmp_path / "backup.json", "{}\n")
    assert target.read_text() == "{}\n"
    assert stat.S_IMODE(target.stat().st_mode) == 0o600
    assert os.listdir(tmp_path) == ["backup.json"]


def test_a_failed_write_keeps_the_previous_file(tmp_path: Path) -> None:
    """A file-size limit stands in for a full disk: the write fails part-way."""
    target = tmp_path / "backup.json"
    target.write_text("good backup")
    child = f"""
import resource, signal
from twitchguide.errors import InvalidInput
from twitchguide.files import write_atomically
signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, 4096))
try:
    write_atomically({str(target)!r}, "x" * 100_000)
except InvalidInput as error:
    print(error)
"""
    done = subprocess.run([sys.executable, "-c", child], capture_output=True, text=True, check=True)
    assert "larger than this system allows; the previous file is unchanged" in done.stdout
    assert target.read_text() == "good backup"
    assert os.listdir(tmp_path) == ["backup.json"]


def test_a_missing_folder_or_a_folder_target_is_one_clear_message(tmp_path: Path) -> None:
    with pytest.raises(InvalidInput, match="does not exist"):
        write_atomically(tmp_path / "missing" / "backup.json", "x")
    with pytest.raises(InvalidInput, match="is a folder"):
        write_atomically(tmp_path, "x")
