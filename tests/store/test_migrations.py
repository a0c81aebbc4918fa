"""Schema migrations: from an empty database, and from the previous version, on both databases."""

from __future__ import annotations

from datetime import date

import pytest

from twitchguide.diary.records import RELIEF_RATING
from twitchguide.store import open_store
from twitchguide.store.database import connect
from twitchguide.store.migrations import LATEST_VERSION, MIGRATIONS, migrate, schema_version


def test_versions_are_consecutive() -> None:
    assert [version for version, _, _ in MIGRATIONS] == list(range(1, LATEST_VERSION + 1))


def test_empty_database_is_migrated_on_first_use(database_url: str) -> None:
    database = connect(database_url)
    assert schema_version(database) == 0
    database.close()
    store = open_store(database_url)
    assert schema_version(store.database) == LATEST_VERSION
    store.close()
    # Opening again is a no-op, not an error.
    again = open_store(database_url)
    assert schema_version(again.database) == LATEST_VERSION
    again.close()


def test_upgrade_from_previous_version_keeps_data(database_url: str) -> None:
    database = connect(database_url)
    assert migrate(database, target=LATEST_VERSION - 1) == LATEST_VERSION - 1
    database.execute(
        "INSERT INTO users (name, timezone, day_start_hour, created_at) VALUES (?, ?, ?, ?)",
        ("local", "UTC", 4, "2026-01-01T00:00:00+00:00"),
    )
    database.execute(
        "INSERT INTO episodes (owner_id, created_at, updated_at, started_at, region, ongoing) "
        "VALUES (1, ?, ?, ?, 'calf', ?)",
        ("2026-01-01T00:00:00+00:00",) * 3 + (False,),
    )
    database.close()

    store = open_store(database_url)
    assert schema_version(store.database) == LATEST_VERSION
    user = store.user("local", create=False)
    assert [e.region for e in store.load_diary(user).episodes] == ["calf"]
    # The table the latest migration added works.
    store.add(
        RELIEF_RATING,
        user,
        {"rated_on": date(2026, 1, 2), "strategy": "hydration", "rating": "helpful"},
    )
    assert len(store.load_diary(user).relief_ratings) == 1
    store.close()


def test_failed_migration_leaves_nothing_half_done(
    database_url: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    broken = (
        *MIGRATIONS[:1],
        (2, "broken", "CREATE TABLE half_done (id INTEGER); SELECT nonsense FROM nowhere"),
    )
    monkeypatch.setattr("twitchguide.store.migrations.MIGRATIONS", broken)
    database = connect(database_url)
    with pytest.raises(Exception):  # noqa: B017 - any database error will do
        migrate(database, target=2)
    assert schema_version(database) == 0
    database.close()
