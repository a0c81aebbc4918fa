"""The one settings object: where the diary lives and whose it is, read once."""

from __future__ import annotations

import os
import sys

from twitchguide.value import value

DEFAULT_USER = "local"


@value(eq=False)
class Settings:
    """Process-wide settings. Per-person settings (time zone, day start) live in the store."""

    database_url: str
    user_name: str = DEFAULT_USER

    @classmethod
    def load(cls, database: str | None = None) -> Settings:
        url = database or os.environ.get("TWITCHGUIDE_DATABASE_URL") or default_database_url()
        user = os.environ.get("TWITCHGUIDE_USER") or DEFAULT_USER
        return cls(database_url=url, user_name=user)


def default_database_url() -> str:
    """A SQLite file in the person's data folder: their health data stays on their machine."""
    return f"sqlite:///{os.path.join(user_data_folder(), 'diary.db')}"


def user_data_folder() -> str:
    """platformdirs' user data folder for Twitchguide, without importing it on Linux or macOS.

    Importing platformdirs pulls in pathlib, tempfile and random, about a tenth of `log`'s
    start-up. Its rule on these systems is short, so it is followed here; a test checks that
    both give the same folder. Elsewhere platformdirs decides.
    """
    if sys.platform == "darwin":
        return os.path.expanduser("~/Library/Application Support/twitchguide")
    if os.name == "posix":
        base = os.environ.get("XDG_DATA_HOME", "").strip() or os.path.expanduser("~/.local/share")
        return os.path.join(base, "twitchguide")
    import platformdirs

    return platformdirs.user_data_dir("twitchguide", appauthor=False)


def system_timezone() -> str:
    """The machine's IANA time zone name, so the diary day matches the person's clock."""
    from zoneinfo import ZoneInfo, available_timezones

    name = os.environ.get("TZ", "").lstrip(":")
    if name:
        try:
            ZoneInfo(name)
            return name
        except (ValueError, KeyError, OSError):
            pass
    try:
        with open("/etc/timezone", encoding="utf-8") as file:
            name = file.read().strip()
        if name:
            ZoneInfo(name)
            return name
    except (OSError, ValueError, KeyError):
        pass
    try:
        target = os.path.realpath("/etc/localtime")
        marker = "zoneinfo/"
        if marker in target:
            name = target.split(marker, 1)[1]
            if name in available_timezones():
                return name
    except OSError:
        pass
    return "UTC"
