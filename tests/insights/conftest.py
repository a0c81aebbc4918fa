"""Builders for hand-made diaries and daily tables, offered to the insights tests as fixtures."""

from __future__ import annotations

from datetime import UTC, date, datetime
from types import SimpleNamespace
from typing import Any

import pytest

from twitchguide.diary.records import DailyFactors, Episode, ReliefRating, Stamps

START = date(2026, 1, 5)  # a Monday
_STAMP_TIME = datetime(2026, 1, 1, tzinfo=UTC)


def stamps(i: int = 1) -> Stamps:
    return Stamps(id=i, owner_id=1, created_at=_STAMP_TIME, updated_at=_STAMP_TIME)


def episode(at: datetime, region: str = "eyelid", side: str | None = "left") -> Episode:
    return Episode(stamps=stamps(), started_at=at, region=region, side=side)


def factors_row(day: date, **values: Any) -> DailyFactors:
    return DailyFactors(stamps=stamps(), day=day, **values)


def rating(strategy: str, value: str, day: date = START) -> ReliefRating:
    return ReliefRating(stamps=stamps(), rated_on=day, strategy=strategy, rating=value)


@pytest.fixture
def build() -> SimpleNamespace:
    """The builders above, as one namespace (tests run in importlib mode, so no helper imports)."""
    return SimpleNamespace(
        start=START,
        stamps=stamps,
        episode=episode,
        factors_row=factors_row,
        rating=rating,
    )
