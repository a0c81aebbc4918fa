"""Export and import: lossless round trip and all-or-nothing imports (CSV: tests/reports)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.store.test_records_crud import EXAMPLES
from twitchguide.diary.records import EPISODE, RECORD_KINDS
from twitchguide.errors import ImportRejected
from twitchguide.store import DiaryStore, UserSettings, open_store
from twitchguide.store.backup import export_json, import_document, import_file


def _fill(store: DiaryStore, user: UserSettings) -> None:
    for kind in RECORD_KINDS:
        store.add(kind, user, EXAMPLES[kind.name][0])
    store.add(EPISODE, user, {**EXAMPLES["episode"][0], "region": "eyelid", "note": "naïve ≥ ü"})


def _exported_elsewhere(tmp_path: Path) -> str:
    """The JSON export of a filled diary in another SQLite file."""
    source = open_store(f"sqlite:///{tmp_path / 'source.db'}")
    source_user = source.user("local", timezone="UTC")
    _fill(source, source_user)
    text = export_json(source, source_user)
    source.close()
    return text


def test_round_trip_is_identical(
    store: DiaryStore, user: UserSettings, database_url: str, tmp_path: Path
) -> None:
    _fill(store, user)
    first = export_json(store, user)
    backup = tmp_path / "backup.json"
    backup.write_text(first)

    target = open_store(f"sqlite:///{tmp_path / 'restored.db'}")
    restored_user = target.user("local", timezone="UTC")
    counts = import_file(target, restored_user, backup)
    assert sum(counts.values()) == len(RECORD_KINDS) + 1
    second = export_json(target, target.user("local"))
    target.close()
    assert second == first


def test_round_trip_into_the_same_kind_of_database(
    store: DiaryStore, user: UserSettings, request: pytest.FixtureRequest, tmp_path: Path
) -> None:
    """Restore into a second, empty database of the kind under test (PostgreSQL too)."""
    _fill(store, user)
    first = export_json(store, user)
    url: str = request.getfixturevalue("database_url")
    other_url = (
        f"sqlite:///{tmp_path / 'other.db'}" if url.startswith("sqlite") else _fresh_pg(request)
    )
    target = open_store(other_url)
    import_document(target, target.user("local", timezone="UTC"), json.loads(first))
    restored = target.user("local")
    assert export_json(target, restored) == first
    # New records after a restore get fresh ids.
    added = target.add(EPISODE, restored, EXAMPLES["episode"][0])
    assert added.stamps.id > max(e.stamps.id for e in store.list(EPISODE, user))
    target.close()


def _fresh_pg(request: pytest.FixtureRequest) -> str:
    import uuid

    import psycopg

    from tests.conftest import POSTGRES_URL

    schema = f"tg_test_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        connection.execute(f"CREATE SCHEMA {schema}")

    def drop() -> None:
        with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
            connection.execute(f"DROP SCHEMA {schema} CASCADE")

    request.addfinalizer(drop)
    return f"{POSTGRES_URL}?options=-csearch_path%3D{schema}"


def test_truncated_file_is_rejected_and_nothing_written(
    store: DiaryStore, user: UserSettings, tmp_path: Path
) -> None:
    text = _exported_elsewhere(tmp_path)
    broken = tmp_path / "broken.json"
    broken.write_text(text[: len(text) // 2])
    with pytest.raises(ImportRejected, match="not valid JSON"):
        import_file(store, user, broken)
    assert all(store.count(kind, user) == 0 for kind in RECORD_KINDS)


def test_one_bad_record_rejects_the_whole_import(
    store: DiaryStore, user: UserSettings, tmp_path: Path
) -> None:
    document = json.loads(_exported_elsewhere(tmp_path))
    document["records"]["episodes"][-1]["intensity"] = 9
    with pytest.raises(ImportRejected, match=r"records\.episodes\[1\]\.intensity"):
        import_document(store, user, document)
    assert all(store.count(kind, user) == 0 for kind in RECORD_KINDS)


@pytest.mark.parametrize(
    ("document", "message"),
    [
        ([], "not a Twitchguide export"),
        ({"format": "twitchguide-export", "version": 99, "records": {}}, "version 99"),
        ({"format": "twitchguide-export", "version": 1, "records": {"pets": []}}, "records.pets"),
        ({"format": "twitchguide-export", "version": 1, "records": {"episodes": [{}]}}, "required"),
    ],
)
def test_malformed_documents(
    store: DiaryStore, user: UserSettings, document: object, message: str
) -> None:
    with pytest.raises(ImportRejected, match=message):
        import_document(store, user, document)


def test_a_file_with_one_id_twice_is_refused(
    store: DiaryStore, user: UserSettings, tmp_path: Path
) -> None:
    document = json.loads(_exported_elsewhere(tmp_path))
    episodes = document["records"]["episodes"]
    episodes[1]["id"] = episodes[0]["id"]
    with pytest.raises(ImportRejected, match=r"episodes\[1\]: the file has two episodes with id"):
        import_document(store, user, document)
    assert all(store.count(kind, user) == 0 for kind in RECORD_KINDS)


def test_import_into_an_empty_diary_beside_another_persons(
    store: DiaryStore, user: UserSettings, tmp_path: Path
) -> None:
    # Hosted mode: ids are shared by every user, and the first person already holds 1, 2, ...
    _fill(store, user)
    theirs_before = export_json(store, user)
    backup = json.loads(_exported_elsewhere(tmp_path))

    newcomer = store.user("newcomer", timezone="UTC")
    counts = import_document(store, newcomer, backup)
    assert sum(counts.values()) == len(RECORD_KINDS) + 1
    assert export_json(store, user) == theirs_before

    def without_ids(document: dict[str, Any]) -> dict[str, Any]:
        return {
            table: [{k: v for k, v in row.items() if k != "id"} for row in rows]
            for table, rows in document["records"].items()
        }

    restored = json.loads(export_json(store, newcomer))
    assert without_ids(restored) == without_ids(backup)
    mine = {row["id"] for row in json.loads(theirs_before)["records"]["episodes"]}
    assert mine.isdisjoint(row["id"] for row in restored["records"]["episodes"])
    # New records after the import still get ids of their own.
    store.add(EPISODE, newcomer, EXAMPLES["episode"][0])
    store.add(EPISODE, user, EXAMPLES["episode"][0])
    assert store.count(EPISODE, newcomer) == 3


def test_importing_twice_is_refused(store: DiaryStore, user: UserSettings) -> None:
    _fill(store, user)
    document = json.loads(export_json(store, user))
    with pytest.raises(ImportRejected, match="already has a twitch episode with id"):
        import_document(store, user, document)
    assert store.count(EPISODE, user) == 2


def test_export_format_doc_lists_every_field() -> None:
    """docs/export-format.md must not drift from the record specs."""
    doc = (Path(__file__).parents[2] / "docs" / "export-format.md").read_text()
    for kind in RECORD_KINDS:
        for spec in kind.fields:
            required = " (required)" if spec.required else ""
            row = (
                f"| {kind.table} | `{spec.name}`{required} | {spec.kind} | "
                f"{spec.help}: {spec.allowed()} |"
            )
            assert row in doc, f"docs/export-format.md is missing or out of date: {row}"


def test_export_text_is_exactly_json_dumps_of_the_document(
    store: DiaryStore, user: UserSettings
) -> None:
    """export_json writes record by record; its bytes must not differ from the plain dump."""
    from datetime import UTC, date, datetime, timedelta

    from twitchguide.store.backup import export_document

    def plain() -> str:
        return json.dumps(export_document(store, user), indent=2, ensure_ascii=False) + "\n"

    assert export_json(store, user) == plain()  # an empty diary: every list is []
    store.add(EPISODE, user, {"started_at": datetime.now(UTC), "region": "calf", "note": 'ä\n"'})
    store.set_day(user, date.today() - timedelta(days=2), {"sleep_hours": 6.5})
    store.add(EPISODE, user, {"started_at": datetime.now(UTC), "region": "eyelid"})
    assert export_json(store, user) == plain()
