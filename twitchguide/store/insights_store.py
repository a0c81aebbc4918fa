"""The diary as insights read it: episodes as three columns straight from SQL, the rest as records.

Building 200,000 Episode records took most of the time of `insights` on a big diary; insights
only read each episode's start, region and side, so those come back as columns, with the start
as epoch seconds computed by the database.
"""

from __future__ import annotations

from datetime import date

import numpy as np

from twitchguide.diary.localday import day_bounds
from twitchguide.diary.records import DAILY_FACTORS, RELIEF_RATING, STRENGTH
from twitchguide.diary.snapshot import Diary
from twitchguide.insights.daily_table import EpisodeColumns
from twitchguide.store.diary_store import DiaryStore, UserSettings

# Whole seconds, truncated (never rounded up into the next hour or day). SQLite stores instants
# as fixed-width UTC text, so its first 19 characters are the UTC wall time.
_EPOCH = {
    "sqlite": "CAST(strftime('%s', substr(started_at, 1, 19)) AS INTEGER)",
    "postgresql": "CAST(FLOOR(EXTRACT(EPOCH FROM started_at)) AS BIGINT)",
}


def load_for_insights(
    store: DiaryStore, user: UserSettings, since: date | None = None
) -> tuple[Diary, EpisodeColumns]:
    """Factor days, strength checks and relief ratings as records; episodes as columns."""
    database = store.database
    sql = f"SELECT {_EPOCH[database.dialect]}, region, side FROM episodes WHERE owner_id = ?"
    params: list[object] = [user.user_id]
    day_since = None
    if since is not None:
        start = day_bounds(since, user.zone, user.day_start_hour)[0]
        sql += " AND started_at >= ?"
        params.append(start if database.dialect == "postgresql" else start.isoformat())
        day_since = since
    rows = database.query_tuples(sql + " ORDER BY started_at, id", params)
    columns = EpisodeColumns(
        np.array([row[0] for row in rows], dtype=np.float64),
        [row[1] for row in rows],
        [row[2] for row in rows],
    )
    diary = Diary(
        days=store.list(DAILY_FACTORS, user, since=day_since),  # type: ignore[arg-type]
        strength_checks=store.list(STRENGTH, user),  # type: ignore[arg-type]
        relief_ratings=store.list(RELIEF_RATING, user, since=day_since),  # type: ignore[arg-type]
        timezone=user.timezone,
        day_start_hour=user.day_start_hour,
    )
    return diary, columns
