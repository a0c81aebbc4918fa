"""Spreadsheet CSV: one file per kind, local times with offsets, units in headers, BOM, CRLF."""

from __future__ import annotations

import csv
import io
from datetime import UTC, datetime

from twitchguide.diary.records import (
    RECORD_KINDS,
    Episode,
    Stamps,
    StrengthCheck,
)
from twitchguide.diary.snapshot import Diary
from twitchguide.reports.csv import csv_files

MADE = datetime(2026, 3, 29, 0, 30, tzinfo=UTC)


def rows(data: bytes) -> list[dict[str, str]]:
    assert data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    assert "\r\n" in text
    return list(csv.DictReader(io.StringIO(text, newline="")))


def test_one_file_per_kind_even_when_empty() -> None:
    files = csv_files(Diary(timezone="Europe/Berlin"))
    assert sorted(files) == sorted(f"{kind.table}.csv" for kind in RECORD_KINDS)
    assert all(rows(data) == [] for data in files.values())


def test_local_times_keep_their_offset_across_a_clock_change_and_units_are_headed() -> None:
    # 00:30 UTC on 29 March 2026 is 01:30 in Berlin (+01:00); 02:30 UTC is 04:30 (+02:00).
    before = Episode(Stamps(1, 1, MADE, MADE), MADE, "calf", side="left", duration_seconds=90,
                     intensity=2, pattern="burst", note="naïve ≥ ü, Зуб")  # fmt: skip
    after = Episode(Stamps(2, 1, MADE, MADE), datetime(2026, 3, 29, 2, 30, tzinfo=UTC), "eyelid")
    check = StrengthCheck(Stamps(3, 1, MADE, MADE), MADE, 38.0, 38.5, 37.5)
    diary = Diary(episodes=[before, after], strength_checks=[check], timezone="Europe/Berlin")
    files = csv_files(diary)
    episodes = rows(files["episodes.csv"])
    assert [row["region"] for row in episodes] == ["calf", "eyelid"]
    assert episodes[0]["started_at (local time with offset)"] == "2026-03-29T01:30:00+01:00"
    assert episodes[1]["started_at (local time with offset)"] == "2026-03-29T04:30:00+02:00"
    assert episodes[0]["duration_seconds (seconds)"] == "90"
    assert episodes[0]["intensity (1-5)"] == "2"
    assert episodes[0]["note"] == "naïve ≥ ü, Зуб"
    assert episodes[1]["side"] == "" and episodes[1]["intensity (1-5)"] == ""  # not recorded
    assert episodes[0]["ongoing"] == "no"
    grip = rows(files["strength_checks.csv"])[0]
    assert grip["grip_left_1 (kg)"] == "38" and grip["grip_left_2 (kg)"] == "38.5"
    assert grip["grip_right_1 (kg)"] == ""
