"""Export every record as one versioned JSON document; import all-or-nothing.

The spreadsheet CSV export lives in twitchguide.reports.csv.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date, datetime
from pathlib import Path
from typing import Any

from twitchguide.diary.records import (
    DAILY_FACTORS,
    RECORD_KINDS,
    RecordKind,
    Stamps,
    record_json,
)
from twitchguide.diary.validation import (
    check_record,
    checked_emergency_number,
    printable,
    validate_fields,
)
from twitchguide.errors import ImportRejected, InvalidInput
from twitchguide.store.diary_store import DiaryStore, UserSettings

FORMAT_NAME = "twitchguide-export"
FORMAT_VERSION = 1
STAMP_FIELDS = ("id", "created_at", "updated_at")


def export_document(store: DiaryStore, user: UserSettings) -> dict[str, Any]:
    """Every record of one person. No export time inside, so the same diary exports identically."""
    return {
        **export_document_head(user),
        "records": {
            kind.table: [record_json(record) for record in store.list(kind, user)]
            for kind in RECORD_KINDS
        },
    }


def export_json(store: DiaryStore, user: UserSettings) -> str:
    """The export document as text, byte for byte `json.dumps(export_document(...), indent=2)`.

    Written one record at a time, so a diary of 200,000 records never exists as Python dicts
    all at once (that alone was ~400 MB); a test checks the bytes are the same.
    """
    head = export_document_head(user)
    parts = [json.dumps(head, indent=2, ensure_ascii=False)[:-2], ',\n  "records": {']
    for position, kind in enumerate(RECORD_KINDS):
        records = store.list(kind, user)
        opening = "\n" if position == 0 else ",\n"
        if not records:
            parts.append(f'{opening}    "{kind.table}": []')
            continue
        parts.append(f'{opening}    "{kind.table}": [\n')
        last = len(records) - 1
        for number, record in enumerate(records):
            text = json.dumps(record_json(record), indent=2, ensure_ascii=False)
            parts.append("      " + text.replace("\n", "\n      "))
            parts.append(",\n" if number < last else "\n    ]")
        del records
    parts.append("\n  }\n}\n")
    return "".join(parts)


def export_document_head(user: UserSettings) -> dict[str, Any]:
    """The document without its records: format, version and settings."""
    return {
        "format": FORMAT_NAME,
        "version": FORMAT_VERSION,
        "settings": {
            "timezone": user.timezone,
            "day_start_hour": user.day_start_hour,
            # A restored diary must still tell the person which number to call.
            "emergency_number": user.emergency_number,
        },
    }


def import_file(store: DiaryStore, user: UserSettings, path: Path) -> dict[str, int]:
    """Read and import a JSON export; nothing is written unless every record is valid."""
    shown = printable(str(path))
    try:
        if path.is_dir():
            raise ImportRejected(
                f"import: {shown} is a folder; give the export file, e.g. backup.json"
            )
        # utf-8-sig: a file saved with a byte-order mark (some Windows editors) reads the same.
        text = path.read_text(encoding="utf-8-sig")
    except FileNotFoundError:
        raise ImportRejected(f"import: {shown} does not exist") from None
    except UnicodeDecodeError:
        raise ImportRejected(
            f"import: {shown} is not UTF-8 text; is it a Twitchguide export?"
        ) from None
    except OSError as error:
        raise ImportRejected(f"import: cannot read {shown}: {error.strerror or error}") from None
    try:
        document = json.loads(text)
    except json.JSONDecodeError as error:
        raise ImportRejected(
            f"import: {path.name} is not valid JSON (line {error.lineno}, column {error.colno}: "
            f"{error.msg}); it may be truncated. Nothing was imported."
        ) from None
    except RecursionError:
        raise ImportRejected(
            f"import: {path.name} is nested too deeply to be a Twitchguide export. "
            "Nothing was imported."
        ) from None
    del text  # the file's text can be as large as the records: let it go before they are built
    return import_document(store, user, document, consume=True)


def import_document(
    store: DiaryStore, user: UserSettings, document: Any, *, consume: bool = False
) -> dict[str, int]:
    """Check the whole document first, then write it in one transaction.

    With `consume`, each record of the document is dropped once checked, so a large import
    holds one copy of its records, not two.
    """
    planned = _checked_document(store, user, document, consume=consume)
    settings = _checked_settings(document.get("settings", {}))
    with store.database.transaction():
        if settings:
            store.update_settings(user, **settings)
        kept = [(kind, values, stamps) for kind, values, stamps, keep in planned if keep]
        store.insert_many(user, kept, keep_ids=True)
        # New ids come after every kept one, so none can take an id the file still needs.
        store.reset_id_sequences()
        fresh = [(kind, values, stamps) for kind, values, stamps, keep in planned if not keep]
        for kind, values, stamps in fresh:
            store.insert_exact(kind, user, values, stamps, keep_id=False)
    counts = {kind.table: 0 for kind in RECORD_KINDS}
    for kind, *_rest in planned:
        counts[kind.table] += 1
    return counts


def _checked_settings(settings: Any) -> dict[str, Any]:
    """The file's settings, checked before anything is written."""
    if not isinstance(settings, dict):
        raise ImportRejected("import: settings must be an object")
    checked: dict[str, Any] = {}
    zone = settings.get("timezone")
    if zone is not None:
        from zoneinfo import ZoneInfo

        try:
            if not isinstance(zone, str):
                raise ValueError(zone)
            ZoneInfo(zone)
        except (ValueError, KeyError, OSError):
            raise ImportRejected(
                f"import: settings.timezone: {zone!r} is not a time zone; use a name like "
                "Europe/London. Nothing was imported."
            ) from None
        checked["timezone"] = zone
    hour = settings.get("day_start_hour")
    if hour is not None:
        if isinstance(hour, bool) or not isinstance(hour, int) or not 0 <= hour <= 12:
            raise ImportRejected(
                "import: settings.day_start_hour: must be a whole hour from 0 to 12. "
                "Nothing was imported."
            )
        checked["day_start_hour"] = hour
    number = settings.get("emergency_number")
    if number is not None:
        try:
            if not isinstance(number, str):
                raise InvalidInput("emergency_number", 'must be text, e.g. "999"')
            checked["emergency_number"] = checked_emergency_number(number)
        except InvalidInput as error:
            raise ImportRejected(f"import: settings.{error}. Nothing was imported.") from None
    return checked


