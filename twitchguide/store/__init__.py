"""Storage: SQLite by default, PostgreSQL for many users; plain SQL, versioned migrations."""

from twitchguide.store.diary_store import DiaryStore, UserSettings, open_store

__all__ = ["DiaryStore", "UserSettings", "open_store"]
