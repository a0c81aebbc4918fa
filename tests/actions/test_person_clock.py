"""Every "now" and "today" is the person's: the machine's time zone never changes a result."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from twitchguide.actions import diary, records, triage
from twitchguide.actions.context import ActionContext
from twitchguide.diary.records import SYMPTOM
from twitchguide.store import open_store
from twitchguide.store.user_store import UserStore

ZONES = ["UTC", "Europe/London", "America/New_York", "Pacific/Kiritimati", "Pacific/Pago_Pago",
         "Asia/Kolkata", "Australia/Adelaide"]  # fmt: skip


@contextmanager
def environment(name: str, value: str) -> Iterator[None]:
    """The process runs with one environment variable set; time.tzset() rereads TZ."""
    saved = os.environ.get(name)
    os.environ[name] = value
    time.tzset()
    try:
        yield
    finally:
        if saved is None:
            os.environ.pop(name, None)
        else:
            os.environ[name] = saved
        time.tzset()


def _run_everything(path: Path, person_zone: str, day_start: int) -> list[Any]:
    store = open_store(f"sqlite:///{path}")
    user = store.user("local", timezone=person_zone)
    user = store.update_settings(user, day_start_hour=day_start)
    with ActionContext(UserStore(store, user)) as ctx:
        return [
            diary.log_episodes(ctx, "left calf yesterday evening, 2 minutes", {}).to_json(),
            diary.log_episodes(ctx, "eyelid", {"started_at": "2h ago"}).to_json(),
            diary.log_episodes(ctx, "thigh", {"started_at": "monday 9am"}).to_json(),
            diary.set_day(ctx, None, {"sleep": "6h30m"}, add={"caffeine": "95"}).day.isoformat(),
            diary.set_day(ctx, "yesterday", {"stress": "4"}).day.isoformat(),
            records.add_record(ctx, SYMPTOM, {"kind": "cramps"}).to_json(),
            diary.timeline(ctx, "7d").to_json(),
            diary.timeline(ctx, "last week").to_json(),
            triage.check(ctx, text="calf twitching since monday, no weakness").to_json(),
            triage.check(ctx, with_diary=True).to_json(),
        ]


@settings(
    max_examples=25, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(
    person=st.sampled_from(ZONES),
    machine=st.sampled_from(ZONES),
    day_start=st.integers(0, 12),
    minutes=st.integers(0, 60 * 24 * 400),
)
def test_the_machine_time_zone_changes_nothing(
    tmp_path_factory: Any, person: str, machine: str, day_start: int, minutes: int
) -> None:
    instant = datetime(2026, 1, 1, tzinfo=UTC) + timedelta(minutes=minutes)
    folder = tmp_path_factory.mktemp("clock")
    with environment("TWITCHGUIDE_NOW", instant.isoformat()):
        with environment("TZ", person):
            on_their_machine = _run_everything(folder / "same.db", person, day_start)
        with environment("TZ", machine):
            elsewhere = _run_everything(folder / "other.db", person, day_start)
    assert elsewhere == on_their_machine
