"""The diary store: users, their settings, and create/read/update/delete for every kind."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import UTC, date, datetime
from itertools import chain, groupby
from typing import Any
from zoneinfo import ZoneInfo

from twitchguide.clock import utc_now
from twitchguide.diary.localday import DEFAULT_DAY_START_HOUR, day_bounds, diary_day
from twitchguide.diary.records import (
    DAILY_FACTORS,
    EPISODE,
    MEDICATION,
    RECORD_KINDS,
    RELIEF_RATING,
    STRENGTH,
    SYMPTOM,
    FieldSpec,
    Record,
    RecordKind,
    Stamps,
)
from twitchguide.diary.snapshot import Diary
from twitchguide.diary.validation import check_record, checked_emergency_number, validate_fields
from twitchguide.errors import InvalidInput, NotFound
from twitchguide.store.database import Database, connect
from twitchguide.store.migrations import migrate
from twitchguide.store.rows import (
    decode_date,
    decode_instant,
    now,
    read_all,
    reader,
    select_columns,
)
from twitchguide.value import value


@value
class UserSettings:
    """Per-person settings that give the diary day its meaning."""

    user_id: int
    name: str
    timezone: str
    day_start_hour: int = DEFAULT_DAY_START_HOUR
    emergency_number: str | None = None

    @classmethod
    def from_row(cls, row: Mapping[str, Any]) -> UserSettings:
        """The settings in one row of the users table."""
        return cls(
            user_id=int(row["id"]),
            name=row["name"],
            timezone=row["timezone"],
            day_start_hour=int(row["day_start_hour"]),
            emergency_number=row["emergency_number"],
        )

    @property
    def zone(self) -> ZoneInfo:
        return ZoneInfo(self.timezone)

    def now(self) -> datetime:
        """Now, on the person's clock."""
        return utc_now().astimezone(self.zone)

    def today(self) -> date:
        """The diary day it is now (a 1 a.m. moment still belongs to the evening before)."""
        return diary_day(utc_now(), self.zone, self.day_start_hour)


def open_store(url: str) -> DiaryStore:
    """Connect, migrate to the latest schema, and return the store."""
    database = connect(url)
    migrate(database)
    return DiaryStore(database)


