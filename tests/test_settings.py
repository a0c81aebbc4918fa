"""Where the diary lives by default: the same folder platformdirs would choose."""

from __future__ import annotations

import platformdirs
import pytest

from twitchguide.settings import Settings, default_database_url, user_data_folder


@pytest.mark.parametrize("xdg", [None, "", "/tmp/somewhere-else"])
def test_data_folder_matches_platformdirs(monkeypatch: pytest.MonkeyPatch, xdg: str | None) -> None:
    if xdg is None:
        monkeypatch.delenv("XDG_DATA_HOME", raising=False)
    else:
        monkeypatch.setenv("XDG_DATA_HOME", xdg)
    assert user_data_folder() == platformdirs.user_data_dir("twitchguide", appauthor=False)


def test_default_database_is_a_sqlite_file_in_the_data_folder(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("TWITCHGUIDE_DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", "/tmp/xdg-data")
    assert default_database_url() == "sqlite:////tmp/xdg-data/twitchguide/diary.db"
    assert Settings.load().database_url == default_database_url()
    assert Settings.load("sqlite:///elsewhere.db").database_url == "sqlite:///elsewhere.db"
