"""Create, read, update and delete every record kind, on SQLite and PostgreSQL."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from twitchguide.diary.records import (
    DAILY_FACTORS,
    EPISODE,
    MEDICATION,
    RECORD_KINDS,
    RELIEF_RATING,
    STRENGTH,
    SYMPTOM,
    RecordKind,
    StrengthCheck,
)
from twitchguide.errors import InvalidInput, NotFound
from twitchguide.store import DiaryStore, UserSettings

AN_HOUR_AGO = datetime.now(UTC) - timedelta(hours=1)
LAST_WEEK = date.today() - timedelta(days=7)

# One valid record of each kind, and one change to make to it.
EXAMPLES: dict[str, tuple[dict[str, Any], dict[str, Any]]] = {
    "episode": (
        {
            "started_at": AN_HOUR_AGO,
            "region": "calf",
            "side": "left",
            "duration_seconds": 90,
            "intensity": 2,
            "pattern": "burst",
            "context": "rest",
            "count": 12,
            "count_minutes": 5,
            "note": "after a long walk",
        },
        {"intensity": 3, "note": None},
    ),
    "day": (
        {"day": LAST_WEEK, "sleep_hours": 5.5, "caffeine_mg": 300, "stress": 4},
        {"water_litres": 2.0, "stress": None},
    ),
    "medication": (
        {
            "name": "salbutamol inhaler",
            "kind": "medicine",
            "dose": "2 puffs as needed",
            "started_on": LAST_WEEK,
        },
        {"ended_on": date.today()},
    ),
    "symptom": (
        {
            "noted_at": AN_HOUR_AGO,
            "kind": "weakness",
            "region": "hand",
            "side": "right",
            "since": LAST_WEEK,
            "description": "dropping cups",
        },
        {"description": "dropping cups and trouble with buttons"},
    ),
    "strength": (
        {
            "checked_at": AN_HOUR_AGO,
            "grip_left_1": 32,
            "grip_left_2": 31,
            "grip_left_3": 33,
            "heel_walk": "pass",
            "toe_walk": "pass",
        },
        {"grip_right_1": 35, "grip_right_2": 34, "grip_right_3": 36},
    ),
    "relief": (
        {"rated_on": LAST_WEEK, "strategy": "hydration", "rating": "helpful"},
        {"rating": "somewhat"},
    ),
}


def test_every_record_kind_has_an_example() -> None:
    assert set(EXAMPLES) == {kind.name for kind in RECORD_KINDS}


@pytest.mark.parametrize("kind", RECORD_KINDS, ids=lambda kind: kind.name)
def test_create_read_update_delete(store: DiaryStore, user: UserSettings, kind: RecordKind) -> None:
    values, change = EXAMPLES[kind.name]
    created = store.add(kind, user, values)
    assert created.stamps.id > 0
    assert created.stamps.owner_id == user.user_id
    assert created.stamps.created_at.tzinfo is not None

    read = store.get(kind, user, created.stamps.id)
    assert read == created
    for name, value in values.items():
        stored = getattr(read, name)
        if isinstance(value, datetime):
            assert stored == value.astimezone(UTC)
        else:
            assert stored == value

    updated = store.update(kind, user, created.stamps.id, change)
    for name, value in change.items():
        assert getattr(updated, name) == value
    assert updated.stamps.updated_at >= created.stamps.updated_at
    assert updated.stamps.created_at == created.stamps.created_at
    assert store.list(kind, user) == [updated]

    store.delete(kind, user, created.stamps.id)
    assert store.list(kind, user) == []
    with pytest.raises(NotFound):
        store.get(kind, user, created.stamps.id)


def test_empty_is_not_zero(store: DiaryStore, user: UserSettings) -> None:
    record = store.add(DAILY_FACTORS, user, {"day": LAST_WEEK, "caffeine_mg": 0})
    assert record.caffeine_mg == 0  # type: ignore[union-attr]
    assert record.sleep_hours is None  # type: ignore[union-attr]


def test_set_day_keeps_fields_already_recorded(store: DiaryStore, user: UserSettings) -> None:
    store.set_day(user, LAST_WEEK, {"sleep_hours": 6})
    merged = store.set_day(user, LAST_WEEK, {"stress": 2})
    assert (merged.sleep_hours, merged.stress) == (6, 2)  # type: ignore[union-attr]
    assert len(store.list(DAILY_FACTORS, user)) == 1


def test_one_user_never_sees_another_users_records(store: DiaryStore, user: UserSettings) -> None:
    other = store.user("someone-else", timezone="UTC")
    mine = store.add(EPISODE, user, EXAMPLES["episode"][0])
    assert store.list(EPISODE, other) == []
    with pytest.raises(NotFound):
        store.get(EPISODE, other, mine.stamps.id)
    with pytest.raises(NotFound):
        store.delete(EPISODE, other, mine.stamps.id)
    with pytest.raises(NotFound):
        store.update(EPISODE, other, mine.stamps.id, {"intensity": 5})
    assert store.load_diary(other).episodes == []
    from twitchguide.store.backup import export_json

    assert '"calf"' not in export_json(store, other)
    assert store.list(EPISODE, user) == [mine]


def test_strength_mean_of_three_trials(store: DiaryStore, user: UserSettings) -> None:
    record = store.add(STRENGTH, user, EXAMPLES["strength"][0])
    assert isinstance(record, StrengthCheck)
    assert record.grip_left_kg == pytest.approx(32.0)
    assert record.grip_right_kg is None


def test_rejected_record_writes_nothing(store: DiaryStore, user: UserSettings) -> None:
    with pytest.raises(InvalidInput):
        store.add(EPISODE, user, {**EXAMPLES["episode"][0], "intensity": 9})
    assert store.count(EPISODE, user) == 0


def test_required_field_cannot_be_cleared(store: DiaryStore, user: UserSettings) -> None:
    record = store.add(SYMPTOM, user, EXAMPLES["symptom"][0])
    with pytest.raises(InvalidInput, match="kind"):
        store.update(SYMPTOM, user, record.stamps.id, {"kind": None})


def test_medication_end_before_start_is_rejected(store: DiaryStore, user: UserSettings) -> None:
    with pytest.raises(InvalidInput, match="ended_on"):
        store.add(
            MEDICATION,
            user,
            {"name": "x", "started_on": LAST_WEEK, "ended_on": LAST_WEEK - timedelta(days=1)},
        )


def test_list_since_bound(store: DiaryStore, user: UserSettings) -> None:
    old = store.add(
        RELIEF_RATING, user, {"rated_on": LAST_WEEK, "strategy": "rest_breaks", "rating": "helpful"}
    )
    new = store.add(
        RELIEF_RATING,
        user,
        {
            "rated_on": date.today() - timedelta(days=1),
            "strategy": "hydration",
            "rating": "helpful",
        },
    )
    assert store.list(RELIEF_RATING, user, since=LAST_WEEK + timedelta(days=1)) == [new]
    assert store.list(RELIEF_RATING, user) == [old, new]


def test_load_diary_holds_everything_in_time_order(store: DiaryStore, user: UserSettings) -> None:
    later = store.add(EPISODE, user, {"started_at": AN_HOUR_AGO, "region": "eyelid"})
    earlier = store.add(
        EPISODE, user, {"started_at": AN_HOUR_AGO - timedelta(days=2), "region": "calf"}
    )
    for kind in (DAILY_FACTORS, MEDICATION, SYMPTOM, STRENGTH, RELIEF_RATING):
        store.add(kind, user, EXAMPLES[kind.name][0])
    diary = store.load_diary(user)
    assert diary.episodes == [earlier, later]
    assert len(diary.days) == len(diary.medications) == len(diary.symptoms) == 1
    assert len(diary.strength_checks) == len(diary.relief_ratings) == 1
    assert diary.timezone == user.timezone


def test_load_diary_since_bounds_only_what_grows(store: DiaryStore, user: UserSettings) -> None:
    today = user.today()
    long_ago = datetime.now(UTC) - timedelta(days=300)
    store.add(EPISODE, user, {"started_at": long_ago, "region": "calf"})
    recent = store.add(EPISODE, user, {"started_at": AN_HOUR_AGO, "region": "thigh"})
    store.add(DAILY_FACTORS, user, {"day": today - timedelta(days=300), "sleep_hours": 6})
    store.add(MEDICATION, user, {"name": "sertraline", "started_on": today - timedelta(days=400)})
    store.add(STRENGTH, user, {"checked_at": long_ago, "heel_walk": "pass"})

    full = store.load_diary(user)
    bounded = store.load_diary(user, since=today - timedelta(days=30))

    assert len(full.episodes) == 2 and len(full.days) == 1
    assert [e.stamps.id for e in bounded.episodes] == [recent.stamps.id]
    assert bounded.days == []
    # A course started long ago may still be running; old grip checks are the baseline.
    assert len(bounded.medications) == 1
    assert len(bounded.strength_checks) == 1
