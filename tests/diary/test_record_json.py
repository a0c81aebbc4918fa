"""record_json: the CLI's --json and the API's shape of one record."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

from twitchguide.diary.records import Episode, Stamps, record_json

MADE = datetime(2026, 3, 4, 5, 6, 7, 890, tzinfo=UTC)


def episode(created: datetime, updated: datetime) -> Episode:
    stamps = Stamps(id=3, owner_id=1, created_at=created, updated_at=updated)
    return Episode(stamps=stamps, started_at=MADE, region="calf", intensity=2)


def test_stamps_and_fields_in_order_with_instants_as_iso_text() -> None:
    row = record_json(episode(MADE, MADE + timedelta(minutes=5)))
    assert list(row)[:5] == ["id", "created_at", "updated_at", "started_at", "region"]
    assert row["created_at"] == "2026-03-04T05:06:07.000890+00:00"
    assert row["updated_at"] == "2026-03-04T05:11:07.000890+00:00"
    assert row["started_at"] == "2026-03-04T05:06:07.000890+00:00"
    assert (row["side"], row["intensity"], row["ongoing"]) == (None, 2, False)


def test_the_same_instant_in_another_zone_keeps_its_own_offset() -> None:
    two_hours = timezone(timedelta(hours=2))
    row = record_json(episode(MADE, MADE.astimezone(two_hours)))
    assert row["updated_at"] == "2026-03-04T07:06:07.000890+02:00"
    assert record_json(episode(MADE, MADE))["updated_at"] == row["created_at"]
