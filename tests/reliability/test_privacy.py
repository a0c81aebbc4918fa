"""Health data is readable by its owner only: the diary, its -wal/-shm files and every export
are 0600, and a folder Twitchguide makes for them is 0700."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from tests.conftest import CliRun


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.fixture
def data_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A person's data folder with no diary yet; the default diary goes inside."""
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.delenv("TWITCHGUIDE_DATABASE_URL", raising=False)
    (tmp_path / "data").mkdir()
    return tmp_path / "data"


def test_the_default_diary_and_its_folder_are_private(data_home: Path) -> None:
    from twitchguide.settings import default_database_url

    run = CliRun(default_database_url())
    old_umask = os.umask(0o022)  # the usual umask, which alone would make files 0644
    try:
        assert run("log", "calf").exit_code == 0
        folder = data_home / "twitchguide"
        assert mode(folder) == 0o700
        files = sorted(p.name for p in folder.iterdir())
        assert "diary.db" in files
        for path in folder.iterdir():
            assert mode(path) == 0o600, path.name
        # While a connection is open the -wal and -shm files exist: they are private too.
        from twitchguide.store import open_store

        store = open_store(default_database_url())
        store.user("local")
        for suffix in ("-wal", "-shm"):
            assert mode(folder / f"diary.db{suffix}") == 0o600
        store.close()
    finally:
        os.umask(old_umask)


def test_an_existing_diary_readable_by_others_is_made_private(tmp_path: Path) -> None:
    run = CliRun(f"sqlite:///{tmp_path / 'diary.db'}")
    assert run("log", "calf").exit_code == 0
    os.chmod(tmp_path / "diary.db", 0o644)
    assert run("log", "calf").exit_code == 0
    assert mode(tmp_path / "diary.db") == 0o600


def test_csv_exports_are_private(tmp_path: Path) -> None:
    run = CliRun(f"sqlite:///{tmp_path / 'diary.db'}")
    assert run("log", "calf").exit_code == 0
    folder = tmp_path / "csv"
    assert run("export", "--format", "csv", "--output", str(folder)).exit_code == 0
    assert mode(folder) == 0o700
    assert {mode(p) for p in folder.iterdir()} == {0o600}


def test_json_exports_are_private(tmp_path: Path) -> None:
    run = CliRun(f"sqlite:///{tmp_path / 'diary.db'}")
    assert run("log", "calf").exit_code == 0
    old_umask = os.umask(0o022)
    try:
        assert run("export", "--output", str(tmp_path / "backup.json")).exit_code == 0
    finally:
        os.umask(old_umask)
    assert mode(tmp_path / "backup.json") == 0o600
