"""The recent diary as triage reads it, at a cost that does not grow with how much is logged.

Triage's diary facts (twitchguide/triage/diary_facts.py) use, of each twitch in the look-back,
only its diary day, region, side and context: which regions were seen first on which day, the
sides, whether every twitch came while falling asleep, and which days had any. So one twitch per
distinct (diary day, region, side, context) gives the same facts as all of them. The database
groups them, and a `log` reads at most a few hundred rows whether the diary holds 10 twitches a
day or 10,000. A test checks that the facts agree with those from the whole diary.
"""

from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING, Any

from twitchguide.diary.localday import day_bounds
from twitchguide.diary.records import (
    DAILY_FACTORS,
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


def _representatives(store: DiaryStore, user: UserSettings, since: date) -> list[Episode]:
    encode = store.encode_instant
    last = user.today() + timedelta(days=1)  # a clock a little ahead still lands in a day
    days = [since + timedelta(days=n) for n in range((last - since).days + 1)]
    rows: list[Any] = []
    for day in days:
        start, end = day_bounds(day, user.zone, user.day_start_hour)
        rows.extend((day.isoformat(), encode(start), encode(end)))
    values = ", ".join("(?, ?, ?)" for _ in days)
    first = day_bounds(since, user.zone, user.day_start_hour)[0]
    found = store.database.query_tuples(
        f"WITH diary_days (day, day_start, day_end) AS (VALUES {values}) "
        "SELECT MIN(e.id), e.region, e.side, e.context, MIN(e.started_at) "
        "FROM episodes e JOIN diary_days d "
        "ON e.started_at >= d.day_start AND e.started_at < d.day_end "
        "WHERE e.owner_id = ? AND e.started_at >= ? "
        "GROUP BY d.day, e.region, e.side, e.context",
        [*rows, user.user_id, encode(first)],
    )
    decode = store.decode_instant
    episodes = []
    for record_id, region, side, context, started in found:
        at = decode(started)
        episodes.append(
            Episode(
                stamps=Stamps(int(record_id), user.user_id, at, at),
                started_at=at,
                region=region,
                side=side,
                context=context,
            )
        )
    episodes.sort(key=lambda episode: (episode.started_at, episode.stamps.id))
    return episodes
