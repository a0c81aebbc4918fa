"""One person's diary in one database: a store bound to a (connection, user) pair.

The actions only ever hold one of these, so no call can reach another person's records: the
user is fixed when the store is opened, and every query below passes it on.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from typing import Any

from twitchguide.clock import utc_now
from twitchguide.diary.records import (
    DAILY_FACTORS,
    DailyFactors,
    Record,
    RecordKind,
    Stamps,
    record_json,
)
from twitchguide.diary.snapshot import Diary
from twitchguide.diary.validation import validate_fields
from twitchguide.errors import InvalidInput, NotFound
from twitchguide.store.diary_store import DiaryStore, UserSettings

_STAMP_KEYS = ("id", "created_at", "updated_at")


class UserStore:
    """Create, read, update, delete and undo for one person; nothing else is reachable."""

    def __init__(self, store: DiaryStore, user: UserSettings) -> None:
        self._store = store
        self.user = user

    @property
    def dialect(self) -> str:
        return self._store.database.dialect

    @property
    def whole_store(self) -> DiaryStore:
        """The store underneath, for backup's reads and writes of a whole diary at once."""
        return self._store

    def refresh(self) -> UserSettings:
        """Read the person's settings again (an import may have changed them)."""
        self.user = self._store.user(self.user.name, create=False)
        return self.user

    def close(self) -> None:
        self._store.close()

    # --- settings ---------------------------------------------------------------------------

    def update_settings(
        self,
        *,
        timezone: str | None = None,
        day_start_hour: int | None = None,
        emergency_number: str | None = None,
    ) -> UserSettings:
        self.user = self._store.update_settings(
            self.user,
            timezone=timezone,
            day_start_hour=day_start_hour,
            emergency_number=emergency_number,
        )
        return self.user

    # --- records ------------------------------------------------------------------------------

    def add(self, kind: RecordKind, values: Mapping[str, Any]) -> Record:
        return self._store.add(kind, self.user, values)

    def get(self, kind: RecordKind, record_id: int) -> Record:
        return self._store.get(kind, self.user, record_id)

    def update(self, kind: RecordKind, record_id: int, values: Mapping[str, Any]) -> Record:
        return self._store.update(kind, self.user, record_id, values)

    def list(
        self,
        kind: RecordKind,
        *,
        since: datetime | date | None = None,
        until: datetime | date | None = None,
    ) -> list[Record]:
        return self._store.list(kind, self.user, since=since, until=until)

    def count(self, kind: RecordKind) -> int:
        return self._store.count(kind, self.user)

    def load_diary(self, since: date | None = None) -> Diary:
        return self._store.load_diary(self.user, since=since)

    def load_triage_diary(self, since: date) -> Diary:
        """The recent diary reduced to what triage reads: the same facts, at any diary size."""
        return self._store.load_triage_diary(self.user, since)

    # --- days ---------------------------------------------------------------------------------

    def day(self, day: date) -> DailyFactors | None:
        found = self._store.day(self.user, day)
        assert found is None or isinstance(found, DailyFactors)
        return found

    def set_day(self, day: date, values: Mapping[str, Any]) -> DailyFactors:
        record = self._store.set_day(self.user, day, values)
        assert isinstance(record, DailyFactors)
        return record

    def add_to_day(self, day: date, amounts: Mapping[str, float]) -> DailyFactors:
        """Add to the day's totals ("one more coffee") in one statement: additions made at the
        same moment all count."""
        record = self._store.add_to_day(self.user, day, amounts)
        assert isinstance(record, DailyFactors)
        return record

    # --- delete and undo ----------------------------------------------------------------------

    def delete(self, kind: RecordKind, record_id: int) -> Record:
        """Delete a record, keeping a copy so that `restore` can bring it back."""
        database = self._store.database
        with database.transaction():
            record = self._store.delete(kind, self.user, record_id)
            database.execute(
                "INSERT INTO deleted_records (owner_id, kind, record_id, record, deleted_at) "
                "VALUES (?, ?, ?, ?, ?)",
                (
                    self.user.user_id,
                    kind.name,
                    record_id,
                    json.dumps(record_json(record)),
                    self._store._instant(utc_now()),
                ),
            )
        return record

    def restore(self, kind: RecordKind, record_id: int) -> Record:
        """Bring back a deleted record, with its id, fields and stamps as they were."""
        database = self._store.database
        with database.transaction():
            rows = database.query(
                "SELECT id, record FROM deleted_records "
                "WHERE owner_id = ? AND kind = ? AND record_id = ? ORDER BY id DESC",
                (self.user.user_id, kind.name, record_id),
            )
            if not rows:
                raise NotFound(f"there is no deleted {kind.name} with id {record_id} to restore")
            saved = json.loads(rows[0]["record"])
            fields = {key: value for key, value in saved.items() if key not in _STAMP_KEYS}
            now = self.user.now()
            values = validate_fields(kind, fields, now=now, today=self.user.today())
            full = {spec.name: values.get(spec.name) for spec in kind.fields}
            if kind is DAILY_FACTORS and self.day(values["day"]) is not None:
                raise InvalidInput(
                    "restore",
                    f"{full['day']} already has factors again; edit that day instead",
                )
            stamps = Stamps(
                id=record_id,
                owner_id=self.user.user_id,
                created_at=datetime.fromisoformat(saved["created_at"]),
                updated_at=datetime.fromisoformat(saved["updated_at"]),
            )
            free = self._store.id_owner(kind, record_id) is None
            record = self._store.insert_exact(kind, self.user, full, stamps, keep_id=free)
            database.execute("DELETE FROM deleted_records WHERE id = ?", (rows[0]["id"],))
        return record
