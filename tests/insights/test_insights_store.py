"""Insights from episodes loaded as columns match insights from full records, on both databases."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta

from twitchguide.diary.records import DAILY_FACTORS, EPISODE
from twitchguide.insights.daily_table import EpisodeColumns
from twitchguide.insights.report import build_insights
from twitchguide.store.diary_store import DiaryStore, UserSettings
from twitchguide.store.insights_store import load_for_insights


def fill(store: DiaryStore, user: UserSettings) -> None:
    # Across the October clock change in London, at odd seconds and microseconds, near the
    # 4 a.m. day start, so day and hour must come out exactly as from the records.
    first = datetime(2026, 10, 10, 2, 59, 59, 999999, tzinfo=UTC)
    regions = ("calf", "eyelid", "thigh")
    for i in range(120):
        at = first + timedelta(hours=5 * i, minutes=7 * i, seconds=i)
        store.add(
            EPISODE,
            user,
            {"started_at": at, "region": regions[i % 3], "side": ("left", "right", None)[i % 3]},
        )
    for k in range(30):
        store.add(
            DAILY_FACTORS,
            user,
            {"day": date(2026, 10, 10) + timedelta(days=k), "stress": 1 + k % 5, "sleep_hours": 7},
        )


def test_columns_give_the_same_report_as_records(store: DiaryStore, user: UserSettings) -> None:
    fill(store, user)
    whole = build_insights(store.load_diary(user)).to_dict()
    diary, columns = load_for_insights(store, user)
    assert len(columns) == 120 and diary.episodes == []
    assert build_insights(diary, episodes=columns).to_dict() == whole


def test_columns_from_a_day_on_match_records_from_that_day(
    store: DiaryStore, user: UserSettings
) -> None:
    fill(store, user)
    since = date(2026, 10, 20)
    records = store.load_diary(user, since=since)
    diary, columns = load_for_insights(store, user, since=since)
    assert columns.regions == [e.region for e in records.episodes]
    assert columns.seconds.tolist() == [
        float(int(e.started_at.timestamp())) for e in records.episodes
    ]
    expected = EpisodeColumns.of(records.episodes)
    assert columns.sides == expected.sides
    assert build_insights(diary, episodes=columns).to_dict() == build_insights(records).to_dict()
