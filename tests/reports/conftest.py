"""The report tests' diaries and a way to render them, from benchmarks/report_diaries.py."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime, timedelta, timezone

import pytest

from benchmarks.report_diaries import (
    YEAR_END,
    empty_diary,
    red_flag_diary,
    week_diary,
    year_diary,
)
from twitchguide.actions.report import RenderedReport, render_diary_report
from twitchguide.diary.snapshot import Diary
from twitchguide.reports.model import ReportOptions

GENERATED = datetime(2026, 11, 27, 18, 30, tzinfo=timezone(timedelta(hours=1)))
DIARIES: dict[str, Callable[[], Diary]] = {
    "empty": empty_diary,
    "week": week_diary,
    "year": year_diary,
    "red_flags": red_flag_diary,
}


def render(diary: Diary, **options: object) -> RenderedReport:
    return render_diary_report(
        diary,
        ReportOptions(**options),
        now=GENERATED,
        today=YEAR_END,  # type: ignore[arg-type]
    )


@pytest.fixture(scope="session")
def year() -> Diary:
    return year_diary()


@pytest.fixture(scope="session")
def red_flags() -> Diary:
    return red_flag_diary()
