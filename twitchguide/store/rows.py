"""Rows and records: the columns the store reads, and turning a row back into a record."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, date, datetime
from functools import cache
from typing import Any

from twitchguide.clock import utc_now
from twitchguide.diary.records import FieldSpec, Record, RecordKind, Stamps


def now() -> datetime:
    return utc_now()


def decode_instant(value: Any) -> datetime:
    if isinstance(value, datetime):
        return value.astimezone(UTC)
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
    """Turns one row of `_columns(kind)` into a record; every read of a record goes through it."""
    fields = tuple(
        (name, position, decode)
        for position, (name, decode) in enumerate(_decoders(kind), start=len(_STAMP_COLUMNS))
    )
    make = kind.cls

    def read(row: tuple[Any, ...]) -> Record:
        stamps = Stamps(
            id=int(row[0]),
            owner_id=int(row[1]),
            created_at=decode_instant(row[2]),
            updated_at=decode_instant(row[3]),
        )
        record: Record = make(stamps=stamps, **{n: decode(row[i]) for n, i, decode in fields})
        return record

    return read


@cache
def _decoders(kind: RecordKind) -> tuple[tuple[str, Callable[[Any], Any]], ...]:
    """Each field's name and how to turn its stored value back into Python; chosen once."""
    return tuple((spec.name, _decoder(spec)) for spec in kind.fields)


def _decoder(spec: FieldSpec) -> Callable[[Any], Any]:
    if spec.kind == "bool":
        return lambda value: bool(value) if value is not None else False
    converters: dict[str, Callable[[Any], Any]] = {
        "instant": decode_instant,
        "date": decode_date,
        "float": float,
        "int": int,
    }
    convert = converters.get(spec.kind)
    if convert is None:
        return _same
    return lambda value: None if value is None else convert(value)


def decode_date(value: Any) -> date:
    return value if isinstance(value, date) else date.fromisoformat(str(value))


def _same(value: Any) -> Any:
    return value
