"""CSV files ready for a spreadsheet: one per record kind, local times with their offset.

- Times are ISO 8601 in the person's own zone with the offset (2026-11-02T21:30:00+01:00), so a
  spreadsheet shows the clock time they lived and nothing is ambiguous at a clock change.
- Units are in the headers ("duration_seconds (seconds)", "grip_left_1 (kg)"), and scales too
  ("stress (1-5)").
- UTF-8 with a byte-order mark and CRLF line ends: Excel then opens accents and "≥" correctly.
- An empty cell means "not recorded", never zero.
"""

from __future__ import annotations

import csv
import io
from datetime import date, datetime

from twitchguide.diary.records import RECORD_KINDS, FieldSpec, Record, RecordKind
from twitchguide.diary.snapshot import Diary

BOM = "\ufeff"


def header(spec: FieldSpec) -> str:
    """A column name with its unit or scale, e.g. 'caffeine_mg (mg)', 'intensity (1-5)'."""
    if spec.unit:
        return f"{spec.name} ({spec.unit})"
    small_scale = spec.maximum is not None and spec.maximum <= 10
    if spec.kind == "int" and spec.minimum is not None and spec.maximum is not None and small_scale:
        return f"{spec.name} ({spec.minimum:g}-{spec.maximum:g})"
    if spec.kind == "instant":
        return f"{spec.name} (local time with offset)"
    return spec.name


def records_of(diary: Diary, kind: RecordKind) -> list[Record]:
    lists: dict[str, list[Record]] = {
        "episodes": list(diary.episodes),
        "daily_factors": list(diary.days),
        "medication_courses": list(diary.medications),
        "symptom_reports": list(diary.symptoms),
        "strength_checks": list(diary.strength_checks),
        "relief_ratings": list(diary.relief_ratings),
    }
    return lists[kind.table]


def csv_text(diary: Diary, kind: RecordKind, records: list[Record]) -> str:
    """One kind's records as CSV text (with the BOM, CRLF line ends)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    writer.writerow([
        "id", "created_at (local time with offset)", "updated_at (local time with offset)",
        *(header(spec) for spec in kind.fields),
    ])  # fmt: skip
    for record in records:
        stamps = record.stamps
        row = [str(stamps.id), _cell(diary, stamps.created_at), _cell(diary, stamps.updated_at)]
        row += [_cell(diary, getattr(record, spec.name)) for spec in kind.fields]
        writer.writerow(row)
    return BOM + buffer.getvalue()


def csv_files(diary: Diary) -> dict[str, bytes]:
    """File name -> bytes, one file per record kind (every kind, even an empty one)."""
    return {
        f"{kind.table}.csv": csv_text(diary, kind, records_of(diary, kind)).encode("utf-8")
        for kind in RECORD_KINDS
    }


def _cell(diary: Diary, value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.astimezone(diary.zone).isoformat(timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
