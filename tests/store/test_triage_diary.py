"""The triage diary (one twitch per day, region, side and context) gives triage exactly the facts
the whole recent diary gives, on both databases, across diary-day edges and time zones."""

from __future__ import annotations

import random
from datetime import UTC, datetime, timedelta

import pytest

from twitchguide.diary.records import EPISODE, SYMPTOM
from twitchguide.store import DiaryStore
from twitchguide.triage.diary_facts import facts_from_diary, lookback_start


@pytest.mark.parametrize(
    ("zone", "day_start", "contexts"),
    [
        ("Europe/London", 4, ("rest", "after_exercise", None, "falling_asleep")),
        ("America/New_York", 6, ("rest", None)),
        ("Asia/Kolkata", 0, ("falling_asleep",)),  # every twitch while falling asleep
    ],
)
def test_triage_facts_match_the_whole_diary(
    store: DiaryStore, zone: str, day_start: int, contexts: tuple[str | None, ...]
) -> None:
    user = store.user("local", timezone=zone)
    user = store.update_settings(user, day_start_hour=day_start)
    rng = random.Random(zone)
    now = datetime.now(UTC)
    with store.database.transaction():
        for _ in range(400):
            # Many near a diary-day edge, where a wrong day would change the facts.
            at = now - timedelta(days=rng.uniform(0, 45), minutes=rng.choice((0, 1, 59, 61)))
            store.add(
                EPISODE,
                user,
                {"started_at": at, "region": rng.choice(("calf", "eyelid", "thigh")),
                 "side": rng.choice(("left", "right", None)), "context": rng.choice(contexts),
                 "intensity": rng.randint(1, 5), "note": rng.choice((None, "tired"))},
            )  # fmt: skip
        store.add(SYMPTOM, user, {"noted_at": now - timedelta(days=2), "kind": "cramps"})
    since = lookback_start(user.today())
    whole = store.load_diary(user, since=since)
    reduced = store.load_triage_diary(user, since)
    assert len(reduced.episodes) < len(whole.episodes)

    def seen(diary: object) -> set[tuple[object, ...]]:
        return {
            (whole.day_of(e.started_at), e.region, e.side, e.context)
            for e in diary.episodes  # type: ignore[attr-defined]
        }

    # The exact claim: the same (diary day, region, side, context) combinations, no more.
    assert seen(reduced) == seen(whole)
    assert len(reduced.episodes) == len(seen(whole))
    assert facts_from_diary(reduced, user.today()) == facts_from_diary(whole, user.today())
    assert reduced.symptoms == whole.symptoms
    assert reduced.days == whole.days