class DiaryStore:
    """Every read and write of diary records goes through here, always scoped to one owner."""

    def __init__(self, database: Database) -> None:
        self.database = database

    def close(self) -> None:
        self.database.close()

    # --- users and settings -------------------------------------------------------------

    def user(self, name: str, *, create: bool = True, timezone: str | None = None) -> UserSettings:
        """The named user's settings, created on first use with the time zone the caller gives."""
        rows = self.database.query("SELECT * FROM users WHERE name = ?", (name,))
        if not rows:
            if not create:
                raise NotFound(f"user '{name}' does not exist")
            if timezone is None:
                raise InvalidInput("timezone", f"needed to create the user '{name}'")
            with self.database.transaction():
                self.database.execute(
                    "INSERT INTO users (name, timezone, day_start_hour, created_at) "
                    "VALUES (?, ?, ?, ?) ON CONFLICT (name) DO NOTHING",
                    (name, timezone, DEFAULT_DAY_START_HOUR, self._instant(now())),
                )
            rows = self.database.query("SELECT * FROM users WHERE name = ?", (name,))
        return UserSettings.from_row(rows[0])

    def update_settings(
        self,
        user: UserSettings,
        *,
        timezone: str | None = None,
        day_start_hour: int | None = None,
        emergency_number: str | None = None,
    ) -> UserSettings:
        if timezone is not None:
            try:
                ZoneInfo(timezone)
            except (ValueError, KeyError, OSError):
                raise InvalidInput(
                    "timezone", f"'{timezone}' is not a time zone; use a name like Europe/London"
                ) from None
        if day_start_hour is not None and not 0 <= day_start_hour <= 12:
            raise InvalidInput("day_start_hour", "must be a whole hour from 0 to 12")
        if emergency_number is not None:
            emergency_number = checked_emergency_number(emergency_number)
        with self.database.transaction():
            for column, value in (
                ("timezone", timezone),
                ("day_start_hour", day_start_hour),
                ("emergency_number", emergency_number),
            ):
                if value is not None:
                    self.database.execute(
                        f"UPDATE users SET {column} = ? WHERE id = ?", (value, user.user_id)
                    )
        return self.user(user.name, create=False)

    # --- records --------------------------------------------------------------------------

    def add(self, kind: RecordKind, user: UserSettings, raw: Mapping[str, Any]) -> Record:
        """Validate and store a new record; returns it with its id and stamps."""
        values = self._validated(kind, user, raw)
        full = {spec.name: values.get(spec.name) for spec in kind.fields}
        if kind is EPISODE:
            full["ongoing"] = bool(full["ongoing"])
        check_record(kind, full)
        if kind is DAILY_FACTORS:
            self._refuse_second_day(user, values["day"])
        stamp = now()
        with self.database.transaction():
            return self._insert(kind, user.user_id, full, stamp, stamp, record_id=None)

    def get(self, kind: RecordKind, user: UserSettings, record_id: int) -> Record:
        if isinstance(record_id, bool) or not 0 < record_id <= MAX_ID:
            # SQLite cannot even compare an id beyond 64 bits; none can exist, on any database.
            raise NotFound(f"there is no {kind.name} with id {record_id}")
        rows = self.database.query_tuples(
            f"SELECT {select_columns(kind)} FROM {kind.table} WHERE id = ? AND owner_id = ?",
            (record_id, user.user_id),
        )
        if not rows:
            raise NotFound(f"there is no {kind.name} with id {record_id}")
        return reader(kind)(rows[0])

    def update(
        self, kind: RecordKind, user: UserSettings, record_id: int, raw: Mapping[str, Any]
    ) -> Record:
        """Change some fields of a record; None clears an optional field."""
        current = self.get(kind, user, record_id)
        changes = self._validated(kind, user, raw, partial=True)
        before = {spec.name: getattr(current, spec.name) for spec in kind.fields}
        merged = {**before, **changes}
        for spec in kind.fields:
            if spec.required and merged.get(spec.name) is None:
                raise InvalidInput(
                    spec.name, f"is required and cannot be cleared ({spec.allowed()})"
                )
        check_record(kind, merged)
        if not changes:
            return current
        if kind is DAILY_FACTORS and "day" in changes and changes["day"] != before["day"]:
            self._refuse_second_day(user, changes["day"])
        columns = ", ".join(f"{name} = ?" for name in changes)
        params = [self._encode(kind.field(n), v) for n, v in changes.items()]
        with self.database.transaction():
            self.database.execute(
                f"UPDATE {kind.table} SET {columns}, updated_at = ? WHERE id = ? AND owner_id = ?",
                (*params, self._instant(now()), record_id, user.user_id),
            )
        return self.get(kind, user, record_id)

    def delete(self, kind: RecordKind, user: UserSettings, record_id: int) -> Record:
        record = self.get(kind, user, record_id)
        with self.database.transaction():
            self.database.execute(
                f"DELETE FROM {kind.table} WHERE id = ? AND owner_id = ?",
                (record_id, user.user_id),
            )
        return record

    def list(
        self,
        kind: RecordKind,
        user: UserSettings,
        *,
        since: datetime | date | None = None,
        until: datetime | date | None = None,
    ) -> list[Record]:
        """Records in time order; bounds are instants for timed kinds and dates for dated ones."""
        sql = f"SELECT {select_columns(kind)} FROM {kind.table} WHERE owner_id = ?"
        params: list[Any] = [user.user_id]
        when = kind.field(kind.when_field)
        if since is not None:
            sql += f" AND {kind.when_field} >= ?"
            params.append(self._encode(when, since))
        if until is not None:
            sql += f" AND {kind.when_field} < ?"
            params.append(self._encode(when, until))
        sql += f" ORDER BY {kind.when_field}, id"
        return read_all(kind, self.database.query_tuples(sql, params))

    def day(self, user: UserSettings, day: date) -> Record | None:
        rows = self.database.query_tuples(
            f"SELECT {select_columns(DAILY_FACTORS)} FROM daily_factors "
            "WHERE owner_id = ? AND day = ?",
            (user.user_id, self._encode(DAILY_FACTORS.field("day"), day)),
        )
        return reader(DAILY_FACTORS)(rows[0]) if rows else None

    def set_day(self, user: UserSettings, day: date, raw: Mapping[str, Any]) -> Record:
        """Record factors for a diary day, keeping fields already recorded for it.

        One statement that inserts the day or sets only the given fields on it, so people (or
        processes) writing different factors of the same new day at once all keep theirs.
        """
        values = self._validated(DAILY_FACTORS, user, {**raw, "day": day}, partial=True)
        day = values.pop("day")
        stamp = self._instant(now())
        names = list(values)
        columns = ["owner_id", "created_at", "updated_at", "day", *names]
        params = [
            user.user_id,
            stamp,
            stamp,
            self._encode(DAILY_FACTORS.field("day"), day),
            *(self._encode(DAILY_FACTORS.field(n), values[n]) for n in names),
        ]
        updates = ", ".join(f"{name} = excluded.{name}" for name in [*names, "updated_at"])
        if not names:
            updates = "updated_at = daily_factors.updated_at"  # nothing new: leave it as it is
        with self.database.transaction():
            rows = self.database.query_tuples(
                f"INSERT INTO daily_factors ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)}) "
                f"ON CONFLICT (owner_id, day) DO UPDATE SET {updates} "
                f"RETURNING {select_columns(DAILY_FACTORS)}",
                params,
            )
        return reader(DAILY_FACTORS)(rows[0])

    def add_to_day(self, user: UserSettings, day: date, amounts: Mapping[str, float]) -> Record:
        """Add to a day's totals ("one more coffee") in one statement, so two people (or
        processes) adding at once both count. The new totals are checked like any value; one
        out of range undoes the addition."""
        specs = {spec.name: spec for spec in DAILY_FACTORS.fields if spec.kind == "float"}
        for name in amounts:
            if name not in specs:
                raise InvalidInput(name, f"cannot be added to; use one of {', '.join(specs)}")
        checked = self._validated(DAILY_FACTORS, user, {**amounts, "day": day}, partial=True)
        day = checked.pop("day")
        names = list(checked)
        stamp = self._instant(now())
        columns = ["owner_id", "created_at", "updated_at", "day", *names]
        params = [user.user_id, stamp, stamp, self._encode(DAILY_FACTORS.field("day"), day)]
        params += [checked[name] for name in names]
        sums = ", ".join(
            f"{name} = COALESCE(daily_factors.{name}, 0) + excluded.{name}" for name in names
        )
        with self.database.transaction():
            rows = self.database.query_tuples(
                f"INSERT INTO daily_factors ({', '.join(columns)}) "
                f"VALUES ({', '.join('?' for _ in columns)}) "
                f"ON CONFLICT (owner_id, day) DO UPDATE SET {sums}, "
                f"updated_at = excluded.updated_at RETURNING {select_columns(DAILY_FACTORS)}",
                params,
            )
            record = reader(DAILY_FACTORS)(rows[0])
            totals = {name: getattr(record, name) for name in names}
            self._validated(DAILY_FACTORS, user, totals, partial=True)  # raises: rolled back
        return record

    def _refuse_second_day(self, user: UserSettings, day: date) -> None:
        existing = self.day(user, day)
        if existing is not None:
            raise InvalidInput(
                "day",
                f"{day.isoformat()} already has its factors (#{existing.stamps.id}); "
                "change that record instead of adding another",
            )

    def load_diary(self, user: UserSettings, since: date | None = None) -> Diary:
        """One person's records, in time order, as plain data for the core.

        With `since`, only records from that diary day on, except medication courses and
        strength checks: they are few, and an old course may still be running and old checks
        are the baseline for a grip trend. Bounding the rest keeps every `log` fast however
        long the diary grows.
        """
        start: datetime | None = None
        if since is not None:
            start = day_bounds(since, user.zone, user.day_start_hour)[0]
        lists = {}
        for kind in RECORD_KINDS:
            if since is None or kind in (MEDICATION, STRENGTH):
                lists[kind.name] = self.list(kind, user)
            else:
                bound = since if kind.field(kind.when_field).kind == "date" else start
                lists[kind.name] = self.list(kind, user, since=bound)
        return Diary(
            episodes=lists[EPISODE.name],  # type: ignore[arg-type]
            days=lists[DAILY_FACTORS.name],  # type: ignore[arg-type]
            medications=lists[MEDICATION.name],  # type: ignore[arg-type]
            symptoms=lists[SYMPTOM.name],  # type: ignore[arg-type]
            strength_checks=lists[STRENGTH.name],  # type: ignore[arg-type]
            relief_ratings=lists[RELIEF_RATING.name],  # type: ignore[arg-type]
            timezone=user.timezone,
            day_start_hour=user.day_start_hour,
        )

    def load_triage_diary(self, user: UserSettings, since: date) -> Diary:
        """The recent diary as triage reads it (see store/triage_diary.py): the same facts as
        `load_diary(user, since)`, read in the same time however many twitches are logged."""
        from twitchguide.store.triage_diary import load_triage_diary

        return load_triage_diary(self, user, since)

    def encode_instant(self, value: datetime) -> Any:
        """An instant as this database stores it."""
        return self._instant(value)

    @staticmethod
    def decode_instant(value: Any) -> datetime:
        """A stored instant back as an aware UTC datetime."""
        return decode_instant(value)

    def count(self, kind: RecordKind, user: UserSettings) -> int:
        rows = self.database.query(
            f"SELECT COUNT(*) AS n FROM {kind.table} WHERE owner_id = ?", (user.user_id,)
        )
        return int(rows[0]["n"])

    # --- used by backup: explicit ids and stamps -----------------------------------------

    def insert_exact(
        self,
        kind: RecordKind,
        user: UserSettings,
        values: Mapping[str, Any],
        stamps: Stamps,
        *,
        keep_id: bool = True,
    ) -> Record:
        """Insert a record keeping its stamps, and its id unless told not to (restoring a
        backup). Call in a transaction."""
        record_id = stamps.id if keep_id else None
        return self._insert(
            kind, user.user_id, dict(values), stamps.created_at, stamps.updated_at, record_id
        )

    def id_owner(self, kind: RecordKind, record_id: int) -> int | None:
        """The user id that holds this record id, if any (ids are shared by every user)."""
        return self.id_owners(kind, [record_id]).get(record_id)

    def id_owners(self, kind: RecordKind, record_ids: Sequence[int]) -> dict[int, int]:
        """Which user holds each of these ids, for those that are taken; asked in batches."""
        owners: dict[int, int] = {}
        wanted = [i for i in record_ids if 0 < i <= MAX_ID]
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            rows = self.database.query_tuples(
                f"SELECT id, owner_id FROM {kind.table} "
                f"WHERE id IN ({', '.join('?' for _ in batch)})",
                batch,
            )
            owners.update((int(row[0]), int(row[1])) for row in rows)
        return owners

    def recorded_days(self, user: UserSettings) -> set[date]:
        """Every diary day this person has factors for."""
        rows = self.database.query_tuples(
            "SELECT day FROM daily_factors WHERE owner_id = ?", (user.user_id,)
        )
        return {decode_date(row[0]) for row in rows}

    def insert_many(
        self,
        user: UserSettings,
        records: Sequence[tuple[RecordKind, Mapping[str, Any], Stamps]],
        *,
        keep_ids: bool = True,
    ) -> None:
        """Insert many checked records keeping their stamps (and ids): one statement per kind,
        so restoring 200,000 records is not 200,000 round trips. Call in a transaction."""
        owner, instant, encode = user.user_id, self._instant, self._encode

        def row(kind: RecordKind, values: Mapping[str, Any], stamps: Stamps) -> tuple[Any, ...]:
            head = (stamps.id,) if keep_ids else ()
            created, updated = instant(stamps.created_at), instant(stamps.updated_at)
            fields = (encode(spec, values.get(spec.name)) for spec in kind.fields)
            return (*head, owner, created, updated, *fields)

        # Rows are made as the database takes them, so no second copy of the import is held.
        for _table, group in groupby(records, key=lambda record: record[0].table):
            first = next(group)
            kind = first[0]
            names = ["owner_id", "created_at", "updated_at", *kind.field_names]
            if keep_ids:
                names.insert(0, "id")
            self.database.execute_many(
                f"INSERT INTO {kind.table} ({', '.join(names)}) "
                f"VALUES ({', '.join('?' for _ in names)})",
                (row(*record) for record in chain([first], group)),
            )

    def reset_id_sequences(self) -> None:
        """After inserting explicit ids, new records must not collide with them (PostgreSQL)."""
        if self.database.dialect != "postgresql":
            return
        for kind in RECORD_KINDS:
            self.database.execute(
                f"SELECT setval(pg_get_serial_sequence('{kind.table}', 'id'), "
                f"COALESCE((SELECT MAX(id) FROM {kind.table}), 0) + 1, false)"
            )

    # --- internals --------------------------------------------------------------------------

    def _validated(
        self, kind: RecordKind, user: UserSettings, raw: Mapping[str, Any], partial: bool = False
    ) -> dict[str, Any]:
        return validate_fields(kind, raw, now=user.now(), today=user.today(), partial=partial)

    def _insert(
        self,
        kind: RecordKind,
        owner_id: int,
        values: Mapping[str, Any],
        created_at: datetime,
        updated_at: datetime,
        record_id: int | None,
    ) -> Record:
        names = list(kind.field_names)
        columns = ["owner_id", "created_at", "updated_at", *names]
        params: list[Any] = [
            owner_id,
            self._instant(created_at),
            self._instant(updated_at),
            *(self._encode(kind.field(n), values.get(n)) for n in names),
        ]
        if record_id is not None:
            columns.insert(0, "id")
            params.insert(0, record_id)
        placeholders = ", ".join("?" for _ in columns)
        rows = self.database.query_tuples(
            f"INSERT INTO {kind.table} ({', '.join(columns)}) VALUES ({placeholders}) "
            f"RETURNING {select_columns(kind)}",
            params,
        )
        return reader(kind)(rows[0])

    def _encode(self, spec: FieldSpec, value: Any) -> Any:
        if value is None:
            return None
        if self.database.dialect == "postgresql":
            return value
        if spec.kind == "instant":
            if isinstance(value, date) and not isinstance(value, datetime):
                raise TypeError("instant field needs a datetime")
            return self._instant(value)
        if spec.kind == "date":
            return value.isoformat()
        if spec.kind == "bool":
            return int(bool(value))
        return value

    def _instant(self, value: datetime) -> Any:
        utc = value.astimezone(UTC)
        if self.database.dialect == "postgresql":
            return utc
        # Fixed width, so text order is time order in SQLite.
        return utc.isoformat(timespec="microseconds")


MAX_ID = 2**63 - 1  # the largest id either database can hold
_BATCH = 500  # ids per query: well under SQLite's and PostgreSQL's limits on parameters