def _checked_document(
    store: DiaryStore, user: UserSettings, document: Any, *, consume: bool = False
) -> list[tuple[RecordKind, dict[str, Any], Stamps, bool]]:
    if not isinstance(document, dict) or document.get("format") != FORMAT_NAME:
        raise ImportRejected(
            f'import: this is not a Twitchguide export (no "format": "{FORMAT_NAME}")'
        )
    if document.get("version") != FORMAT_VERSION:
        raise ImportRejected(
            f"import: export version {document.get('version')!r} is not supported; "
            f"this Twitchguide reads version {FORMAT_VERSION}"
        )
    records = document.get("records")
    if not isinstance(records, dict):
        raise ImportRejected('import: the export has no "records" object')
    known = {kind.table: kind for kind in RECORD_KINDS}
    for table in records:
        if table not in known:
            raise ImportRejected(
                f"import: records.{table} is not a record kind; kinds are {', '.join(known)}"
            )
    planned = []
    now, today = user.now(), user.today()
    for table, rows in records.items():
        kind = known[table]
        if not isinstance(rows, list):
            raise ImportRejected(f"import: records.{table} must be a list")
        seen: dict[int, int] = {}
        days: dict[date, int] = {}
        checked = []
        for position, row in enumerate(rows):
            where = f"records.{table}[{position}]"
            values, stamps = _checked_row(kind, row, where, now, today)
            if consume:
                rows[position] = None
            if stamps.id in seen:
                raise ImportRejected(
                    f"import: {where}: the file has two {kind.plural} with id {stamps.id}; "
                    "each id may appear once. Nothing was imported."
                )
            seen[stamps.id] = position
            if kind is DAILY_FACTORS:
                first = days.setdefault(values["day"], position)
                if first != position:
                    raise ImportRejected(
                        f"import: {where}: the file has two days of factors for "
                        f"{values['day'].isoformat()} (records.{table}[{first}] too); each day "
                        "may appear once. Nothing was imported."
                    )
            checked.append((values, stamps))
        owners = store.id_owners(kind, list(seen))
        for values, stamps in checked:
            owner = owners.get(stamps.id)
            if owner == user.user_id:
                where = f"records.{table}[{seen[stamps.id]}]"
                raise ImportRejected(
                    f"import: {where}: your diary already has a {kind.singular} with id "
                    f"{stamps.id}; import into an empty diary. Nothing was imported."
                )
            # Ids are shared by every user of a database: one another person holds gets a new
            # id (and says nothing about them). Locally there is one user, so ids always keep.
            planned.append((kind, values, stamps, owner is None))
        if kind is DAILY_FACTORS:
            recorded = store.recorded_days(user)
            for day in (day for day in days if day in recorded):
                raise ImportRejected(
                    f"import: records.{table}[{days[day]}]: your diary already has factors "
                    f"for {day.isoformat()}; import into an empty diary. Nothing was imported."
                )
    return planned


def _checked_row(
    kind: RecordKind, row: Any, where: str, now: datetime, today: date
) -> tuple[dict[str, Any], Stamps]:
    if not isinstance(row, Mapping):
        raise ImportRejected(f"import: {where} must be an object")
    fields = {key: value for key, value in row.items() if key not in STAMP_FIELDS}
    try:
        values = validate_fields(kind, fields, now=now, today=today)
        full = {spec.name: values.get(spec.name) for spec in kind.fields}
        check_record(kind, full)
        record_id = row.get("id")
        if not isinstance(record_id, int) or isinstance(record_id, bool) or record_id < 1:
            raise InvalidInput("id", "must be a positive whole number")
        stamps = Stamps(
            id=record_id,
            owner_id=0,
            created_at=_stamp(row, "created_at"),
            updated_at=_stamp(row, "updated_at"),
        )
    except InvalidInput as error:
        raise ImportRejected(f"import: {where}.{error}. Nothing was imported.") from None
    return full, stamps


def _stamp(row: Mapping[str, Any], name: str) -> datetime:
    value = row.get(name)
    try:
        parsed = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        parsed = None
    if parsed is None or parsed.tzinfo is None:
        raise InvalidInput(name, "must be an ISO date and time with an offset")
    return parsed
