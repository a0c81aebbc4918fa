"""Rows and records: the columns the store reads, and turning a row back into a record."""

from __future__ import annotations

import gc
from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from twitchguide.clock import utc_now
from twitchguide.diary.records import FieldSpec, Record, RecordKind, Stamps


def now() -> datetime:
    return utc_now()


def decode_instant(value: Any) -> datetime:
    if isinstance(value, datetime):  # PostgreSQL's, in the session's UTC: usually as it is
        return value if value.tzinfo is UTC else value.astimezone(UTC)
    parsed = datetime.fromisoformat(value)
    # SQLite's text is written in UTC (see _instant), so it reads back in UTC as it is.
    return parsed if parsed.tzinfo is UTC else parsed.astimezone(UTC)


_STAMP_COLUMNS = ("id", "owner_id", "created_at", "updated_at")


@cache
def select_columns(kind: RecordKind) -> str:
    """The columns the store reads, in the order `reader` expects them."""
    return ", ".join((*_STAMP_COLUMNS, *kind.field_names))


@cache
def reader(kind: RecordKind) -> Callable[[tuple[Any, ...]], Record]:
    """Turns one row of `select_columns(kind)` into a record; every read of a record goes through
    it. Both databases already give text, whole numbers and numbers back as Python's types (a
    REAL or DOUBLE PRECISION column always as a float), so only instants, dates and yes/no are
    converted: reading 200,000 twitches for insights is mostly this loop."""
    names = kind.field_names
    conversions = tuple(
        (spec.name, convert) for spec in kind.fields if (convert := _conversion(spec)) is not None
    )
    make = kind.cls
    first = len(_STAMP_COLUMNS)

    def read(row: tuple[Any, ...]) -> Record:
        values = dict(zip(names, row[first:], strict=True))
        for name, convert in conversions:
            values[name] = convert(values[name])
        values["stamps"] = Stamps(
            id=row[0],
            owner_id=row[1],
            created_at=decode_instant(row[2]),
            updated_at=decode_instant(row[3]),
        )
        record: Record = make(**values)  # every field by name: value.py's quick path
        return record

    return read


def read_all(kind: RecordKind, rows: list[tuple[Any, ...]]) -> list[Record]:
    """Every row as a record. Python's cycle collector is paused while many are made: records
    hold no cycles, and it would otherwise sweep the growing list again and again (~40% of
    reading 200,000 twitches)."""
    read = reader(kind)
    if len(rows) < 10_000 or not gc.isenabled():
        return [read(row) for row in rows]
    gc.disable()
    try:
        return [read(row) for row in rows]
    finally:
        gc.enable()


def _conversion(spec: FieldSpec) -> Callable[[Any], Any] | None:
    if spec.kind == "bool":
        return _yes_no
    convert = {"instant": decode_instant, "date": decode_date}.get(spec.kind)
    if convert is None or spec.required:
        return convert
    return lambda value: None if value is None else convert(value)


def _yes_no(value: Any) -> bool:
    return bool(value) if value is not None else False


def decode_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))
