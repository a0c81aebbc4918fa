"""Patterns on small hand-made diaries: counts, sides, time of day, spread, hot spot, trend."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from types import SimpleNamespace

import numpy as np
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twitchguide.diary.snapshot import Diary
from twitchguide.insights.daily_table import build_daily_table
from twitchguide.insights.patterns import RegionCount, describe_patterns

D0 = date(2026, 3, 2)


def at(day: int, hour: int) -> datetime:
    return datetime(2026, 3, 2, hour, tzinfo=UTC) + timedelta(days=day)


def test_counts_sides_and_time_of_day(build: SimpleNamespace) -> None:
    diary = Diary(
        episodes=[
            build.episode(at(0, 9), "eyelid", "left"),
            build.episode(at(0, 13), "eyelid", "left"),
            build.episode(at(1, 20), "calf", "right"),
            build.episode(at(2, 2), "calf", "left"),  # 02:00 on day 3 is the night of day 2
            build.episode(at(3, 7), "thumb", None),
        ],
        days=[build.factors_row(D0 + timedelta(days=d)) for d in range(4)],
    )
    p = describe_patterns(diary, build_daily_table(diary))
    assert p.episodes == 5 and p.days_logged == 4
    assert p.episodes_per_logged_day == 5 / 4
    assert p.by_region[0] == RegionCount("eyelid", 2) and len(p.by_region) == 3
    assert p.by_side == {"left": 3, "right": 1, "not_given": 1}
    assert p.side_balance == (1 - 3) / 4
    assert p.by_time_of_day == {"night": 1, "morning": 2, "afternoon": 1, "evening": 1}


def test_spread_per_week_counts_distinct_regions_back_from_the_last_day(
    build: SimpleNamespace,
) -> None:
    regions = ["eyelid", "eyelid", "calf", "thumb", "calf", "calf", "calf", "calf", "calf", "calf"]
    diary = Diary(episodes=[build.episode(at(d, 10), r) for d, r in enumerate(regions)])
    p = describe_patterns(diary, build_daily_table(diary))
    # 10 days: the last week is days 3-9 (thumb, calf); the first is days 0-2 (eyelid, calf).
    assert [(w.week_start, w.regions) for w in p.regions_per_week] == [
        (D0, 2),
        (D0 + timedelta(days=3), 2),
    ]


def test_hot_spot_is_the_longest_run_and_missing_days_do_not_break_it(
    build: SimpleNamespace,
) -> None:
    episodes = [build.episode(at(d, 10), "calf", "left") for d in (0, 1, 2, 4, 5, 9)]
    episodes += [build.episode(at(d, 11), "eyelid", "right") for d in (6, 7, 8)]
    # Day 3 is missing (nothing logged), so calf days 0-5 are one run of five days.
    diary = Diary(episodes=episodes)
    p = describe_patterns(diary, build_daily_table(diary))
    assert p.hot_spot is not None
    assert (p.hot_spot.region, p.hot_spot.side) == ("calf", "left")
    assert p.hot_spot.days_with_twitching == 5
    assert p.hot_spot.first_day == D0 and p.hot_spot.last_day == D0 + timedelta(days=5)
    assert not p.hot_spot.still_going


def _steady_diary(build: SimpleNamespace, rates: list[float], seed: int = 3) -> Diary:
    rng = np.random.default_rng(seed)
    episodes = []
    for d, rate in enumerate(rates):
        episodes += [build.episode(at(d, 8 + k % 12), "eyelid") for k in range(rng.poisson(rate))]
    days = [build.factors_row(D0 + timedelta(days=d)) for d in range(len(rates))]
    return Diary(episodes=episodes, days=days)


def test_steady_diary_says_no_meaningful_change(build: SimpleNamespace) -> None:
    diary = _steady_diary(build, [6.0] * 60)
    p = describe_patterns(diary, build_daily_table(diary))
    assert p.last_14_days is not None
    assert p.last_14_days.direction == "no_meaningful_change"
    assert "no meaningful change" in p.last_14_days.wording
    assert p.trend_per_30_days is not None
    assert p.trend_per_30_days.ci_low < 1 < p.trend_per_30_days.ci_high


def test_clear_drop_is_reported_as_fewer_with_a_range(build: SimpleNamespace) -> None:
    diary = _steady_diary(build, [12.0] * 46 + [3.0] * 14)
    p = describe_patterns(diary, build_daily_table(diary))
    assert p.last_14_days is not None and p.last_14_days.direction == "fewer"
    assert p.last_14_days.ci_high < 1
    assert "fewer" in p.last_14_days.wording and "95% range" in p.last_14_days.wording


def test_too_short_for_a_trend(build: SimpleNamespace) -> None:
    diary = _steady_diary(build, [5.0] * 10)
    p = describe_patterns(diary, build_daily_table(diary))
    assert p.trend_per_30_days is None and p.last_14_days is None


def _hot_spot_one_by_one(
    observed: list[bool], places: list[tuple[str, str | None]], rows: list[int]
) -> tuple[tuple[str, str | None], int, int, int] | None:
    """The plain reading of the rule, for checking the vectorised one."""
    days_by_place: dict[tuple[str, str | None], set[int]] = {}
    for place, row in zip(places, rows, strict=True):
        days_by_place.setdefault(place, set()).add(row)
    best = None
    for place, days in days_by_place.items():
        start = previous = -1
        count = 0
        for row in sorted(days):
            if previous < 0 or any(observed[previous + 1 : row]):
                start, count = row, 0
            count += 1
            previous = row
            if best is None or count > best[1]:
                best = (place, count, start, row)
    return best


@settings(
    max_examples=200, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    st.lists(
        st.tuples(st.integers(0, 40), st.sampled_from(["calf", "eyelid", "thigh"]),
                  st.sampled_from(["left", "right", None])),
        min_size=1,
        max_size=60,
    ),
    st.sets(st.integers(0, 40), max_size=20),
)  # fmt: skip
def test_hot_spot_matches_the_plain_rule(
    build: SimpleNamespace, logged: list[tuple[int, str, str | None]], quiet_days: set[int]
) -> None:
    # quiet_days: days with a factors row, so logged; with no twitch there they end a run.
    episodes = sorted(
        (build.episode(at(day, 10), region, side) for day, region, side in logged),
        key=lambda e: e.started_at,
    )
    days = [build.factors_row(D0 + timedelta(days=d), sleep_hours=7) for d in sorted(quiet_days)]
    diary = Diary(episodes=episodes, days=days)
    table = build_daily_table(diary)
    p = describe_patterns(diary, table)
    expected = _hot_spot_one_by_one(
        table.observed.tolist(),
        [(e.region, e.side) for e in episodes],
        table.episode_row.tolist(),
    )
    assert p.hot_spot is not None and expected is not None
    place, count, first, last = expected
    assert ((p.hot_spot.region, p.hot_spot.side), p.hot_spot.days_with_twitching) == (place, count)
    assert (p.hot_spot.first_day, p.hot_spot.last_day) == (table.days[first], table.days[last])
