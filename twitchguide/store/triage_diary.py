"""The recent diary as triage reads it, at a cost that does not grow with how much is logged.

Triage's diary facts (twitchguide/triage/diary_facts.py) use, of each twitch in the look-back,
only its diary day, region, side and context: which regions were seen first on which day, the
sides, whether every twitch came while falling asleep, and which days had any. So one twitch per
distinct (diary day, region, side, context) gives the same facts as all of them. Only those few
columns are read, no row is decoded to find its day, and only the few hundred kept become
records (figures in docs/benchmarks.md, "Reliability at scale"). A test checks that the facts
agree with those from the whole diary.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from twitchguide.diary.localday import day_bounds
from twitchguide.diary.records import (
    DAILY_FACTORS,
    EPISODE,
    MEDICATION,
    RELIEF_RATING,
    STRENGTH,
    SYMPTOM,
    Episode,
    Stamps,
)
from twitchguide.diary.snapshot import Diary

if TYPE_CHECKING:
    from twitchguide.store.diary_store import DiaryStore, UserSettings


def load_triage_diary(store: DiaryStore, user: UserSettings, since: date) -> Diary:
    """Like `load_diary(user, since)`, with the episodes reduced to one per day, region, side
    and context (the earliest, keeping its id). For triage only: counts and notes are gone."""
    start = day_bounds(since, user.zone, user.day_start_hour)[0]
    return Diary(
        episodes=_representatives(store, user, since),
        days=store.list(DAILY_FACTORS, user, since=since),  # type: ignore[arg-type]
        # All of them, as load_diary does: an old course may still run, old checks are the
        # baseline for a grip trend.
        medications=store.list(MEDICATION, user),  # type: ignore[arg-type]
        symptoms=store.list(SYMPTOM, user, since=start),  # type: ignore[arg-type]
        strength_checks=store.list(STRENGTH, user),  # type: ignore[arg-type]
        relief_ratings=store.list(RELIEF_RATING, user, since=since),  # type: ignore[arg-type]
        timezone=user.timezone,
        day_start_hour=user.day_start_hour,
    )


# Every field not read here, so each record is made with every field named (the quick way, see
# twitchguide/value.py) and says plainly that it holds no duration, count or note.
_EMPTY_EPISODE: dict[str, Any] = {
    spec.name: None
    for spec in EPISODE.fields
    if spec.name not in ("started_at", "region", "side", "context")
} | {"ongoing": False}


def _representatives(store: DiaryStore, user: UserSettings, since: date) -> list[Episode]:
    encode = store.encode_instant
    last = user.today() + timedelta(days=1)  # a clock a little ahead still lands in a day
    # Where each diary day starts, as the database stores instants: stored values compare in
    # time order (fixed-width UTC text in SQLite), so no row needs decoding to find its day.
    starts = [
        encode(day_bounds(since + timedelta(days=n), user.zone, user.day_start_hour)[0])
        for n in range((last - since).days + 2)
    ]
    rows = store.database.query_tuples(
        "SELECT id, region, side, context, started_at FROM episodes "
        "WHERE owner_id = ? AND started_at >= ? AND started_at < ? ORDER BY started_at, id",
        (user.user_id, starts[0], starts[-1]),
    )
    seen: set[tuple[int, str, str | None, str | None]] = set()
    kept = []
    day = 0
    for row in rows:
        while row[4] >= starts[day + 1]:
            day += 1
        key = (day, row[1], row[2], row[3])
        if key not in seen:  # rows come in time order: the first of each is the earliest
            seen.add(key)
            kept.append(row)
    decode = store.decode_instant
    episodes = []
    for record_id, region, side, context, started in kept:
        at = decode(started)
        stamps = Stamps(id=int(record_id), owner_id=user.user_id, created_at=at, updated_at=at)
        fields: dict[str, Any] = {
            "stamps": stamps,
            "started_at": at,
            "region": region,
            "side": side,
        }
        episodes.append(Episode(**_EMPTY_EPISODE, **fields, context=context))
    return episodes
